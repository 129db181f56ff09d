import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { failStart, jsonLogger, onShutdown, openRuntime, rootModule } from '../bootstrap.js';
import { WorkerModule } from './worker.module.js';

/** The worker alone (`npm run start:worker`): an application context, no HTTP. */
try {
  const runtime = await openRuntime();
  const worker = await NestFactory.createApplicationContext(rootModule(runtime, WorkerModule), { logger: jsonLogger(runtime.config) });
  await worker.init();
  onShutdown(async () => {
    await worker.close();
    await runtime.close();
  });
} catch (error) {
  failStart(error);
}
