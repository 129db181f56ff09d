import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rowRanges } from './copy-text.js';

describe('rowRanges', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duban-row-ranges-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const pieces = async (path: string, parts: number) =>
    (await rowRanges(path, parts)).map(({ start, end }) => readFileSync(path).subarray(start, end).toString());

  it('cuts at row ends into parts of about equal size that together are the file', async () => {
    // Rows of one length, so the halves are five rows each.
    const rows = Array.from({ length: 10 }, (_, i) => `${String(i + 1).padStart(2, '0')}\tentry\n`);
    const path = file('rows.copy', rows.join(''));
    for (const parts of [1, 2, 3, 4]) {
      const got = await pieces(path, parts);
      expect(got).toHaveLength(parts);
      expect(got.join('')).toBe(rows.join(''));
      for (const piece of got) expect(piece.endsWith('\n') && rows.includes(piece.split('\n')[0] + '\n')).toBe(true);
    }
    expect(await pieces(path, 2)).toEqual([rows.slice(0, 5).join(''), rows.slice(5).join('')]);
  });

  it('gives fewer parts when a row is longer than a part, and one for a file of one row or none', async () => {
    const long = `1\t${'x'.repeat(200_000)}\n`;
    expect(await pieces(file('long.copy', `${long}2\ty\n`), 2)).toEqual([long, '2\ty\n']);
    expect(await pieces(file('longer.copy', `1\tx\n${long}`), 4)).toEqual([`1\tx\n${long}`]);
    expect(await pieces(file('one.copy', '1\tx\n'), 2)).toEqual(['1\tx\n']);
    expect(await pieces(file('empty.copy', ''), 2)).toEqual(['']);
  });
});
