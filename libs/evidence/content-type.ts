import { fileTypeFromBuffer } from 'file-type';

/** Document and image types accepted as evidence, by the MIME type their content shows. */
export const ALLOWED_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (docx)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (xlsx)',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint (pptx)',
  'application/x-cfb': 'Office 97–2003 (doc/xls/ppt)',
  'application/vnd.oasis.opendocument.text': 'ODF 文本',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODF 表格',
  'application/rtf': 'RTF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'image/tiff': 'TIFF',
  'image/bmp': 'BMP',
  'image/heic': 'HEIC',
  'text/plain': '纯文本',
  'text/csv': 'CSV',
};

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
