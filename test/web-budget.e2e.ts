import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startApp, type TestApp } from './support/app.js';
import { ensureWebBuild } from './support/web.js';

/**
 * The console on a weak line (issue 20): how much script each first screen needs, read from Vite's build
 * manifest, and how the API sends it (compressed, cached for a year). On slow-4G (400 kbit/s) 100 KB is two
 * seconds, so the budgets are in gzipped kilobytes of JavaScript, as the server sends them.
 */
const WEB = 'dist/web';
const BUDGETS_KB = {
  /** The sign-in page: what a first visit downloads before the form shows. */
  login: { budget: 150, entries: ['index.html', 'src/pages/LoginPage.tsx'] },
  /** A liaison's task list (我的任务) after signing in: the frame, the menu and the list. */
  liaisonTasks: { budget: 350, entries: ['index.html', 'src/components/ConsoleShell.tsx', 'src/pages/TasksPage.tsx'] },
};

type ManifestChunk = { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean };
type Manifest = Record<string, ManifestChunk>;

/** The chunks `entries` load before they run: each one's static imports, transitively (dynamic ones wait until used). */
function chunksFor(manifest: Manifest, entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build manifest has no chunk "${key}"`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  entries.forEach(visit);
  return [...seen].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
}

/** The size the server sends: the build's NAME.gz (gzip -9), which @fastify/static serves as is. */
const gzipped = (file: string) => statSync(join(WEB, `${file}.gz`)).size;
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

describe('console bundle budgets', () => {
  let manifest: Manifest;

  beforeAll(() => {
    const build = ensureWebBuild();
    if (build.built) console.info(`web console built in ${build.ms} ms`);
    manifest = JSON.parse(readFileSync(join(WEB, '.vite/manifest.json'), 'utf8')) as Manifest;
  });

  it.each(Object.entries(BUDGETS_KB))('%s stays within its gzipped JavaScript budget', (name, { budget, entries }) => {
    const files = chunksFor(manifest, entries);
    const sizes = files.map((file) => ({ file, kb: kb(gzipped(file)) })).sort((a, b) => b.kb - a.kb);
    const total = kb(files.reduce((sum, file) => sum + gzipped(file), 0));
    const report = `${name}: ${total} KB gzipped of ${budget} KB (${sizes.map((s) => `${s.file} ${s.kb} KB`).join(', ')})`;
    console.info(report);
    if (total > budget) throw new Error(`over budget — ${report}`);
  });

  it('keeps antd out of the sign-in page and echarts out of every page until a chart is drawn', () => {
    const login = chunksFor(manifest, BUDGETS_KB.login.entries).map((f) => readFileSync(join(WEB, f), 'utf8'));
    // antd's CSS-in-JS runtime marks each style it writes with data-css-hash: present in the signed-in frame, not before.
    expect(login.some((code) => code.includes('data-css-hash'))).toBe(false);
    const frame = chunksFor(manifest, BUDGETS_KB.liaisonTasks.entries).map((f) => readFileSync(join(WEB, f), 'utf8'));
    expect(frame.some((code) => code.includes('data-css-hash'))).toBe(true);
    expect(Object.values(manifest).some((chunk) => readFileSync(join(WEB, chunk.file), 'utf8').includes('zrender'))).toBe(true);
    for (const [key, chunk] of Object.entries(manifest)) {
      if (!key.startsWith('src/pages/') && key !== 'index.html') continue;
      const code = chunksFor(manifest, [key]).map((f) => readFileSync(join(WEB, f), 'utf8'));
      // echarts draws through zrender, which arrives only through Chart.tsx's dynamic import.
      expect([chunk.file, code.some((c) => c.includes('zrender'))]).toEqual([chunk.file, false]);
    }
  });
});

describe('console assets over HTTP', () => {
  let app: TestApp;
  let script: string;

  beforeAll(async () => {
    ensureWebBuild();
    app = await startApp();
    const index = await fetch(`${app.url}/`);
    script = /src="(\/assets\/[^"]+\.js)"/.exec(await index.text())![1];
  });

  afterAll(async () => {
    await app?.close();
  });

  it('sends index.html for revalidation on every visit and hashed assets cached for a year', async () => {
    for (const path of ['/', '/login', '/tasks/x']) {
      const page = await fetch(`${app.url}${path}`);
      expect([path, page.status, page.headers.get('cache-control')]).toEqual([path, 200, 'no-cache']);
    }
    const asset = await fetch(`${app.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });

  it('sends brotli or gzip as the browser accepts, and the plain file to one that takes neither', async () => {
    const plain = readFileSync(join(WEB, script));
    expect(existsSync(join(WEB, `${script}.br`))).toBe(true);
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['identity', null],
    ] as const) {
      // undici's fetch would decode the body; the raw bytes and headers are what is checked here.
      const res = await fetch(`${app.url}${script}`, { headers: { 'accept-encoding': accept } });
      const body = Buffer.from(await res.arrayBuffer());
      expect([accept, res.status, res.headers.get('content-encoding')]).toEqual([accept, 200, encoding]);
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      // Decoded (by fetch) it is the same script whichever way it travelled.
      expect(body.equals(plain)).toBe(true);
    }
  });
});
