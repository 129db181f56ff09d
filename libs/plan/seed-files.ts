/**
 * Plan seed files (`seeds/<plan>/{plan,departments,tasks,indicators}.yaml`, schema in
 * seeds/README.md): reading them, parsing them with line numbers, and the problems
 * that refuse an import. Everything but `readSeedSources` is pure.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { InvalidInputError } from '../common/errors.js';

export const SEED_FILES = ['plan.yaml', 'departments.yaml', 'tasks.yaml', 'indicators.yaml'] as const;
export type SeedFileName = (typeof SEED_FILES)[number];

/** One seed file as read from disk; `path` is how messages name it. */
export interface SeedSource {
  folder: string;
  name: string;
  path: string;
  text: string;
}

/** What is wrong, and where: the file, its line, the entry (index and code) and the field. */
export interface SeedProblem {
  file: string;
  line?: number;
  entry?: string;
  field?: string;
  message: string;
}

export function formatProblem(p: SeedProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const what = [p.entry, p.field].filter(Boolean).join(' ');
  return what ? `${where} ${what}: ${p.message}` : `${where}: ${p.message}`;
}

/** Seeds refused as a whole: nothing is imported. */
export class SeedValidationError extends InvalidInputError {
  constructor(readonly problems: SeedProblem[]) {
    super(`种子文件有 ${problems.length} 处错误，未导入任何数据：\n${problems.map(formatProblem).join('\n')}`);
  }
}

/** A parsed file: its data and the line of any node, by path (`['tasks', 3, 'dueDate']`). */
export interface SeedDocument {
  file: string;
  data: unknown;
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
}

/** Every file of every plan folder (a sub-directory) of `dir`, folders in name order. */
export function readSeedSources(dir: string): SeedSource[] {
  if (!existsSync(dir)) throw new SeedValidationError([{ file: dir, message: '种子目录不存在' }]);
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return folders.flatMap((folder) =>
    readdirSync(join(dir, folder))
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => ({ folder, name, path: join(dir, folder, name), text: readFileSync(join(dir, folder, name), 'utf8') })),
  );
}

/** Parses one file; YAML syntax errors (and duplicate keys) come back as problems with their line. */
export function parseSeedSource(source: SeedSource): { doc: SeedDocument | null; problems: SeedProblem[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(source.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const problems = document.errors.map((e) => ({ file: source.path, line: e.linePos?.[0].line, message: `YAML 语法错误：${e.message.split('\n')[0]}` }));
    return { doc: null, problems };
  }
  return {
    doc: {
      file: source.path,
      data: document.toJS(),
      lineOf(path) {
        const node = document.getIn(path, true) as { range?: [number, number, number] } | undefined;
        return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
      },
    },
    problems: [],
  };
}
