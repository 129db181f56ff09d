/**
 * Rows of a `COPY … TO STDOUT` in PostgreSQL's text format, read in this process: a row per line, fields between
 * tabs, `\N` for NULL. Reading a million rows this way costs about a third of reading them as query results (no
 * per-row protocol message, no type parsing of columns the caller parses itself); chain-text.ts reads the audit
 * chain's rows from these bytes.
 */
import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/** What `\x` stands for in COPY's text output, which escapes only these and the backslash itself. */
const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** A field's text with COPY's escapes undone; null for `\N`. */
export function copyField(raw: string): string | null {
  if (raw === '\\N') return null;
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(.)/gs, (_, c: string) => {
    const plain = ESCAPES[c];
    // COPY TO writes no octal or hex escapes: anything else means this is not its output.
    if (plain === undefined) throw new Error(`unexpected escape \\${c} in COPY text`);
    return plain;
  });
}

/**
 * The text of `copy` (a pg-copy-streams `to` stream or a file's stream) in pieces of whole rows, each a Buffer of
 * valid UTF-8 ending with a row's newline. Rows are cut at their newline byte (a newline byte is never inside a UTF-8
 * sequence), so each piece decodes whole. A caller that stops early leaves the rest to be read and dropped, so the
 * connection is left usable.
 */
export async function* copyTextChunks(copy: Readable): AsyncGenerator<Buffer> {
  // Bytes after the last complete row, carried to the next chunk.
  let rest: Buffer = Buffer.alloc(0);
  let done = false;
  try {
    for await (const chunk of copy.iterator({ destroyOnReturn: false })) {
      const bytes = rest.length === 0 ? (chunk as Buffer) : Buffer.concat([rest, chunk as Buffer]);
      const end = bytes.lastIndexOf(10) + 1;
      // Copied: a view would keep the whole chunk alive with it.
      rest = Buffer.from(bytes.subarray(end));
      if (end === 0) continue;
      const complete = bytes.subarray(0, end);
      if (!isUtf8(complete)) throw new Error('COPY text is not valid UTF-8');
      yield complete;
    }
    if (rest.length > 0) throw new Error('COPY text ends inside a row');
    done = true;
  } finally {
    if (!done && !copy.destroyed && !copy.readableEnded) {
      copy.resume();
      await new Promise<void>((resolve) => {
        copy
          .once('end', resolve)
          .once('error', () => resolve())
          .once('close', resolve);
      });
    }
  }
}

/**
 * Byte ranges that cut the COPY text file at `path` into `parts` of about equal size, each from a row's start to just
 * after a row's end (so each reads on its own with `copyTextChunks`), in order; fewer when the file has fewer rows.
 */
export async function rowRanges(path: string, parts: number): Promise<Array<{ start: number; end: number }>> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const cuts = [0];
    const buffer = Buffer.alloc(64 * 1024);
    for (let part = 1; part < parts; part++) {
      // The first row end at or after the even cut (a row longer than the buffer: read on).
      let at = Math.max(Math.floor((size * part) / parts) - 1, cuts[cuts.length - 1]);
      let cut = size;
      while (at < size) {
        const { bytesRead } = await file.read(buffer, 0, buffer.length, at);
        const newline = buffer.subarray(0, bytesRead).indexOf(10);
        if (newline !== -1) {
          cut = at + newline + 1;
          break;
        }
        at += bytesRead;
      }
      if (cut >= size) break;
      if (cut > cuts[cuts.length - 1]) cuts.push(cut);
    }
    return cuts.map((start, i) => ({ start, end: cuts[i + 1] ?? size }));
  } finally {
    await file.close();
  }
}
