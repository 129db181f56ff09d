import { inflateRawSync } from 'node:zlib';
import { InvalidInputError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../common/errors.js';
import { XLSX_MESSAGES } from './excel.messages.js';

export interface WorkbookLimits {
  /** Row elements across all worksheets, empty formatted rows included: far above a data-row limit. */
  maxRowElements: number;
  /** The sum of the uncompressed sizes of the zip's entries. */
  maxUncompressedBytes: number;
  maxEntries: number;
}

/** 24 MiB of XML holds far more than the 5,000 rows an import takes, and keeps exceljs's memory bounded. */
export const DEFAULT_WORKBOOK_LIMITS: WorkbookLimits = { maxUncompressedBytes: 24 * 1024 * 1024, maxEntries: 2000, maxRowElements: 20_000 };

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Checks an upload before exceljs reads it: an XLSX is a zip, and its central
 * directory declares every entry's uncompressed size, so a zip bomb (a small file that
 * inflates to gigabytes) is refused from those numbers alone; each part is then inflated
 * within what is left of the limit (a zip may lie about its sizes) and the worksheets'
 * rows are counted. An encrypted workbook
 * is an OLE compound file (as is an old .xls), not a zip.
 */
export function checkWorkbookArchive(file: Buffer, limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS): void {
  if (file.subarray(0, 8).equals(OLE_MAGIC)) {
    throw new UnsupportedMediaTypeError(XLSX_MESSAGES.encryptedOrXls);
  }
  if (file.length < 22 || file.readUInt32LE(0) !== 0x04034b50) throw new UnsupportedMediaTypeError(XLSX_MESSAGES.notXlsx);
  // The end-of-central-directory record: the last 22 bytes, or earlier when the zip carries a comment.
  let eocd = -1;
  for (let i = file.length - 22; i >= Math.max(0, file.length - 22 - 0xffff); i--) {
    if (file.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new InvalidInputError(XLSX_MESSAGES.noDirectory);
  const entries = file.readUInt16LE(eocd + 10);
  let offset = file.readUInt32LE(eocd + 16);
  if (entries === 0xffff || offset === 0xffffffff) throw new PayloadTooLargeError(XLSX_MESSAGES.zip64);
  if (entries > limits.maxEntries) throw new PayloadTooLargeError(XLSX_MESSAGES.tooManyParts(entries, limits.maxEntries));
  let total = 0;
  let rows = 0;
  let inflated = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > file.length || file.readUInt32LE(offset) !== CENTRAL_ENTRY) throw new InvalidInputError(XLSX_MESSAGES.brokenDirectory);
    const flags = file.readUInt16LE(offset + 8);
    if (flags & 0x1) throw new UnsupportedMediaTypeError(XLSX_MESSAGES.encrypted);
    const size = file.readUInt32LE(offset + 24);
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    if (total > limits.maxUncompressedBytes) {
      throw new PayloadTooLargeError(XLSX_MESSAGES.tooLargeUnzipped(limits.maxUncompressedBytes / 1024 / 1024));
    }
    const nameLength = file.readUInt16LE(offset + 28);
    const name = file.toString('utf8', offset + 46, offset + 46 + nameLength);
    // Inflated for real too, within what is left of the limit: a zip may declare sizes smaller than its data inflates to.
    const data = inflatedEntry(
      file,
      file.readUInt16LE(offset + 10),
      file.readUInt32LE(offset + 20),
      file.readUInt32LE(offset + 42),
      limits.maxUncompressedBytes - inflated,
    );
    inflated += data.length;
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      // exceljs builds objects of about a hundred times a short cell's XML: count the rows before it reads them.
      rows += data.toString('latin1').match(/<(?:\w+:)?row[\s>]/g)?.length ?? 0;
      if (rows > limits.maxRowElements) throw new PayloadTooLargeError(XLSX_MESSAGES.tooManyRows(limits.maxRowElements));
    }
    offset += 46 + nameLength + file.readUInt16LE(offset + 30) + file.readUInt16LE(offset + 32);
  }
}

function inflatedEntry(file: Buffer, method: number, compressedSize: number, localHeader: number, budget: number): Buffer {
  if (localHeader + 30 > file.length || file.readUInt32LE(localHeader) !== 0x04034b50) throw new InvalidInputError(XLSX_MESSAGES.brokenPart);
  const start = localHeader + 30 + file.readUInt16LE(localHeader + 26) + file.readUInt16LE(localHeader + 28);
  const data = file.subarray(start, start + compressedSize);
  if (method === 0) return data;
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new PayloadTooLargeError(XLSX_MESSAGES.bombRefused);
    throw new InvalidInputError(XLSX_MESSAGES.unzipFailed);
  }
}
