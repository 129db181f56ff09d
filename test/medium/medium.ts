import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DynamicModule, Global, type InjectionToken, Module, type Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { loadAssessmentRubric } from '../../libs/assessment/assessment-rubric.js';
import { RubricModule } from '../../libs/assessment/rubric.module.js';
import { Role, type Actor } from '../../libs/common/roles.js';
import { type AppConfig, loadConfig } from '../../libs/config/app-config.js';
import { ConfigModule } from '../../libs/config/config.module.js';
import { DbModule } from '../../libs/db/db.module.js';
import { MetricsModule } from '../../libs/metrics/metrics.module.js';
import { loadEscalationPolicy } from '../../libs/policy/escalation-policy.js';
import { PolicyModule } from '../../libs/policy/policy.module.js';
import { createTestDatabase, sql } from '../support/database.js';

/**
 * The medium tier: a domain's module with its real services and real repositories on a copy of
 * the migrated, seeded template database (test/support/database.ts), built by Nest's testing
 * module. Only the outside world is faked (mail, robots, the queue, the clock), with fakes that
 * fail on calls the test did not expect (test/support/strict.ts).
 */
export interface Medium {
  module: TestingModule;
  config: AppConfig;
  databaseUrl: string;
  dataDir: string;
  get<T>(type: Type<T> | (abstract new (...args: never[]) => T)): T;
  sql<T extends Record<string, unknown> = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface MediumOptions {
  /** Providers replaced by fakes: [token, fake]. */
  fakes?: Array<[unknown, unknown]>;
  /** Fakes of what the apps' global modules provide (the queue producers), visible to every module. */
  outside?: Array<[unknown, unknown]>;
  env?: Record<string, string>;
  seeded?: boolean;
}

export async function startMedium(imports: Array<Type | DynamicModule>, options: MediumOptions = {}): Promise<Medium> {
  const database = await createTestDatabase({ seeded: options.seeded });
  const dataDir = mkdtempSync(join(tmpdir(), 'duban-medium-'));
  const config = loadConfig({ ...process.env, DATABASE_URL: database.url, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...options.env });
  let builder = Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      DbModule.forRoot(database.url, 4),
      PolicyModule.forRoot(loadEscalationPolicy(config.ESCALATION_POLICY)),
      RubricModule.forRoot(loadAssessmentRubric(config.ASSESSMENT_RUBRIC)),
      MetricsModule,
      outsideWorld(options.outside ?? []),
      ...imports,
    ],
  });
  for (const [token, fake] of options.fakes ?? []) builder = builder.overrideProvider(token).useValue(fake);
  const module = await builder.compile();
  module.useLogger(['error']);
  await module.init();
  return {
    module,
    config,
    databaseUrl: database.url,
    dataDir,
    get: (type) => module.get(type as Type),
    sql: (text, values) => sql(database.url, text, values),
    async close() {
      await module.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

@Global()
@Module({})
class OutsideWorld {}

function outsideWorld(fakes: Array<[unknown, unknown]>): DynamicModule {
  const providers = fakes.map(([token, fake]) => ({ provide: token as InjectionToken, useValue: fake }));
  return { module: OutsideWorld, providers, exports: providers.map((p) => p.provide) };
}

let users = 0;

/** A new user of `role` (in `departmentCode`), as the actor of a service call. */
export async function newActor(medium: Medium, role: Role, departmentCode: string | null = null): Promise<Actor> {
  const name = `${role}-${departmentCode ?? 'all'}-${++users}`;
  const email = `${name}@medium.duban`;
  const [row] = await medium.sql<{ id: string }>(
    `INSERT INTO app_user (email, name, role, department_code, password_hash) VALUES ($1, $2, $3, $4, 'not a hash: signs in never') RETURNING id`,
    [email, name, role, departmentCode],
  );
  return { id: row.id, email, name, role, departmentCode };
}

export { Role };
