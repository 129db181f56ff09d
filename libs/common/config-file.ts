import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';

/**
 * The configuration files an administrator edits (the escalation policy, the assessment
 * rubric) are checked against the JSON Schemas published beside them in config/ — the
 * same schemas the YAML language server applies in an editor as people type (each file
 * names its schema on its first line). What a schema cannot say (weights adding up to 100,
 * a duration's sign) stays in code, with messages in the same form: file, field, why, and
 * the line and column when the text is known. The plan seeds (config/seeds/) use the same
 * schemas through `configSchemaErrors`, which returns every error for them to word.
 */
export type Fail = (where: string, message: string) => never;

/** The schema's reading of a parsed document: a problem as (where, message), or nothing. */
export interface ConfigSchema {
  check(value: unknown): { where: string; message: string; path: Array<string | number> } | null;
}

/** One error of a schema, as ajv reports it, with the instance path split (`['tasks', 3, 'dueDate']`) and the schema object that failed. */
export interface SchemaError {
  keyword: string;
  path: Array<string | number>;
  data: unknown;
  params: Record<string, unknown>;
  parentSchema: Record<string, unknown>;
  message?: string;
}

function newAjv(allErrors: boolean): Ajv {
  const ajv = new Ajv({ allErrors, strict: true, verbose: true });
  // Annotations the messages use: the noun an unknown key is (`unknown metric`), and an example of a valid value.
  ajv.addKeyword({ keyword: 'x-noun', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-example', schemaType: 'string' });
  return ajv;
}

const firstError = newAjv(false);
// Files with many entries (the plan seeds) report every problem at once, so their author fixes them in one pass.
const everyError = newAjv(true);

function compile(ajv: Ajv, name: string): ValidateFunction {
  const schema = JSON.parse(readFileSync(join(projectRoot(), 'config', name), 'utf8')) as { $id?: string };
  // Compiled once per instance: a second compile of the same $id is refused.
  return (schema.$id ? ajv.getSchema(schema.$id) : undefined) ?? ajv.compile(schema);
}

/** Compiles a schema published in config/ (a JSON Schema draft-07 document, e.g. `escalation.schema.json`) once. */
export function configSchema(name: string): ConfigSchema {
  const validate = compile(firstError, name);
  return {
    check(value) {
      if (validate(value)) return null;
      return explain(validate.errors?.[0]);
    },
  };
}

/** Compiles a schema published in config/ (e.g. `seeds/tasks.schema.json`) into a check that returns every error, for the caller to word. */
export function configSchemaErrors(name: string): (value: unknown) => SchemaError[] {
  const validate = compile(everyError, name);
  return (value) =>
    validate(value)
      ? []
      : (validate.errors ?? []).map((e) => ({
          keyword: e.keyword,
          path: pathOfPointer(e.instancePath),
          data: e.data,
          params: e.params as Record<string, unknown>,
          parentSchema: e.parentSchema ?? {},
          message: e.message,
        }));
}

/** Reads a YAML file, checks it against `schema` and hands it to `read` for what the schema cannot say; every problem is thrown by `error`. */
export function loadConfigFile<T>(
  path: string,
  what: string,
  schema: ConfigSchema,
  read: (raw: unknown, fail: Fail) => T,
  error: new (message: string) => Error,
): T {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new error(`${path}: cannot read the ${what}: ${(cause as Error).message}`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) throw new error(`${path}: cannot read the ${what}: ${doc.errors[0].message}`);
  const at = (where: string) => {
    const node = doc.getIn(pathOf(where), true) as { range?: [number, number, number] } | undefined;
    if (!node?.range) return '';
    const { line, col } = lineCounter.linePos(node.range[0]);
    return ` (line ${line}, column ${col})`;
  };
  return validateConfig(doc.toJS(), path, schema, read, error, at);
}

/** Checks a parsed value (a file's contents, or an object in a test); `position` adds where in the text a field is. */
export function validateConfig<T>(
  raw: unknown,
  source: string,
  schema: ConfigSchema,
  read: (raw: unknown, fail: Fail) => T,
  error: new (message: string) => Error,
  position: (where: string) => string = () => '',
): T {
  const fail: Fail = (where, message) => {
    throw new error(`${source}: ${where}: ${message}${position(where)}`);
  };
  const problem = schema.check(raw);
  if (problem) fail(problem.where, problem.message);
  return read(raw, fail);
}

/** The folder holding package.json, found from this file (it runs from libs/ in tests and from dist/libs/ built). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the project folder (package.json) above libs/common');
    dir = parent;
  }
  return dir;
}

/** `steps[1].to[0]` → ['steps', 1, 'to', 0]; `file` (the whole document) → []. */
function pathOf(where: string): Array<string | number> {
  if (where === 'file') return [];
  return [...where.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

/** A JSON pointer (`/steps/1/to`) → ['steps', 1, 'to']. */
function pathOfPointer(pointer: string): Array<string | number> {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** `/steps/1/to` → `steps[1].to`; the root is `file`. */
function whereOf(path: Array<string | number>): string {
  if (path.length === 0) return 'file';
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  string: 'text',
};

/** One schema error in the words of the hand-written validators it replaced. */
function explain(error: ErrorObject | undefined): { where: string; message: string; path: Array<string | number> } {
  if (!error) return { where: 'file', message: 'is not valid', path: [] };
  const path = pathOfPointer(error.instancePath);
  const got = JSON.stringify(error.data);
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  const params = error.params as Record<string, unknown>;
  const example = typeof parent['x-example'] === 'string' ? ` such as ${parent['x-example']}` : '';
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = params.additionalProperty as string;
      const known = Object.keys((parent.properties as object | undefined) ?? {});
      return { where: whereOf([...path, key]), message: `unknown ${(parent['x-noun'] as string | undefined) ?? 'field'}; use ${known.join(', ')}`, path };
    }
    case 'required': {
      const key = params.missingProperty as string;
      const description = ((parent.properties as Record<string, { description?: string }> | undefined)?.[key]?.description ?? '').split('.')[0];
      return { where: whereOf([...path, key]), message: `is required${description ? `: ${description}` : ''}`, path };
    }
    case 'type':
      return { where: whereOf(path), message: `must be ${TYPE_WORDS[params.type as string] ?? (params.type as string)}, got ${got}`, path };
    case 'minimum':
      return {
        where: whereOf(path),
        message: params.limit === 0 ? `must not be negative, got ${got}` : `must be at least ${String(params.limit)}, got ${got}`,
        path,
      };
    case 'maximum':
      return { where: whereOf(path), message: `must be at most ${String(params.limit)}, got ${got}`, path };
    case 'enum':
      return {
        where: whereOf(path),
        message: `unknown ${(parent['x-noun'] as string | undefined) ?? 'value'} ${got}; use ${(params.allowedValues as unknown[]).join(', ')}`,
        path,
      };
    case 'pattern':
      return {
        where: whereOf(path),
        message: `must be ${(parent.description as string | undefined) ?? `like ${String(params.pattern)}`}${example}, got ${got}`,
        path,
      };
    case 'minItems':
      return { where: whereOf(path), message: 'must be a non-empty list', path };
    default:
      return { where: whereOf(path), message: error.message ?? 'is not valid', path };
  }
}
