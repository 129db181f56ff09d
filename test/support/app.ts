import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createHttpApp } from '../../apps/api/http-app.js';
import type { Runtime } from '../../apps/bootstrap.js';
import { type AppConfig, loadConfig } from '../../libs/config/app-config.js';
import { loadEscalationPolicy } from '../../libs/policy/escalation-policy.js';
import { createTestDatabase } from './database.js';
import { checkResponses, type OpenApiDocument } from './response-contract.js';
import { loadAssessmentRubric } from '../../libs/assessment/assessment-rubric.js';

export const ADMIN = { email: 'admin@duban.local', password: 'Chief-Pass-2026' };
/** The password `user()` gives every account it creates. */
export const USER_PASSWORD = 'password-123';

export interface TestApp {
  url: string;
  databaseUrl: string;
  dataDir: string;
  /** The Nest application, for tests that read its routes and metadata. */
  nest: NestFastifyApplication;
  /** The app's own settings object: a test may change one while the app runs (AppConfig is injected as this very object). */
  config: AppConfig;
  http: ReturnType<typeof request>;
  /** A supertest agent whose requests carry `token`. */
  as(token: string): AuthedAgent;
  login(email: string, password: string): Promise<string>;
  /** Creates a user through the admin API and returns its id and token. */
  user(role: string, departmentCode?: string): Promise<{ id: string; email: string; token: string }>;
  close(): Promise<void>;
}

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
export type AuthedAgent = Record<Method, (path: string) => request.Test>;

let counter = 0;

/** The real HTTP app on its own database copy and data directory, listening on a free port. */
export async function startApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'duban-test-data-'));
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT: '1000',
    // Its own queue names on a shared Redis, so test runs side by side never take each other's jobs.
    QUEUE_PREFIX: new URL(database.url).pathname.slice(1),
    ...env,
  });
  const runtime: Runtime = {
    config,
    policy: loadEscalationPolicy(config.ESCALATION_POLICY),
    rubric: loadAssessmentRubric(config.ASSESSMENT_RUBRIC),
    databaseUrl: database.url,
    close: async () => undefined,
  };
  const app: NestFastifyApplication = await createHttpApp(runtime);
  const contract = checkResponses(app);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  // PUBLIC_URL's default names PORT; this app listens on a port of its own, so links it makes (feeds, mail) point here.
  if (env.PUBLIC_URL === undefined) config.PUBLIC_URL = url;
  const http = request(url);
  contract.use((await http.get('/api/docs-json').expect(200)).body as OpenApiDocument);
  const as = (token: string): AuthedAgent => {
    const wrap = (method: Method) => (path: string) => http[method](path).set('Authorization', `Bearer ${token}`);
    return { get: wrap('get'), post: wrap('post'), patch: wrap('patch'), put: wrap('put'), delete: wrap('delete') };
  };
  const login = async (email: string, password: string) => {
    const res = await http.post('/api/v1/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };
  const adminToken = await login(ADMIN.email, ADMIN.password);
  return {
    url,
    databaseUrl: database.url,
    dataDir,
    nest: app,
    config,
    http,
    as,
    login,
    async user(role, departmentCode) {
      const email = `${role}${++counter}-${departmentCode ?? 'all'}@test.duban`;
      const password = USER_PASSWORD;
      const res = await as(adminToken)
        .post('/api/v1/users')
        .send({ email, name: `${role}-${counter}`, password, role, departmentCode, mustChangePassword: false });
      if (res.status !== 201) throw new Error(`create user: ${res.status} ${JSON.stringify(res.body)}`);
      return { id: res.body.id, email, token: await login(email, password) };
    },
    async close() {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
      if (contract.violations.size > 0) {
        throw new Error(`answers that break the OpenAPI contract (test/support/response-contract.ts):\n${[...contract.violations].join('\n')}`);
      }
    },
  };
}
