import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { buildAppConfig } from '#app/config';
import { countStatements, gql } from '#app/testing';
import { AppModule } from '../../apps/api/src/app.module.js';
import { configureApp } from '../../apps/api/src/configure-app.js';

export interface CountedOperation {
  name: string;
  token: string;
  query: string;
  variables?: Record<string, unknown>;
}

/**
 * SQL statements per request, counted at the driver in an API instance inside this process (the same
 * module, configuration and database as the measured child process). Each operation runs twice and
 * the second run counts, so one-off warm-up reads (reference data cached per process) are left out.
 * Every statement the driver sends counts, including BEGIN and COMMIT.
 */
export async function countStatementsPerRequest(
  settings: { databaseUrl: string; jwtSecret: string },
  operations: readonly CountedOperation[],
): Promise<Record<string, { statements: number; firstRun: number; errors: string[] }>> {
  const counts: Record<string, { statements: number; firstRun: number; errors: string[] }> = {};
  await withInProcessApi(settings, async (app) => {
    for (const op of operations) {
      const first = await countStatements(() => gql(app, op.query, op.variables ?? {}, { as: op.token }));
      const second = await countStatements(() => gql(app, op.query, op.variables ?? {}, { as: op.token }));
      counts[op.name] = {
        statements: second.statements.length,
        firstRun: first.statements.length,
        errors: (second.result.errors ?? []).map((e) => e.extensions?.code ?? e.message),
      };
    }
  });
  return counts;
}

/** An API instance inside this process (the measured child's module and configuration), for `work`. */
export async function withInProcessApi(
  settings: { databaseUrl: string; jwtSecret: string },
  work: (app: INestApplication) => Promise<void>,
): Promise<void> {
  const config = buildAppConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JWT_SECRET: settings.jwtSecret,
    CREDENTIAL_KEY_SECRET: settings.jwtSecret,
    PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
    DATABASE_URL: settings.databaseUrl,
    DB_POOL_SIZE: '4',
    JOBS_ENABLED: 'false',
    ...(process.env.DATA_DIR ? { DATA_DIR: process.env.DATA_DIR } : {}),
  });
  const app: INestApplication = await NestFactory.create(
    AppModule.forRoot({ config, databaseUrl: settings.databaseUrl }),
    { logger: false },
  );
  configureApp(app);
  await app.init();
  try {
    await work(app);
  } finally {
    await app.close();
  }
}
