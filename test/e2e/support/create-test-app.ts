import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { buildAppConfig, type AppConfig } from '#app/config';
import { createTestDatabase, resetDatabase, type TestApp } from '#app/testing';
import { AppModule } from '../../../apps/api/src/app.module.js';
import { configureApp } from '../../../apps/api/src/configure-app.js';

export interface E2eContext {
  app: TestApp;
  dataSource: DataSource;
  config: AppConfig;
  /** Empties tenant data between tests. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** The real API on a database of this test file's own. */
export async function createTestApp(env: Record<string, string> = {}): Promise<E2eContext> {
  const database = await createTestDatabase();
  const config = buildAppConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e',
    DB_POOL_SIZE: '5',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ config, databaseUrl: database.url })],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false }) as TestApp;
  configureApp(app);
  await app.init();
  const dataSource = app.get(DataSource);
  return {
    app,
    dataSource,
    config,
    reset: () => resetDatabase(dataSource),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
