import 'reflect-metadata';
import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { buildAppConfigOrExit, startupWarnings } from '#app/config';
import {
  leaveShutdownSignalsToCaller,
  migrateAndSeedReference,
  resolveDatabaseServer,
  seedDemoOrganisation,
  DEMO_PASSWORD,
} from '#app/persistence';
import { AppModule } from './app.module.js';
import { PasswordHasher } from './auth/password-hasher.js';
import { configureApp } from './configure-app.js';
import { logDestination } from './log-destination.js';
import { Drain } from './health/drain.js';
import { mountWebApp } from '../../web/src/mount.js';
import { webConfigFromEnv, WebConfigError } from '../../web/src/config.js';

async function bootstrap(): Promise<void> {
  const started = Date.now();
  const config = buildAppConfigOrExit();
  const warnings = startupWarnings(config);
  for (const w of warnings) console.warn(w);
  const database = await resolveDatabaseServer({
    url: config.db.url,
    dataDir: config.dataDir,
    embeddedPort: config.db.embeddedPort,
  });
  if (database.embedded) console.log(`Embedded PostgreSQL running, data in ${config.dataDir}`);

  const app = await NestFactory.create(
    AppModule.forRoot({
      config,
      databaseUrl: database.url,
      logDestination: await logDestination(config.env === 'development'),
    }),
    { bufferLogs: true },
  );
  configureApp(app);
  // The web app on the same port, in front of the API's routes; it calls the API over loopback HTTP like any client.
  const webEnabled = process.env.WEB_ENABLED !== 'false';
  if (webEnabled) {
    const apiHost = ['0.0.0.0', '::'].includes(config.http.host) ? '127.0.0.1' : config.http.host;
    try {
      const apiUrl = `http://${apiHost.includes(':') ? `[${apiHost}]` : apiHost}:${config.http.port}`;
      mountWebApp(
        app.getHttpAdapter().getInstance(),
        webConfigFromEnv(process.env, () => apiUrl),
      );
    } catch (error) {
      if (error instanceof WebConfigError) {
        console.error(error.message);
        process.exit(1);
      }
      throw error;
    }
  }

  let demoLogins: { email: string; roles: string[] }[] | null = null;
  if (config.db.migrationsRun) {
    const dataSource = app.get(DataSource);
    const { migrations, frameworks } = await migrateAndSeedReference(dataSource);
    if (migrations.length) console.log(`Applied migrations: ${migrations.join(', ')}`);
    if (frameworks.length) console.log(`Loaded reference frameworks: ${frameworks.join(', ')}`);
    if (config.db.seedDemo) {
      const hasher = app.get(PasswordHasher);
      const today = new Date().toISOString().slice(0, 10);
      demoLogins = await dataSource.transaction((m) => seedDemoOrganisation(m, (p) => hasher.hash(p), today));
    }
  }

  // Readiness fails first; requests in flight finish (the server still answering); then the server
  // closes, then the job queue and the database pool; then the embedded PostgreSQL stops.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(
      `${signal} received: finishing requests in flight, then stopping the API${database.embedded ? ' and the embedded PostgreSQL' : ''}`,
    );
    const server = app.getHttpServer() as Server;
    if (!(await app.get(Drain).start(config.shutdown.graceMs))) {
      console.log(`Requests still in flight after ${config.shutdown.graceMs / 1000} s: closing them`);
      server.closeAllConnections();
    }
    // No new connections while the modules shut down (Node also closes idle keep-alive ones here).
    await new Promise((resolve) => server.close(resolve));
    await app.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    process.exit(0);
  };
  leaveShutdownSignalsToCaller();
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen(config.http.port, config.http.host);
  const base = `http://${config.http.host === '0.0.0.0' ? 'localhost' : config.http.host}:${config.http.port}`;
  console.log(`Pathways API ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (webEnabled) console.log(`  Web app:  ${base}/`);
  console.log(`  GraphQL:  ${base}/graphql`);
  if (config.graphql.playground) console.log(`  GraphiQL: ${base}/graphiql`);
  if (config.auth.jwtSecretGenerated)
    console.log(
      '  Access tokens are signed with a key generated for this run (set JWT_SECRET to keep sign-ins across restarts).',
    );
  if (demoLogins) {
    console.log(
      `\nDemo organisation created (demonstration data only). Every demo login uses the password "${DEMO_PASSWORD}":`,
    );
    for (const l of demoLogins) console.log(`  ${l.email.padEnd(36)} ${l.roles.join(', ')}`);
  }
  // Again last, where whoever started it looks.
  for (const w of warnings) console.warn(`\n${w}`);
}

await bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
