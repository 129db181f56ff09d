import 'reflect-metadata';
import { failStart, onShutdown, openRuntime } from '../bootstrap.js';
import { createHttpApp } from './http-app.js';

/** The API alone (`npm run start:api`); run as many as needed behind a load balancer. */
try {
  const runtime = await openRuntime();
  const app = await createHttpApp(runtime);
  await app.listen(runtime.config.PORT, runtime.config.HOST);
  onShutdown(async () => {
    await app.close();
    await runtime.close();
  });
} catch (error) {
  failStart(error);
}
