// Native ESM Jest (NestJS 12 is ESM-only): @swc/jest emits ESM, and relative
// imports written with `.js` (as Node's ESM resolution requires) map back to `.ts`.
const swc = [
  '@swc/jest',
  {
    swcrc: false,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'es6' },
  },
];
// Jest on Node 20 cannot require() an ES module; @fastify/static (Swagger UI's file server)
// requires the ESM-only content-disposition, so that one package is compiled to CommonJS.
const esmOnlyDependency = ['@swc/jest', { swcrc: false, jsc: { parser: { syntax: 'ecmascript' }, target: 'es2023' }, module: { type: 'commonjs' } }];
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc, 'content-disposition/dist/.+\\.js$': esmOnlyDependency },
  transformIgnorePatterns: ['/node_modules/(?!(@fastify/static/node_modules/content-disposition|content-disposition)/)'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
};
export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    // Services and repositories on real PostgreSQL (a template copy per file); fakes only for the outside world.
    {
      ...common,
      displayName: 'medium',
      testMatch: ['<rootDir>/test/medium/**/*.medium.ts'],
      globalSetup: '<rootDir>/test/global-setup.mjs',
      globalTeardown: '<rootDir>/test/global-teardown.mjs',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e.ts'],
      globalSetup: '<rootDir>/test/global-setup.mjs',
      globalTeardown: '<rootDir>/test/global-teardown.mjs',
    },
  ],
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/summary-reporter.mjs'],
};
