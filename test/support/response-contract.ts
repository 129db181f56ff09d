import { Ajv, type ValidateFunction } from 'ajv';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Every JSON answer a test app gives is checked against the response schema its route declares in
 * the OpenAPI document (`/api/docs-json`): a field the schema lacks, a missing required field, a
 * wrong type or a 2xx answer of a route that declares none is a violation. The e2e suites exercise
 * the routes; this turns each of their requests into a check of the contract the console and other
 * clients are generated from. Violations are collected and thrown when the app closes, so the file
 * that provoked one fails naming the route, the status and the field.
 */
export interface ResponseContract {
  /** What was found so far, once each. */
  readonly violations: Set<string>;
  /** Starts checking against the app's document (read from `/api/docs-json` once the app listens: Fastify takes hooks only before). */
  use(document: OpenApiDocument): void;
}

type JsonSchema = Record<string, unknown>;
export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }> }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** OpenAPI 3.0's dialect turned into JSON Schema: `nullable` as null beside the schema, and closed objects (an undeclared field is a violation). */
function strictSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strictSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const source = schema as JsonSchema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'nullable' || key === 'example' || key === 'examples' || key === 'x-permission' || key === 'x-task-from') continue;
    out[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as JsonSchema).map(([k, v]) => [k, strictSchema(v)])) : strictSchema(value);
  }
  if (source.properties && source.additionalProperties === undefined) out.additionalProperties = false;
  // `nullable` beside `allOf`/`$ref`/`enum` cannot become a type union: null is the other branch.
  if (source.nullable === true) return { anyOf: [out, { type: 'null' }] };
  return out;
}

/** `/api/v1/tasks/{id}` as Fastify's route pattern `/api/v1/tasks/:id`. */
const fastifyPattern = (openApiPath: string) => openApiPath.replace(/\{([^}]+)\}/g, ':$1');

/**
 * Installs the check on `app` (before it listens): an onSend hook reads each JSON reply of a route
 * the document describes and validates it against the schema for its status (or the route's 2XX/default).
 */
export function checkResponses(app: NestFastifyApplication): ResponseContract {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, verbose: true });
  const validators = new Map<string, ValidateFunction>();
  const routes = new Map<string, Record<string, { content?: Record<string, { schema?: JsonSchema }> }>>();
  const violations = new Set<string>();
  const use = (document: OpenApiDocument) => {
    const components = Object.fromEntries(Object.entries(document.components?.schemas ?? {}).map(([name, s]) => [name, strictSchema(s)]));
    ajv.addSchema({ $id: 'openapi', components: { schemas: components } });
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) routes.set(`${method.toUpperCase()} ${fastifyPattern(path)}`, operation.responses ?? {});
    }
  };
  const validatorFor = (route: string, status: number): ValidateFunction | 'none' | 'unchecked' => {
    const responses = routes.get(route);
    if (!responses) return 'unchecked';
    const declared = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    if (!declared) return 'none';
    const schema = declared.content?.['application/json']?.schema;
    if (!schema) return 'none';
    const key = `${route} ${status}`;
    let validate = validators.get(key);
    if (!validate) {
      const rewritten = JSON.parse(JSON.stringify(strictSchema(schema)).replace(/"#\/components\/schemas\//g, '"openapi#/components/schemas/')) as JsonSchema;
      validate = ajv.compile(rewritten);
      validators.set(key, validate);
    }
    return validate;
  };
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (request, reply, payload, done) => {
      const status = reply.statusCode;
      const type = String(reply.getHeader('content-type') ?? '');
      // Errors share one shape checked by the error filter's own tests; files and streams have no JSON schema.
      if (status >= 300 || !type.startsWith('application/json') || typeof payload !== 'string' || payload === '') return done(null, payload);
      const route = `${request.method} ${request.routeOptions.url ?? ''}`;
      const validate = validatorFor(route, status);
      if (validate === 'unchecked') return done(null, payload);
      if (validate === 'none') violations.add(`${route} → ${status}: the route declares no JSON response for this status`);
      else if (!validate(JSON.parse(payload))) {
        for (const e of validate.errors ?? []) {
          // Array positions as `*`: one line per field, not per row.
          const path = e.instancePath.replace(/\/\d+(?=\/|$)/g, '/*');
          const field = e.keyword === 'additionalProperties' ? `${path}/${String(e.params.additionalProperty)}` : path || '(body)';
          const got = e.keyword === 'additionalProperties' ? '' : ` (got ${JSON.stringify(e.data)?.slice(0, 80)})`;
          violations.add(`${route} → ${status}: ${field} ${e.message ?? e.keyword}${got}`);
        }
      }
      done(null, payload);
    });
  return { violations, use };
}
