import { fileTypeFromBuffer } from 'file-type';
import { EVIDENCE_MESSAGES, EVIDENCE_TYPE_NAME } from './evidence.messages.js';

/** Document and image types accepted as evidence, by the MIME type their content shows. */
export const ALLOWED_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (docx)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (xlsx)',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint (pptx)',
  'application/x-cfb': 'Office 97–2003 (doc/xls/ppt)',
  'application/vnd.oasis.opendocument.text': EVIDENCE_TYPE_NAME.odfText,
  'application/vnd.oasis.opendocument.spreadsheet': EVIDENCE_TYPE_NAME.odfSpreadsheet,
  'application/rtf': 'RTF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'image/tiff': 'TIFF',
  'image/bmp': 'BMP',
  'image/heic': 'HEIC',
  'text/plain': EVIDENCE_TYPE_NAME.plainText,
  'text/csv': 'CSV',
};

/** The file-name extensions each accepted type is saved under; the first is used when a name must be corrected. */
export const TYPE_EXTENSIONS: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  // WPS's own formats (wps, et, dps) are the same compound files.
  'application/x-cfb': ['doc', 'xls', 'ppt', 'wps', 'et', 'dps'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/rtf': ['rtf'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe'],
  'image/png': ['png'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/tiff': ['tif', 'tiff'],
  'image/bmp': ['bmp'],
  'image/heic': ['heic', 'heif'],
  'text/plain': ['txt', 'log', 'md'],
  'text/csv': ['csv'],
};

/**
 * Extensions a browser or Windows would run or render as active content when the file is opened: never kept,
 * whatever the content (a reviewer's browser saves the file under its name).
 */
const ACTIVE_EXTENSIONS = new Set(
  'hta js mjs cjs jse vbs vbe wsf wsh wsc sct bat cmd ps1 psm1 psd1 sh bash exe com scr pif msi msp dll cpl jar lnk url reg inf html htm xhtml shtml mht mhtml svg svgz xml xsl xslt swf chm application gadget appref-ms'.split(
    ' ',
  ),
);

/** Text that a browser would render as a page or run as a script, whatever the name says. */
const ACTIVE_TEXT = /^\s*(<!doctype\s+html|<html|<head|<body|<script|<svg|<\?xml|<iframe|<object|<embed)/i;

/** The longest name kept (evidence.filename). */
const MAX_NAME = 255;

export type NameCheck = { filename: string; corrected: boolean } | { refused: string };

/**
 * The name evidence is stored under: refused (with the reason) when its extension is one that runs or renders
 * active content, or its text is markup; otherwise the uploader's name, its extension replaced by the detected
 * type's when they disagree (a PNG named `报告.pdf` is kept as `报告.png`).
 */
export function evidenceName(filename: string, mime: string, head: Buffer): NameCheck {
  const dot = filename.lastIndexOf('.');
  const extension = dot > 0 ? filename.slice(dot + 1).toLowerCase() : '';
  if (ACTIVE_EXTENSIONS.has(extension)) return { refused: EVIDENCE_MESSAGES.activeExtension(extension) };
  if (mime.startsWith('text/') && ACTIVE_TEXT.test(head.subarray(0, 4096).toString('utf8'))) {
    return { refused: EVIDENCE_MESSAGES.activeContent };
  }
  const allowed = TYPE_EXTENSIONS[mime] ?? [];
  if (allowed.includes(extension)) return { filename, corrected: false };
  const stem = dot > 0 ? filename.slice(0, dot) : filename;
  const corrected = allowed[0] ?? 'bin';
  // Within the 255 characters a name is kept to: the stem gives way to the extension.
  return { filename: `${stem.slice(0, MAX_NAME - corrected.length - 1)}.${corrected}`, corrected: true };
}

/** How much of a file is read to recognise it (Office files need their first zip entries). */
export const SNIFF_BYTES = 256 * 1024;

/**
 * The MIME type the bytes show, or null. Text without a signature counts as
 * text only when it is valid UTF-8 without control characters; the file name
 * decides nothing but csv-versus-plain for such text.
 */
export async function sniffContentType(sample: Buffer, filename: string): Promise<string | null> {
  const detected = await fileTypeFromBuffer(sample);
  if (detected) return detected.mime;
  if (sample.length === 0 || !isPlainText(sample)) return null;
  return /\.csv$/i.test(filename) ? 'text/csv' : 'text/plain';
}

function isPlainText(sample: Buffer): boolean {
  // The sample may end inside a multi-byte character; ignore up to 3 trailing bytes.
  for (let trim = 0; trim <= 3 && trim < sample.length; trim++) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, sample.length - trim));
      // eslint-disable-next-line no-control-regex -- control characters are what marks binary content
      return !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text);
    } catch {
      // try with one byte fewer
    }
  }
  return false;
}

export function isAllowedType(mime: string): boolean {
  return mime in ALLOWED_TYPES;
}
