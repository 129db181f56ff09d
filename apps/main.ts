import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createHttpApp } from './api/http-app.js';
import { failStart, jsonLogger, onShutdown, openRuntime, rootModule } from './bootstrap.js';
import { WorkerModule } from './worker/worker.module.js';

/** `npm start`: API and worker in one process on the embedded defaults. */
const shutdown = onShutdown();
try {
  const runtime = await openRuntime();
  shutdown.add(() => runtime.close());
  const app = await createHttpApp(runtime);
  shutdown.add(() => app.close());
  const worker = await NestFactory.createApplicationContext(rootModule(runtime, WorkerModule), { logger: jsonLogger(runtime.config) });
  shutdown.add(() => worker.close());
  await worker.init();
  await app.listen(runtime.config.PORT, runtime.config.HOST);
  new Logger('Bootstrap').log(`duban 已启动：http://127.0.0.1:${runtime.config.PORT}/api/docs`);
} catch (error) {
  failStart(error);
}
