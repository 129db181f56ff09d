import { type ChildProcess, spawn } from 'node:child_process';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../../apps/worker/worker.module.js';
import { appLogger, rootModule, type Runtime } from '../../apps/bootstrap.js';
import { loadConfig } from '../../libs/config/app-config.js';
import { loadEscalationPolicy } from '../../libs/policy/escalation-policy.js';
import { loadAssessmentRubric } from '../../libs/assessment/assessment-rubric.js';
import { captureOutput } from './child-output.js';

/** Where a worker finds the installation it works for (a TestApp has both). */
export interface WorkerTarget {
  databaseUrl: string;
  dataDir: string;
}

function workerEnv(target: WorkerTarget, env: Record<string, string>): Record<string, string | undefined> {
  // The queue prefix startApp gives the app of this database: the worker must listen where the app enqueues (on a shared Redis).
  const QUEUE_PREFIX = new URL(target.databaseUrl).pathname.slice(1);
  return { ...process.env, DATABASE_URL: target.databaseUrl, DATA_DIR: target.dataDir, LOG_LEVEL: 'warn', SEED_ON_START: 'false', QUEUE_PREFIX, ...env };
}

/** The worker (apps/worker's module) in this process, as `npm run start:worker` builds it. */
export async function startWorker(target: WorkerTarget, env: Record<string, string> = {}): Promise<INestApplicationContext> {
  const config = loadConfig(workerEnv(target, env));
  const runtime: Runtime = {
    config,
    policy: loadEscalationPolicy(config.ESCALATION_POLICY),
    rubric: loadAssessmentRubric(config.ASSESSMENT_RUBRIC),
    databaseUrl: target.databaseUrl,
    close: async () => undefined,
  };
  const context = await NestFactory.createApplicationContext(rootModule(runtime, WorkerModule), { logger: appLogger(config) });
  await context.init();
  return context;
}

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves when it logged that it is ready; rejects when it exits first or after `timeoutMs`. */
  ready(timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (or signal) once it has exited. */
  exited: Promise<number | string | null>;
}

/** `node dist/apps/worker/main.js` as a child process (needs `npm run build`; `npm test` builds first), for kill tests. */
export function spawnWorker(target: WorkerTarget, env: Record<string, string> = {}): WorkerProcess {
  const childEnv = workerEnv(target, { LOG_LEVEL: 'info', ...env });
  delete childEnv.NODE_OPTIONS; // Jest's --experimental-vm-modules is not for the child.
  const child = spawn(process.execPath, ['dist/apps/worker/main.js'], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = captureOutput(child, childEnv);
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return {
    child,
    output,
    exited,
    async ready(timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      let gone = false;
      void exited.then(() => (gone = true));
      while (!output().includes('worker 已就绪')) {
        if (gone) throw new Error(`worker exited before it was ready:\n${output()}`);
        if (Date.now() > deadline) throw new Error(`worker not ready after ${timeoutMs} ms:\n${output()}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** Polls `probe` until it returns a truthy value (returned) or `timeoutMs` passes (throws with `what`). */
export async function waitFor<T>(what: string, probe: () => Promise<T> | T, timeoutMs = 20_000, everyMs = 50): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
