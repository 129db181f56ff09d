import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { failStart, appLogger, onShutdown, openRuntime, rootModule } from '../bootstrap.js';
import { WorkerModule } from './worker.module.js';

/** The worker alone (`npm run start:worker`): an application context, no HTTP. */
const shutdown = onShutdown();
try {
  const runtime = await openRuntime();
  shutdown.add(() => runtime.close());
  const worker = await NestFactory.createApplicationContext(rootModule(runtime, WorkerModule), { logger: appLogger(runtime.config) });
  shutdown.add(() => worker.close());
  await worker.init();
} catch (error) {
  failStart(error);
}
