import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where the global setup leaves the admin URL and this run's id for the test files. */
export const E2E_ADMIN_URL_ENV = 'PATHWAYS_E2E_ADMIN_URL';
export const E2E_RUN_ENV = 'PATHWAYS_E2E_RUN';

/** A fresh id per test run: its databases are named after it, so a run drops only its own. */
export function newE2eRunId(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** Every database a run creates starts with this (letters, digits and `_` only). */
export function e2eDatabasePrefix(runId: string): string {
  if (!/^[a-z0-9]{4,20}$/.test(runId)) throw new Error(`not an e2e run id: ${runId}`);
  return `pathways_e2e_${runId}_`;
}

export function e2eTemplateDatabase(runId: string): string {
  return `${e2eDatabasePrefix(runId)}template`;
}

/** The run id the global setup chose (the test files run in workers that inherit it). */
export function currentE2eRunId(): string {
  const runId = process.env[E2E_RUN_ENV];
  if (!runId) throw new Error(`${E2E_RUN_ENV} is not set: run the e2e tests through jest's global setup`);
  return runId;
}

/**
 * Drops the databases of one run and no other: those whose names start with its prefix. Other
 * runs' databases on a shared server (another engineer's, a CI job's) are left alone.
 */
export async function dropE2eRunDatabases(adminUrl: string, runId: string): Promise<string[]> {
  const prefix = e2eDatabasePrefix(runId);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname`,
      [prefix],
    );
    for (const { datname } of rows) {
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
    }
    return rows.map((r) => r.datname);
  } finally {
    await admin.end();
  }
}
