import { Test } from '@nestjs/testing';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { buildAppConfig, type AppConfig } from '#app/config';
import { createTestDatabase, resetDatabase, type TestApp } from '#app/testing';
import { AppModule } from '../../../apps/api/src/app.module.js';
import { Clock } from '../../../apps/api/src/common/clock.js';
import { configureApp } from '../../../apps/api/src/configure-app.js';

export interface E2eContext {
  app: TestApp;
  dataSource: DataSource;
  config: AppConfig;
  databaseUrl: string;
  /** Empties tenant data between tests. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Another database to use (e.g. a second instance on the same one); its owner drops it. */
  databaseUrl?: string;
  /** Replaces the clock, so a test sets the time instead of waiting for it. */
  clock?: Clock;
  /** Receives the API's log lines (JSON), e.g. to check what it writes. */
  logDestination?: DestinationStream;
}

/**
 * The real API on a database of this test file's own. The job queue is off unless `JOBS_ENABLED`
 * says otherwise: tests call the scheduled work directly with the time they choose.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<E2eContext> {
  const database = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => undefined }
    : await createTestDatabase();
  const config = buildAppConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e',
    CREDENTIAL_KEY_SECRET: 'e2e-credential-secret-e2e-credential-secret',
    PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
    DB_POOL_SIZE: '5',
    JOBS_ENABLED: 'false',
    ...env,
  });
  const builder = Test.createTestingModule({
    imports: [
      AppModule.forRoot({ config, databaseUrl: database.url, logDestination: options.logDestination }),
    ],
  });
  if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication({ logger: false }) as TestApp;
  configureApp(app);
  await app.init();
  const dataSource = app.get(DataSource);
  return {
    app,
    dataSource,
    config,
    databaseUrl: database.url,
    reset: () => resetDatabase(dataSource),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
