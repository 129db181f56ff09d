import 'reflect-metadata';
import { failStart, onShutdown, openRuntime } from '../bootstrap.js';
import { createHttpApp } from './http-app.js';

/** The API alone (`npm run start:api`); run as many as needed behind a load balancer. */
const shutdown = onShutdown();
try {
  const runtime = await openRuntime();
  shutdown.add(() => runtime.close());
  const app = await createHttpApp(runtime);
  shutdown.add(() => app.close());
  await app.listen(runtime.config.PORT, runtime.config.HOST);
} catch (error) {
  failStart(error);
}
