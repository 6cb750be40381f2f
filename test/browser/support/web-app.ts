import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { buildAppConfig } from '#app/config';
import { seedDemoOrganisation } from '#app/persistence';
import { createTestDatabase } from '#app/testing';
import { AppModule } from '../../../apps/api/src/app.module.js';
import { PasswordHasher } from '../../../apps/api/src/auth/password-hasher.js';
import { configureApp } from '../../../apps/api/src/configure-app.js';
import { webConfigFromEnv } from '../../../apps/web/src/config.js';
import { mountWebApp } from '../../../apps/web/src/mount.js';

/**
 * The real API and the web app mounted beside it, as npm start runs them, on a database of this file's own with the demo organisation.
 * `apiEnv` adds to the API's environment: `{ SMTP_URL, MAIL_FROM }` of a loopback mail server, say, to read the emails it sends.
 */
export async function startWebApp(
  options: { apiEnv?: Record<string, string> } = {},
): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const database = await createTestDatabase();
  const config = buildAppConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'browser-secret-browser-secret-browser',
    CREDENTIAL_KEY_SECRET: 'browser-credential-secret-browser-credential',
    DB_POOL_SIZE: '5',
    JOBS_ENABLED: 'false',
    ...options.apiEnv,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ config, databaseUrl: database.url })],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureApp(app);
  let baseUrl = '';
  mountWebApp(
    app.getHttpAdapter().getInstance(),
    webConfigFromEnv({ NODE_ENV: 'test' }, () => baseUrl),
  );
  await app.init();
  const hasher = app.get(PasswordHasher);
  await app
    .get(DataSource)
    .transaction((m) =>
      seedDemoOrganisation(m, (p) => hasher.hash(p), new Date().toISOString().slice(0, 10)),
    );
  await app.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return {
    baseUrl,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
