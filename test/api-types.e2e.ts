import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { startApp, type TestApp } from './support/app.js';

/** The console's API types, generated from the OpenAPI document: `npm run api:types` rewrites them. */
const GENERATED = 'apps/web/src/lib/api-schema.ts';
const HEADER = "// Generated from the API's OpenAPI document (/api/docs-json) by `npm run api:types`; do not edit by hand.\n\n";

/** The document as TypeScript, formatted as the rest of the console is. */
async function render(document: unknown): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0]);
  return format(HEADER + astToString(ast), { ...(await resolveConfig(GENERATED)), filepath: GENERATED });
}

describe("the console's generated API types", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.close());

  it('match the OpenAPI document the API serves (CI fails on drift: run npm run api:types and commit)', async () => {
    const expected = await render((await app.http.get('/api/docs-json').expect(200)).body);
    if (process.env.UPDATE_API_TYPES === '1') writeFileSync(GENERATED, expected);
    expect(readFileSync(GENERATED, 'utf8')).toBe(expected);
  });
});
