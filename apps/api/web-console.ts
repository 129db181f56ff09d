import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Paths the console never answers for: the API, health, the queue dashboard and calendar feeds keep their own 404s. */
const RESERVED = /^\/(api|health|admin\/queues|feeds)(\/|\?|$)/;

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>督办平台</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto;padding:0 1em;line-height:1.6">
<h1>督办控制台尚未构建</h1>
<p>服务器运行正常，但没有找到网页控制台的构建文件。请在项目目录执行 <code>npm run build:web</code>（<code>npm start</code> 会自动执行）后刷新本页。</p>
<p>接口文档：<a href="/api/docs">/api/docs</a></p>
</body></html>`;

/**
 * Serves the web console (apps/web, built by Vite into `webDir`): hashed assets
 * under /assets/ with a year's caching (`public, max-age=31536000, immutable`: a
 * changed file gets a new name), brotli or gzip when the browser takes it (the
 * build writes NAME.br and NAME.gz beside each script; nothing is compressed per
 * request), and index.html for every other GET that
 * is not reserved (the SPA's client-side routes). Registered before Nest's
 * routes; find-my-way prefers static and parametric routes over this wildcard,
 * so no API route is shadowed, and reserved paths fall through to Nest's 404.
 */
export async function mountWebConsole(app: NestFastifyApplication, webDir: string): Promise<void> {
  const root = resolve(webDir);
  const assets = join(root, 'assets');
  if (existsSync(assets)) {
    await app.register(fastifyStatic, {
      root: assets,
      prefix: '/assets/',
      decorateReply: false,
      index: false,
      immutable: true,
      maxAge: '365d',
      preCompressed: true,
    });
  }
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/*', async (request, reply) => {
    const path = request.url;
    if (RESERVED.test(path) || path.startsWith('/assets/')) return reply.callNotFound();
    let html: string;
    try {
      html = await readFile(join(root, 'index.html'), 'utf8');
    } catch {
      return reply.code(503).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT);
    }
    // The page names its hashed assets, so it must be revalidated on every visit.
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  });
}
