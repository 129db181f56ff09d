// @ts-check
/**
 * Lint: ESLint's and typescript-eslint's type-checked recommended rules, and duban's layers as import
 * restrictions. Prettier owns formatting (`npm run format:check`), so no stylistic rules here.
 */
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers: which libs each lib may import. Infrastructure and vocabulary at the bottom, domains
 * above the libs they use; `queue` implements the domains' queue ports (DeliveryQueue, ReportQueue).
 * Written as an explicit list rather than a cycle detector so that a new dependency between libs is a
 * visible decision in review; the check below refuses a list with a cycle, so libs cannot import
 * each other in a circle (`no-restricted-imports` then enforces the list file by file).
 */
const LAYERS = {
  vocabulary: [],
  common: [],
  config: ['common'],
  policy: ['common'],
  db: ['common', 'config', 'vocabulary'],
  storage: ['common', 'config'],
  mail: ['common', 'config'],
  excel: ['common', 'vocabulary'],
  webhook: ['common', 'config', 'mail'],
  audit: ['common', 'config', 'db', 'excel', 'vocabulary'],
  auth: ['audit', 'common', 'config', 'db', 'excel'],
  calendar: ['audit', 'common', 'config', 'db', 'policy'],
  indicators: ['audit', 'common', 'config', 'db', 'vocabulary'],
  // A task belongs to a plan: tasks asks plan (PlanScope) which one.
  tasks: ['audit', 'auth', 'calendar', 'common', 'config', 'db', 'excel', 'plan', 'policy', 'vocabulary'],
  evidence: ['audit', 'common', 'config', 'db', 'storage', 'tasks', 'vocabulary'],
  'calendar-feed': ['audit', 'common', 'config', 'db', 'tasks', 'vocabulary'],
  dashboard: ['audit', 'auth', 'common', 'config', 'db', 'indicators', 'tasks', 'vocabulary'],
  plan: ['audit', 'common', 'config', 'db', 'indicators', 'vocabulary'],
  notifications: ['audit', 'calendar', 'common', 'config', 'db', 'mail', 'metrics', 'policy', 'tasks', 'vocabulary', 'webhook'],
  assessment: ['audit', 'common', 'config', 'db', 'indicators', 'tasks', 'vocabulary'],
  evaluation: ['audit', 'common', 'config', 'db', 'indicators', 'tasks', 'vocabulary'],
  reports: ['assessment', 'audit', 'evaluation', 'common', 'config', 'db', 'indicators', 'tasks', 'vocabulary'],
  queue: ['assessment', 'common', 'config', 'notifications'],
  metrics: [],
  monitoring: ['calendar', 'common', 'config', 'db', 'metrics', 'queue', 'vocabulary'],
};
assertAcyclic(LAYERS);
const unplaced = readdirSync(new URL('libs', import.meta.url)).filter((lib) => !(lib in LAYERS));
if (unplaced.length > 0) throw new Error(`eslint.config.js: place ${unplaced.join(', ')} in LAYERS`);

/** Infrastructure packages and the only folders that may import them (services reach them through repositories and drivers). */
const INFRASTRUCTURE = {
  typeorm: ['libs/db', 'apps/cli'],
  '@nestjs/typeorm': ['libs/db'],
  pg: ['libs/db', 'test', 'bench'],
  bullmq: ['libs/queue'],
  ioredis: ['libs/queue'],
  nodemailer: ['libs/mail'],
};

/** The `no-restricted-imports` options for files under `folder` (e.g. 'libs/tasks'); `spec`: a test beside the code. */
function restrictions(folder, spec = false) {
  const paths = Object.entries(INFRASTRUCTURE)
    .filter(([, owners]) => !owners.includes(folder) && !owners.includes(folder.split('/')[0]))
    .map(([name, owners]) => ({ name, message: `${name} belongs in ${owners.join(' or ')}: reach it through a repository or driver there.` }));
  const patterns = paths.map(({ name, message }) => ({ regex: `^${name}/`, message }));
  const [kind, lib] = folder.split('/');
  if (kind === 'libs') {
    const allowed = new Set([lib, ...LAYERS[lib]]);
    const forbidden = Object.keys(LAYERS).filter((other) => !allowed.has(other));
    if (forbidden.length > 0) {
      patterns.push({
        regex: `^(\\.\\./)+(${forbidden.join('|')})/`,
        message: `libs/${lib} may import only ${LAYERS[lib].join(', ') || 'no other lib'} (the layers in eslint.config.js).`,
      });
    }
    patterns.push({ regex: '(^|/)apps/', message: 'A lib never imports an app.' });
    if (!spec) patterns.push({ regex: '(^|/)test/', message: 'Test support stays out of what ships (only *.spec.ts may use it).' });
  }
  return ['error', { paths, patterns }];
}

function assertAcyclic(layers) {
  const state = {};
  const visit = (lib, path) => {
    if (!(lib in layers)) throw new Error(`eslint.config.js: LAYERS names an unknown lib ${lib}`);
    if (state[lib] === 'done') return;
    if (state[lib] === 'visiting') throw new Error(`eslint.config.js: the layers have a cycle: ${[...path, lib].join(' → ')}`);
    state[lib] = 'visiting';
    for (const dependency of layers[lib]) visit(dependency, [...path, lib]);
    state[lib] = 'done';
  };
  for (const lib of Object.keys(layers)) visit(lib, []);
}

// Tests and benchmarks may reach any package (they check Redis and the tables directly).
const folders = [...Object.keys(LAYERS).map((lib) => `libs/${lib}`), 'apps/api', 'apps/worker', 'apps/cli', 'apps/web'];

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', '.cache/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `_name` marks what a destructuring leaves out on purpose (e.g. `{ storageKey: _hidden, ...view }`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Off: 41 findings, none a defect. They are `async` methods that implement a Promise-returning
      // interface (MailDriver, EvidenceStorage, repositories, Nest hooks) without awaiting; `async` keeps
      // a throw a rejection, which callers rely on. Dropping it would change error behaviour.
      '@typescript-eslint/require-await': 'off',
      // Passing on a caught value (`catch (error) { reject(error) }`) is not inventing a non-Error reason.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      // Chinese text separates a rank from a name with the ideographic space (U+3000) on purpose.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
    },
  },
  {
    files: ['apps/web/**/*.tsx'],
    // React and antd take `() => void` handlers; an async handler there is the idiom (errors surface through react-query).
    rules: { '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }] },
  },
  {
    files: ['test/**', 'bench/**', '**/*.spec.ts'],
    // supertest's `res.body` and Jest's asymmetric matchers (`expect.any(…)`) are `any` by their own types;
    // tests read the fields they assert. Typing every body is the OpenAPI contract's job (issue 15, item 4).
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['bench/**'],
    // @types/node declares execFile's ExecFileException through Omit<…>, which this rule does not
    // recognise as an Error: every `reject(error)` in an execFile callback was a false finding.
    rules: { '@typescript-eslint/prefer-promise-reject-errors': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  // The layers, per folder (flat config replaces a rule's options rather than merging them, hence one entry per folder).
  ...folders.map((folder) => ({ files: [`${folder}/**/*.ts`, `${folder}/**/*.tsx`], rules: { 'no-restricted-imports': restrictions(folder) } })),
  { files: ['apps/*.ts'], rules: { 'no-restricted-imports': restrictions('apps') } },
  ...Object.keys(LAYERS).map((lib) => ({ files: [`libs/${lib}/**/*.spec.ts`], rules: { 'no-restricted-imports': restrictions(`libs/${lib}`, true) } })),
);
