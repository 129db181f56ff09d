/**
 * Process wiring shared by `npm start` (API and worker in one process) and the
 * separate API and worker entry points: configuration, the database (embedded
 * when no DATABASE_URL), migrations, seeds (first start), and shutdown.
 */
import { type DynamicModule, Logger as NestLogger, type LoggerService, Module, type Type } from '@nestjs/common';
import { PinoNestLogger, rootLogger } from './logging.js';
import { ConfigModule } from '../libs/config/config.module.js';
import { AppConfig, loadConfig } from '../libs/config/app-config.js';
import { migrateDatabase } from '../libs/db/data-source.js';
import { DbModule } from '../libs/db/db.module.js';
import { loggedClientClass } from '../libs/db/pg-client.js';
import { importSeeds } from '../libs/plan/import-seeds.js';
import { describeSeedReport } from '../libs/plan/seed-importer.js';
import { startEmbeddedPostgres } from '../libs/db/embedded-postgres.js';
import { type EscalationPolicy, loadEscalationPolicy } from '../libs/policy/escalation-policy.js';
import { type AssessmentRubric, loadAssessmentRubric } from '../libs/assessment/assessment-rubric.js';
import { RubricModule } from '../libs/assessment/rubric.module.js';
import { PolicyModule } from '../libs/policy/policy.module.js';
import { queueSettings } from '../libs/queue/queue-connection.js';
import { QueueModule } from '../libs/queue/queue.module.js';
import { MetricsModule } from '../libs/metrics/metrics.module.js';

export interface Runtime {
  config: AppConfig;
  policy: EscalationPolicy;
  rubric: AssessmentRubric;
  databaseUrl: string;
  /** Stops what `openRuntime` started (the embedded database), after the apps have closed. */
  close(): Promise<void>;
}

const log = new NestLogger('Bootstrap');

/** Validates configuration and policy, opens the database, brings its schema up to date and, on first start, imports the plan seeds. */
export async function openRuntime(env: Record<string, string | undefined> = process.env): Promise<Runtime> {
  const config = loadConfig(env);
  // From the first line on (the embedded server, migrations), in the one format.
  NestLogger.overrideLogger(appLogger(config));
  const policy = loadEscalationPolicy(config.ESCALATION_POLICY);
  const rubric = loadAssessmentRubric(config.ASSESSMENT_RUBRIC);
  let databaseUrl = config.DATABASE_URL;
  let stopDatabase = async (): Promise<void> => undefined;
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres(config.DATA_DIR);
    log.log(`已启动内置 PostgreSQL（数据目录 ${config.DATA_DIR}/postgres）`);
    databaseUrl = embedded.url;
    stopDatabase = () => embedded.stop();
  }
  try {
    const applied = await migrateDatabase(databaseUrl);
    if (applied.length > 0) log.log(`已执行数据库迁移：${applied.join(', ')}`);
    if (config.SEED_ON_START === 'true') {
      // Under the importer's advisory lock: of processes starting together, one imports, the rest find a plan.
      const report = await importSeeds(databaseUrl, config.SEEDS_DIR, { onlyIfEmpty: true });
      if (!report.skipped) log.log(`首次启动，已导入规划种子 ${report.plans.join(', ')}（${describeSeedReport(report)}）`);
    }
  } catch (error) {
    await stopDatabase();
    throw error;
  }
  return { config, policy, rubric, databaseUrl, close: stopDatabase };
}

/** The modules every process needs: configuration, logging, database, policy, rubric and the queue connection. */
export function coreModules(runtime: Runtime): DynamicModule[] {
  const { config } = runtime;
  return [
    ConfigModule.forRoot(config),
    DbModule.forRoot(runtime.databaseUrl, config.DB_POOL_SIZE),
    PolicyModule.forRoot(runtime.policy),
    RubricModule.forRoot(runtime.rubric),
    QueueModule.forRoot({ ...queueSettings(config, runtime.databaseUrl), postgresClient: loggedClientClass('duban-queue') }),
    { module: MetricsModule, global: true },
  ];
}

/** Nest's logger for an application: the process's pino, in the one log format (apps/logging.ts). */
export function appLogger(config: AppConfig): LoggerService {
  return new PinoNestLogger(rootLogger(config));
}

/** A root module importing the core modules and the `features`. */
export function rootModule(runtime: Runtime, ...features: Array<Type | DynamicModule>): Type {
  @Module({ imports: [...coreModules(runtime), ...features] })
  class RootModule {}
  return RootModule;
}

/**
 * Installs SIGINT/SIGTERM handling at once, before anything starts: on a
 * signal, what was started so far is closed in reverse order, then the process
 * exits; it exits anyway after `deadlineMs`, so a hung dependency cannot keep it alive.
 */
export function onShutdown(deadlineMs = 15_000): { add(close: () => Promise<void>): void } {
  const closers: Array<() => Promise<void>> = [];
  let closing = false;
  const handler = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    log.log(`收到 ${signal}，正在停止…`);
    const timer = setTimeout(() => {
      log.error(`停止超时（${deadlineMs} ms），强制退出`);
      process.exit(1);
    }, deadlineMs);
    timer.unref();
    (async () => {
      for (const close of closers.reverse()) await close();
    })()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        log.error(`停止时出错：${(error as Error).message}`);
        process.exit(1);
      });
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return { add: (close) => void closers.push(close) };
}

/** Prints a start-up failure for people and exits non-zero. */
export function failStart(error: unknown): never {
  const message = `duban 无法启动：${error instanceof Error ? error.message : String(error)}`;
  // On a terminal, as a sentence; otherwise one more JSON line (the configuration itself may be what failed).
  if (process.stdout.isTTY || process.env.LOG_FORMAT === 'pretty') console.error(message);
  else rootLogger({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' }).fatal({ context: 'Bootstrap' }, message);
  process.exit(1);
}
