/**
 * The audit chain's links read from `COPY … TO STDOUT` text as bytes (`npm run audit:verify`'s walk, GET
 * /audit/verify, a restore's workers): each row's content, as the chain hashes it, written byte by byte from the
 * row into one buffer with its prev_hash in front, and hashed there. Decoding every row into strings, parsing its
 * JSON and encoding the content back to UTF-8 for the hash took about 14 µs an entry on one core of the bench machine
 * (encoding text with Chinese in it to UTF-8 alone 2.6 µs); this takes about 6, a third of it the hash.
 *
 * A row is written this way only when its bytes are the canonical text already, up to the order of the JSON's keys
 * and jsonb's spaces: no COPY escape but `\N`, no quote or control character in a text column, integers of at most
 * 15 digits, keys of the Basic Multilingual Plane (ordered by their bytes as JavaScript orders their UTF-16 code
 * units), a timestamp in UTC to the millisecond. Any other row (a note with a line break, a fraction, a date of
 * another style) is decoded and written by `chainLinkOf` from its fields, so both give the same digest for every row;
 * test/audit-chain-walk.e2e.ts holds the two against each other on generated rows as PostgreSQL writes them.
 */
import { hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { CHAIN_COLUMNS, CHAIN_CONTENT, chainColumn, type ChainContentKind, type ChainLink, chainLinkOf } from './chain-link.js';
import { copyField, copyTextChunks } from './copy-text.js';

const TAB = 9;
const QUOTE = 34;
const COMMA = 44;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
const BACKSLASH = 92;
const N = 78;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
/** The first byte of a 4-byte UTF-8 sequence: a character outside the BMP, which JavaScript orders differently. */
const ASTRAL = 0xf0;

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const NULL = ascii('null');

/**
 * Writes rows of one chunk: `row` is the chunk, `out` the text hashed (prev_hash, newline, content), `o` where the
 * next byte goes. Module state, not objects per row: this runs a million times for a million entries.
 */
let row: Buffer = Buffer.alloc(0);
let out = Buffer.allocUnsafe(64 * 1024);
let o = 0;
/** The fields of the row being written: where each starts and ends in `row`, and which are `\N`. */
let starts = new Int32Array(16);
let ends = new Int32Array(16);
let nulls = new Uint8Array(16);

function put(bytes: Uint8Array): void {
  for (let i = 0; i < bytes.length; i++) out[o++] = bytes[i]!;
}

function copy(start: number, end: number): void {
  if (end - start > 32) o += row.copy(out, o, start, end);
  else for (let i = start; i < end; i++) out[o++] = row[i]!;
}

/** Splits the row [start, end) at tabs into `count` fields; false when it has another count or a COPY escape. */
function split(start: number, end: number, count: number): boolean {
  const bytes = row;
  let field = 0;
  let escaped = false;
  let from = start;
  for (let i = start; i <= end; i++) {
    const byte = i === end ? TAB : bytes[i];
    if (byte === BACKSLASH) escaped = true;
    else if (byte === TAB) {
      // A backslash in the field: only `\N` (NULL) is written from the bytes.
      const isNull = escaped && i - from === 2 && bytes[from] === BACKSLASH && bytes[from + 1] === N;
      if (escaped && !isNull) return false;
      starts[field] = from;
      ends[field] = i;
      nulls[field] = isNull ? 1 : 0;
      if (++field === count) return i === end;
      from = i + 1;
      escaped = false;
    }
  }
  return false;
}

/** A text column as JSON.stringify writes it: false when it holds a quote or a control character. */
function text(field: number): boolean {
  if (nulls[field]) {
    put(NULL);
    return true;
  }
  const start = starts[field];
  const end = ends[field];
  for (let i = start; i < end; i++) {
    const byte = row[i];
    if (byte < 0x20 || byte === QUOTE) return false;
  }
  out[o++] = QUOTE;
  copy(start, end);
  out[o++] = QUOTE;
  return true;
}

/** A hash column, which the link keeps as a string: false unless ASCII (latin1 then decodes it as UTF-8 would). */
function hashText(field: number): string | null {
  if (nulls[field]) return null;
  for (let i = starts[field]; i < ends[field]; i++) if (row[i] >= 0x80) return null;
  return row.toString('latin1', starts[field], ends[field]);
}

const isDigit = (at: number) => row[at] >= ZERO && row[at] <= NINE;

/** An integer of at most 15 digits (JavaScript writes it back the same), at [start, end). */
function isPlainInteger(start: number, end: number): boolean {
  const from = row[start] === MINUS ? start + 1 : start;
  const length = end - from;
  if (length < 1 || length > 15 || (length > 1 && row[from] === ZERO) || (from > start && length === 1 && row[from] === ZERO)) return false;
  for (let i = from; i < end; i++) if (!isDigit(i)) return false;
  return true;
}

/** `YYYY-MM-DD HH:MM:SS[.f[f[f]]]+00`, years 1000–9999, as `"YYYY-MM-DDTHH:MM:SS.fffZ"` (the Date's ISO form). */
function instant(field: number): boolean {
  const start = starts[field];
  const length = ends[field] - start;
  if (nulls[field] || length < 22 || length > 26 || length === 23 || row[start] === ZERO) return false;
  const fraction = length - 22;
  for (let i = 0; i < 19; i++) {
    const byte = row[start + i];
    const expected = i === 4 || i === 7 ? MINUS : i === 10 ? 32 : i === 13 || i === 16 ? COLON : -1;
    if (expected === -1 ? !isDigit(start + i) : byte !== expected) return false;
  }
  if (fraction > 0 && row[start + 19] !== 46) return false;
  for (let i = 20; i < 19 + fraction; i++) if (!isDigit(start + i)) return false;
  const zone = start + length - 3;
  if (row[zone] !== 43 || row[zone + 1] !== ZERO || row[zone + 2] !== ZERO) return false;
  out[o++] = QUOTE;
  copy(start, start + 10);
  out[o++] = 84; // T
  copy(start + 11, start + 19);
  out[o++] = 46; // .
  for (let i = 0; i < 3; i++) out[o++] = i < fraction - 1 ? row[start + 20 + i] : ZERO;
  out[o++] = 90; // Z
  out[o++] = QUOTE;
  return true;
}

/** Where the JSON value starting at `at` ends (just after it), or -1. No backslash is in the row: a string ends at its next quote. */
function skipValue(at: number, end: number): number {
  const first = row[at];
  if (first === QUOTE) {
    const close = row.indexOf(QUOTE, at + 1);
    return close === -1 || close >= end ? -1 : close + 1;
  }
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    let depth = 0;
    for (let i = at; i < end; i++) {
      const byte = row[i];
      if (byte === QUOTE) {
        i = row.indexOf(QUOTE, i + 1);
        if (i === -1 || i >= end) return -1;
      } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++;
      else if ((byte === CLOSE_BRACE || byte === CLOSE_BRACKET) && --depth === 0) return i + 1;
    }
    return -1;
  }
  let i = at;
  while (i < end && row[i] !== COMMA && row[i] !== CLOSE_BRACE && row[i] !== CLOSE_BRACKET) i++;
  return i === at ? -1 : i;
}

/** Whether key a's text sorts before key b's (spans inside the quotes): bytes in order, a prefix first. */
function keyBefore(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  const length = Math.min(aEnd - aStart, bEnd - bStart);
  for (let i = 0; i < length; i++) {
    const difference = row[aStart + i] - row[bStart + i];
    if (difference !== 0) return difference < 0;
  }
  return aEnd - aStart < bEnd - bStart;
}

/**
 * The jsonb text at [start, end) as canonicalJson writes the value JSON.parse reads from it: keys sorted, no spaces.
 * jsonb writes `{"k": v, "k2": v2}` and `[v, v2]`, its keys shortest first; its strings escaped as JSON.stringify
 * escapes them, so with no backslash in the row a string's bytes are its canonical text already.
 */
function json(start: number, end: number): boolean {
  const first = row[start];
  if (first === OPEN_BRACE) {
    if (end - start === 2) {
      out[o++] = OPEN_BRACE;
      out[o++] = CLOSE_BRACE;
      return row[start + 1] === CLOSE_BRACE;
    }
    // Each member as four numbers: the key's text (inside its quotes), the value's.
    const members: number[] = [];
    let at = start + 1;
    for (;;) {
      if (row[at] !== QUOTE) return false;
      const keyEnd = row.indexOf(QUOTE, at + 1);
      if (keyEnd === -1 || keyEnd >= end || row[keyEnd + 1] !== COLON || row[keyEnd + 2] !== 32) return false;
      for (let i = at + 1; i < keyEnd; i++) if (row[i] >= ASTRAL) return false;
      const valueEnd = skipValue(keyEnd + 3, end - 1);
      if (valueEnd === -1) return false;
      members.push(at + 1, keyEnd, keyEnd + 3, valueEnd);
      if (valueEnd === end - 1) break;
      if (row[valueEnd] !== COMMA || row[valueEnd + 1] !== 32) return false;
      at = valueEnd + 2;
    }
    if (row[end - 1] !== CLOSE_BRACE) return false;
    // Insertion sort: a handful of keys, in jsonb's order (by length) that is often already this one.
    for (let i = 4; i < members.length; i += 4) {
      for (let j = i; j > 0 && keyBefore(members[j], members[j + 1], members[j - 4], members[j - 3]); j -= 4) {
        for (let k = 0; k < 4; k++) [members[j + k], members[j - 4 + k]] = [members[j - 4 + k], members[j + k]];
      }
    }
    out[o++] = OPEN_BRACE;
    for (let i = 0; i < members.length; i += 4) {
      if (i > 0) out[o++] = COMMA;
      copy(members[i] - 1, members[i + 1] + 1);
      out[o++] = COLON;
      if (!json(members[i + 2], members[i + 3])) return false;
    }
    out[o++] = CLOSE_BRACE;
    return true;
  }
  if (first === OPEN_BRACKET) {
    out[o++] = OPEN_BRACKET;
    if (end - start === 2) {
      out[o++] = CLOSE_BRACKET;
      return row[start + 1] === CLOSE_BRACKET;
    }
    for (let at = start + 1; ;) {
      const valueEnd = skipValue(at, end - 1);
      if (valueEnd === -1 || !json(at, valueEnd)) return false;
      if (valueEnd === end - 1) break;
      if (row[valueEnd] !== COMMA || row[valueEnd + 1] !== 32) return false;
      out[o++] = COMMA;
      at = valueEnd + 2;
    }
    out[o++] = CLOSE_BRACKET;
    return row[end - 1] === CLOSE_BRACKET;
  }
  if (first === QUOTE) {
    if (row.indexOf(QUOTE, start + 1) !== end - 1) return false;
    copy(start, end);
    return true;
  }
  if (first === MINUS || (first >= ZERO && first <= NINE) ? !isPlainInteger(start, end) : !LITERALS.has(row.toString('latin1', start, end))) return false;
  copy(start, end);
  return true;
}

const LITERALS = new Set(['true', 'false', 'null']);

function jsonColumn(field: number): boolean {
  if (nulls[field]) {
    put(NULL);
    return true;
  }
  return json(starts[field], ends[field]);
}

/** The seq, checked a plain integer already. */
function integer(field: number): boolean {
  copy(starts[field], ends[field]);
  return true;
}

const SEQ = chainColumn('seq');
const PREV_HASH = chainColumn('prev_hash');
const HASH = chainColumn('hash');

/** How each kind of column is written from its bytes. */
const WRITE: Record<ChainContentKind, (field: number) => boolean> = { text, json: jsonColumn, instant, integer };

/**
 * The content in CHAIN_CONTENT's key order: each key's text (the first with the prev_hash's newline and the opening
 * brace), how its column is written, its column (its index in CHAIN_COLUMNS), whether it is left out when null.
 */
const CONTENT: ReadonlyArray<[Uint8Array, (field: number) => boolean, number, boolean]> = CHAIN_CONTENT.map((field, i) => [
  ascii(`${i === 0 ? '\n{' : ','}"${field.key}":`),
  WRITE[field.kind],
  chainColumn(field.column),
  'optional' in field,
]);

/**
 * The link of the row [start, end) of `row` written from its bytes, or null when it is not such a row. `at` gives
 * each of CHAIN_COLUMNS' fields' place in the row, which has `count` fields.
 */
function linkOfBytes(start: number, end: number, at: readonly number[], count: number): ChainLink | null {
  if (!split(start, end, count)) return null;
  const seq = at[SEQ];
  const prev = hashText(at[PREV_HASH]);
  const stored = hashText(at[HASH]);
  if (prev === null || stored === null || nulls[seq] || !isPlainInteger(starts[seq], ends[seq]) || row[starts[seq]] === MINUS) return null;
  // Room for the row's bytes and the content's keys: the content is never longer than that.
  if (out.length < end - start + 1024) out = Buffer.allocUnsafe(2 * (end - start + 1024));
  o = 0;
  copy(starts[at[PREV_HASH]], ends[at[PREV_HASH]]);
  for (const [key, write, column, optional] of CONTENT) {
    const field = at[column];
    if (optional && nulls[field]) continue;
    put(key);
    if (!write(field)) return null;
  }
  out[o++] = CLOSE_BRACE;
  return { seq: Number(row.toString('latin1', starts[seq], ends[seq])), prevHash: prev, hash: stored, digest: hash('sha256', out.subarray(0, o)) };
}

/**
 * The links of the complete rows in `chunk` (COPY text, whole lines, valid UTF-8), each from its bytes or else from its
 * decoded fields. `at` gives each of CHAIN_COLUMNS' fields' place in a row of `count` fields.
 */
export function chainLinksOfText(chunk: Buffer, at: readonly number[], count: number): ChainLink[] {
  read(chunk, count);
  const links: ChainLink[] = [];
  for (let start = 0; start < chunk.length;) {
    const end = chunk.indexOf(10, start);
    links.push(linkOfBytes(start, end, at, count) ?? chainLinkOf(fieldsOf(chunk.toString('utf8', start, end), at, count)));
    start = end + 1;
  }
  return links;
}

/** Makes `chunk`, of rows of `count` fields, the one written from. */
function read(chunk: Buffer, count: number): void {
  if (starts.length < count) {
    starts = new Int32Array(count);
    ends = new Int32Array(count);
    nulls = new Uint8Array(count);
  }
  row = chunk;
}

/** The fields of a row of `count` fields of COPY text in CHAIN_COLUMNS' order, escapes undone. */
function fieldsOf(line: string, at: readonly number[], count: number): Array<string | null> {
  const fields = line.split('\t');
  if (fields.length !== count) throw new Error(`a row of the audit chain's COPY text has ${fields.length} fields, not ${count}`);
  return at.map((i) => copyField(fields[i]));
}

/** The content `chainLinksOfText` writes from the bytes of the row `line` (a row in CHAIN_COLUMNS' order), or null when it decodes it instead. For tests. */
export function chainContentFromBytes(line: Buffer): string | null {
  const inOrder = CHAIN_COLUMNS.map((_, i) => i);
  read(line, inOrder.length);
  if (!linkOfBytes(0, line.length, inOrder, inOrder.length)) return null;
  const text = out.toString('utf8', 0, o);
  return text.slice(text.indexOf('\n') + 1);
}

/** The chain's links of a COPY of the chain's columns (`at`: their places in a row of `count` fields), in pages of about `batch`. */
export async function* copyChainLinks(copy: Readable, at: readonly number[], count: number, batch = 5000): AsyncGenerator<ChainLink[]> {
  let page: ChainLink[] = [];
  for await (const chunk of copyTextChunks(copy)) {
    const links = chainLinksOfText(chunk, at, count);
    page = page.length === 0 ? links : page.concat(links);
    if (page.length >= batch) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}
