import { randomUUID } from 'node:crypto';
import type { Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { OPENAPI_PERMISSION, OPENAPI_PUBLIC, OPENAPI_TASK_FROM } from '../../libs/auth/decorators.js';
import { type Permission, PERMISSIONS, type TaskScope } from '../../libs/auth/permissions.js';
import { routeRules } from '../../libs/auth/route-rules.js';
import type { TestApp } from './app.js';

/**
 * The app's routes as its OpenAPI document (`/api/docs-json`) describes them,
 * so tests that must cover every route (the access matrix, the fuzz) are
 * generated from the running app instead of a hand-kept list.
 */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  minLength?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  [key: string]: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  /** `METHOD /path/{param}` as the document writes it. */
  name: string;
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** The JSON body's schema, resolved; undefined when the operation takes no JSON body. */
  body?: Schema;
  multipart: boolean;
  isPublic: boolean;
  /** The permission `@Can` names (`x-permission`), absent on public routes. */
  permission?: Permission;
  /** The task-department scope of that permission, from PERMISSIONS. */
  scope?: TaskScope;
  /** Where the guard finds the task for a scoped permission (`x-task-from`). */
  taskFrom: 'task' | 'extension-request';
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export async function loadOperations(app: TestApp): Promise<{ document: OpenApiDocument; operations: Operation[] }> {
  const res = await app.http.get('/api/docs-json');
  if (res.status !== 200) throw new Error(`/api/docs-json: ${res.status}`);
  const document = res.body as OpenApiDocument;
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method): Operation => {
      const op = item[method];
      const parameters = (op.parameters ?? []) as Parameter[];
      const content = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content ?? {};
      const permission = op[OPENAPI_PERMISSION] as Permission | undefined;
      return {
        name: `${method.toUpperCase()} ${path}`,
        operationId: String(op.operationId),
        method,
        path,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query'),
        body: content['application/json']?.schema ? resolve(document, content['application/json'].schema) : undefined,
        multipart: 'multipart/form-data' in content,
        isPublic: op[OPENAPI_PUBLIC] === true,
        permission,
        scope: permission && permission in PERMISSIONS ? (PERMISSIONS[permission] as { scope?: TaskScope }).scope : undefined,
        taskFrom: (op[OPENAPI_TASK_FROM] as 'extension-request' | undefined) ?? 'task',
      };
    }),
  );
  return { document, operations };
}

/** `schema` with `$ref`s and `allOf` resolved (one level per call; `sample` resolves as it descends). */
export function resolve(document: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) return resolve(document, document.components?.schemas?.[schema.$ref.split('/').pop()!] ?? {});
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => resolve(document, part));
    return {
      ...schema,
      allOf: undefined,
      type: 'object',
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}), schema.properties ?? {}),
      required: parts.flatMap((p) => p.required ?? []).concat(schema.required ?? []),
    };
  }
  return schema;
}

/** A plausible valid value for `schema`: its example, else the first enum value, else the simplest value of its type. */
export function sample(document: OpenApiDocument, raw: Schema, uuid: () => string = randomUUID): unknown {
  const schema = resolve(document, raw);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  switch (schema.type) {
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return schema.items ? [sample(document, schema.items, uuid)] : [];
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((name) => [name, sample(document, schema.properties?.[name] ?? {}, uuid)]));
    default:
      if (schema.format === 'uuid') return uuid();
      if (schema.format === 'date') return '2030-06-30';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
  }
}

/** The path segment before `{name}` in `path`: the kind of resource the parameter names (`tasks`, `indicators`, …). */
export function resourceOf(path: string, name: string): string {
  const segments = path.split('/');
  return segments[segments.indexOf(`{${name}}`) - 1] ?? '';
}

/** `path` with each `{name}` replaced by `value(name)`, URL-encoded unless `raw`. */
export function fillPath(path: string, value: (name: string) => string, raw = false): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => (raw ? value(name) : percent(value(name))));
}

/** encodeURIComponent, also for strings with lone surrogates (sent as the bytes Node would write for them). */
export function percent(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  }
}

/**
 * The app's route handlers (Nest's controllers, read from its module container)
 * that the OpenAPI document does not list, as `Controller.method`: a test reading
 * the document would silently skip them.
 */
export function handlersMissingFromDocument(app: TestApp, operations: Operation[]): string[] {
  const listed = new Set(operations.map((op) => op.operationId));
  return routeRules(appControllers(app))
    .map(({ handler }) => handler)
    .filter((handler) => !listed.has(handler.replace('.', '_')));
}

/** Every controller class of the running app. */
export function appControllers(app: TestApp): Type[] {
  return [...app.nest.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()].map((wrapper) => wrapper.metatype as Type));
}

/**
 * A value for path parameter `param` of `op`: the fixture `known` holds for the
 * resource it names (`known.tasks` for `/tasks/{id}`), else its example, else one of its type.
 */
export function sampleParam(document: OpenApiDocument, op: Operation, param: Parameter, known: Record<string, string>): string {
  const fromFixture = known[resourceOf(op.path, param.name)];
  if (fromFixture !== undefined) return fromFixture;
  return String(sample(document, { ...(param.schema ?? {}), example: param.schema?.example ?? (param as { example?: unknown }).example }));
}
