/**
 * The per-field rules of the seed files (required fields, types, lengths, code formats,
 * enums, unknown keys) live in the JSON Schemas published in config/seeds/, which editors
 * apply as people type (each seed file names its schema on its first line). This checks a
 * parsed file against its schema and words every error as a problem naming file, line,
 * entry and field; the rules between fields and files stay in seed-validate.ts.
 */
import { configSchemaErrors, type SchemaError } from '../common/config-file.js';
import type { SeedDocument, SeedFileName, SeedProblem } from './seed-files.js';

type Path = Array<string | number>;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const checks = new Map<SeedFileName, (value: unknown) => SchemaError[]>();

/** Every schema error of `doc`, at most one per field (the first one ajv finds). */
export function schemaProblems(name: SeedFileName, doc: SeedDocument): SeedProblem[] {
  let check = checks.get(name);
  if (!check) {
    check = configSchemaErrors(`seeds/${name.replace(/\.yaml$/, '.schema.json')}`);
    checks.set(name, check);
  }
  const seen = new Set<string>();
  return check(doc.data).flatMap((error) => {
    const key =
      error.keyword === 'required' ? error.params.missingProperty : error.keyword === 'additionalProperties' ? error.params.additionalProperty : undefined;
    const path = typeof key === 'string' ? [...error.path, key] : error.path;
    const id = JSON.stringify(path);
    if (seen.has(id)) return [];
    seen.add(id);
    return [{ file: doc.file, line: lineNear(doc, path), ...entryAndField(doc.data, path), message: explain(error) }];
  });
}

/** The entry a path is in (an item of a top-level list or of a department's duties, named by its code) and the field inside it. */
function entryAndField(data: unknown, path: Path): { entry?: string; field?: string } {
  const at = path.findLastIndex((p, i) => typeof p === 'number' && (i === 1 || (i === 3 && path[2] === 'duties')));
  if (at < 0) return path.length <= 1 ? { field: path[0] as string | undefined } : { entry: label(path.slice(0, -1)), field: String(path[path.length - 1]) };
  const rest = path.slice(at + 1);
  return { entry: entryName(path.slice(0, at + 1), valueAt(data, path.slice(0, at + 1))), field: rest.length > 0 ? label(rest) : undefined };
}

/** `tasks[3] (T-5-1-2)`: the entry's place and, when it has one, its code or ref. */
export function entryName(path: Path, item: unknown): string {
  const code = isRecord(item) ? [item.code, item.ref].find((c): c is string => typeof c === 'string') : undefined;
  return code === undefined ? label(path) : `${label(path)} (${code})`;
}

/** ['departments', 1, 'duties', 0] → `departments[1].duties[0]`. */
function label(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export function valueAt(data: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (isRecord(node) ? node[key] : Array.isArray(node) ? node[key as number] : undefined), data);
}

/** The line of the node at `path`, or of the nearest node above it (a missing field is reported at its entry). */
function lineNear(doc: SeedDocument, path: Path): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const line = doc.lineOf(path.slice(0, n));
    if (line !== undefined) return line;
  }
  return undefined;
}

const TYPE_WORDS: Record<string, string> = {
  string: '字符串（YAML 中请加引号）',
  integer: '整数',
  number: '数字',
  boolean: 'true 或 false',
  array: '列表（没有时写 []）',
  object: '映射（key: value）',
};

/** One schema error in words for the person writing the YAML. */
function explain(error: SchemaError): string {
  const { params, parentSchema: schema, data } = error;
  const value = typeof data === 'string' ? data : JSON.stringify(data);
  switch (error.keyword) {
    case 'required': {
      const property = (schema.properties as Record<string, { type?: unknown }> | undefined)?.[params.missingProperty as string];
      const types = [property?.type].flat();
      return `缺少必填字段${types.includes('null') ? '（没有时写 null）' : types.includes('array') ? '（没有时写 []）' : ''}`;
    }
    case 'additionalProperties':
      return `未知字段（允许的字段：${Object.keys((schema.properties as object | undefined) ?? {}).join(', ')}）`;
    case 'type': {
      const types = String(params.type).split(',');
      const words = types.filter((t) => t !== 'null').map((t) => TYPE_WORDS[t] ?? t);
      return `必须是${words.join('或')}${types.includes('null') ? '或 null' : ''}，实际为 ${JSON.stringify(data)}`;
    }
    case 'enum':
      return `未知的${(schema['x-noun'] as string | undefined) ?? '值'}，必须是 ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join('、')} 之一：${value}`;
    case 'maxLength':
      return `过长（最多 ${String(params.limit)} 个字符）`;
    case 'pattern': {
      if (typeof data === 'string' && data.trim() === '') return '不能为空';
      const example = typeof schema['x-example'] === 'string' ? `，如 ${schema['x-example']}` : '';
      return `格式不对（应为 ${(schema.description as string | undefined) ?? String(params.pattern)}${example}）：${value}`;
    }
    case 'uniqueItems':
      return `重复的值：${Array.isArray(data) ? String(data[params.i as number]) : value}`;
    default:
      return `不符合规则（${error.message ?? error.keyword}）`;
  }
}
