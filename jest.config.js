import { spawnSync } from 'node:child_process';
// One jest run, two projects: pure unit tests (domain and services) and the
// end-to-end GraphQL suite, which needs the PostgreSQL started by its global setup.
/** @type {[string, Record<string, unknown>]} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'es6' },
  },
];

const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^#app/(domain|persistence|config|testing)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};

// The browser tests need Debian's chromium (CHROMIUM_PATH, else `chromium` on the PATH). Without it they are
// left out with one line saying so, except in CI, where they always run (and fail if chromium is missing).
const chromium =
  process.env.CHROMIUM_PATH ||
  spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).stdout.trim();
const runBrowserTests = Boolean(chromium) || process.env.CI === 'true';
if (!runBrowserTests)
  console.log(
    'Browser tests skipped: chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH).',
  );

/** @type {import('jest').Config} */
const config = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
    ...(runBrowserTests
      ? [
          {
            ...shared,
            displayName: 'browser',
            testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
            globalSetup: '<rootDir>/test/setup/global-setup.ts',
            globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
          },
        ]
      : []),
  ],
  // A project-level timeout is not honoured; an app start and a template clone can take several
  // seconds when every core is busy with the parallel e2e files.
  testTimeout: 30_000,
  // ESM test files (vm modules) each load NestJS, TypeORM and Apollo afresh, and that memory is not given
  // back: run in one process, 170-odd files filled a 4 GB heap in CI. A limit makes jest run the files in
  // a worker and replace it whenever it holds more than this after a file, even with one worker.
  workerIdleMemoryLimit: '1GB',
};

export default config;
