import multipart from '@fastify/multipart';
import helmet from 'helmet';
import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { LogController } from 'fastify';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import rateLimit from '@fastify/rate-limit';
import { appLogger, rootModule, type Runtime } from '../bootstrap.js';
import { rootLogger } from '../logging.js';
import { ApiModule } from './api.module.js';
import { mountQueueDashboard } from './queue-dashboard.js';
import { mountWebConsole } from './web-console.js';
import { validationPipe } from './validation.js';
import { UserService } from '../../libs/auth/user.service.js';
import { evidenceUploadLimits } from '../../libs/evidence/upload-limits.js';
import { logSafeUrl } from '../../libs/common/log-safe-url.js';
import { Metrics } from '../../libs/metrics/metrics.js';

/**
 * Builds the HTTP application without listening. Fastify, by measurement: six times Express on a constant
 * route (BASELINES.md), 1.1–2.4× on duban's own routes, even on uploads (bench/adapters.bench.ts).
 * `alongside` adds modules to the same application (`npm start` adds the worker), so they share one connection pool.
 */
export async function createHttpApp(runtime: Runtime, alongside: Array<Type | DynamicModule> = []): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // Only the configured proxies' X-Forwarded-For is believed (TRUST_PROXY); by default none is.
    trustProxy: trustedProxies(runtime.config.TRUST_PROXY),
    bodyLimit: 1024 * 1024,
    // Fastify's pino writes one JSON line per request (below) instead of two.
    // The process's pino (apps/logging.ts): Fastify's lines in the same shape as Nest's and duban's.
    loggerInstance: rootLogger(runtime.config).child({ context: 'HTTP' }),
    logController: new LogController({ disableRequestLogging: true }),
  });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule(runtime, ApiModule, ...alongside), adapter, { logger: appLogger(runtime.config) });
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(Metrics);
  fastify.addHook('onResponse', async (request, reply) => {
    // By route pattern (`/api/v1/tasks/:id`), never the path itself: one series per route, not per task.
    const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
    if (request.url === '/health' || request.url === '/metrics') return;
    // A calendar feed's token, a dashboard ticket, a token in a query: credentials stay out of the log.
    request.log.info({ method: request.method, url: logSafeUrl(request.url), statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
  // helmet's middleware, built once: @fastify/helmet calls helmet(options) on every request, re-parsing the
  // policy each time, which cost about a sixth of a small request's time (bench/task-list.bench.ts).
  // Scripts from the origin only: the console's are files; only Swagger UI (/api/docs) needs inline ones. antd needs inline
  // styles. Everything else keeps helmet's defaults but upgrade-insecure-requests: on an intranet address over plain HTTP
  // it sends the console's own scripts to https and leaves a blank page (HTTPS, where used, is the reverse proxy's, with HSTS).
  const policy = (scriptSrc: string[]) =>
    helmet({
      contentSecurityPolicy: {
        directives: { defaultSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc, imgSrc: ["'self'", 'data:'], upgradeInsecureRequests: null },
      },
    });
  const securityHeaders = policy(["'self'"]);
  const docsHeaders = policy(["'self'", "'unsafe-inline'"]);
  fastify.addHook('onRequest', (request, reply, done) =>
    (request.url.startsWith('/api/docs') ? docsHeaders : securityHeaders)(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );
  fastify.decorate('loginRateLimit', runtime.config.LOGIN_RATE_LIMIT);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: evidenceUploadLimits(runtime.config) });
  app.setGlobalPrefix('api/v1', { exclude: ['health', 'metrics'] });
  app.useGlobalPipes(validationPipe());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('duban 督办 API')
      .setDescription(
        '规划分工任务的督办：任务、进展、佐证材料、延期、审核与留痕。Errors are `{statusCode, error, message}`; lists are `{items, total, page, limit}`.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
  await mountQueueDashboard(app);
  await mountWebConsole(app, runtime.config.WEB_DIR);

  await app.get(UserService).ensureAdmin(runtime.config.ADMIN_EMAIL, runtime.config.ADMIN_PASSWORD);
  return app;
}

/** TRUST_PROXY as Fastify's `trustProxy`: the listed addresses and ranges, or false (trust no header). */
export function trustedProxies(setting: string | undefined): string[] | false {
  const proxies = (setting ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return proxies.length > 0 ? proxies : false;
}
