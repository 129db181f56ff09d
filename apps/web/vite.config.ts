import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Writes NAME.br and NAME.gz beside every script and stylesheet, at the strongest settings (too slow per
 * request, free once per build); @fastify/static sends whichever the browser accepts (apps/api/web-console.ts).
 * Slow-4G moves about 50 KB a second, so brotli's few percent over gzip are worth the build's second.
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const deflate = promisify(gzip);
  let outDir = '';
  return {
    name: 'duban-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => /\.(js|css|svg)$/.test(f));
      await Promise.all(
        files.map(async (file) => {
          const path = join(outDir, file);
          const body = await readFile(path);
          await writeFile(`${path}.br`, await brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
          await writeFile(`${path}.gz`, await deflate(body, { level: 9 }));
        }),
      );
    },
  };
}

/**
 * Two antd parts every page with a card or a table would otherwise download though the console never shows them:
 * Card's tab strip (only with `tabList`) and the tree of a table's filter menu (only with `filterMode: 'tree'`),
 * about 23 KB gzipped together. Those two imports get a stand-in that fetches the real component when first drawn.
 */
const DEFERRED: { importer: RegExp; source: string; module: string }[] = [
  { importer: /antd[\\/]es[\\/]card[\\/]Card\.js$/, source: '../tabs', module: 'antd/es/tabs' },
  { importer: /antd[\\/]es[\\/]table[\\/]hooks[\\/]useFilter[\\/]FilterDropdown\.js$/, source: '../../../tree', module: 'antd/es/tree' },
];

function deferAntdParts(): Plugin {
  const PREFIX = '\0duban-deferred:';
  return {
    name: 'duban-defer-antd-parts',
    enforce: 'pre',
    apply: 'build',
    resolveId(source, importer) {
      const hit = importer ? DEFERRED.find((d) => d.source === source && d.importer.test(importer)) : undefined;
      return hit ? `${PREFIX}${hit.module}` : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const module = id.slice(PREFIX.length);
      return [
        "import { createElement, lazy, Suspense } from 'react';",
        `const Real = lazy(() => import('${module}'));`,
        'export default function Deferred(props) { return createElement(Suspense, { fallback: null }, createElement(Real, props)); }',
      ].join('\n');
    },
  };
}

/**
 * The console (督办控制台). Vite 8 compiles TSX itself (Oxc), so no React plugin:
 * the automatic JSX runtime is all it needs. The build lands in dist/web, which
 * the API serves at `/` (apps/api/web-console.ts).
 */
export default defineConfig({
  root: here,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  plugins: [deferAntdParts(), precompress()],
  build: {
    // .vite/manifest.json: which chunks each page needs, for the size budgets (test/web-budget.e2e.ts).
    manifest: true,
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Helmet's CSP allows scripts from 'self' only: no inline module preload polyfill.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // antd marks its modules "use client" (for React Server Components); meaningless in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      // antd's own packages (@rc-component/*, @ant-design/*) do not declare `sideEffects: false`, so every module
      // reached through an index is kept: antd's Input alone drags in the whole of the form library and its
      // validator (13 KB gzipped). They have no import-time effects the console relies on; the unused are dropped.
      treeshake: { moduleSideEffects: (id: string) => !/node_modules[\\/](@rc-component|@ant-design)[\\/]/.test(id) },
      output: {
        // React and the router apart from the console's own code, so a console change keeps them cached. antd and
        // echarts are not grouped: one chunk of each would make the sign-in page fetch all of them (620 KB gzipped);
        // left to the splitter, each page's chunks hold the components it uses.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler|@tanstack)[\\/]/ }],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' } },
});
