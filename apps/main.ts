import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createHttpApp } from './api/http-app.js';
import { failStart, onShutdown, openRuntime } from './bootstrap.js';
import { WorkerModule } from './worker/worker.module.js';

/** `npm start`: API and worker in one process on the embedded defaults. */
const shutdown = onShutdown();
try {
  const runtime = await openRuntime();
  shutdown.add(() => runtime.close());
  // One application, so API and worker share the data source and its pool.
  const app = await createHttpApp(runtime, [WorkerModule]);
  shutdown.add(() => app.close());
  await app.listen(runtime.config.PORT, runtime.config.HOST);
  new Logger('Bootstrap').log(`duban 已启动：控制台 http://127.0.0.1:${runtime.config.PORT}/ ，接口文档 http://127.0.0.1:${runtime.config.PORT}/api/docs`);
} catch (error) {
  failStart(error);
}
