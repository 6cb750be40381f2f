// Starts one PostgreSQL for the whole e2e run (the embedded one, or the server in
// DATABASE_URL), builds a template database with every migration and the reference
// frameworks, and leaves each test file to clone its own database from it.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { prepareDatabase, startEmbeddedPostgres } from '#app/persistence';
import {
  E2E_ADMIN_URL_ENV as ENV_ADMIN_URL,
  E2E_TEMPLATE_DB as TEMPLATE_DB,
  withDatabase,
} from '#app/testing';

export default async function globalSetup(): Promise<void> {
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    const dataDir = await mkdtemp(join(tmpdir(), 'pathways-e2e-'));
    const port = 55_000 + Math.floor(Math.random() * 5_000);
    const handle = await startEmbeddedPostgres({ dataDir, port, database: 'postgres', ephemeral: true });
    (globalThis as Record<string, unknown>).__PATHWAYS_E2E_PG__ = handle;
    adminUrl = handle.adminUrl;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    console.log(
      `\ne2e database: PostgreSQL ${rows[0]!.v}${process.env.DATABASE_URL ? ' (DATABASE_URL)' : ' (embedded)'}`,
    );
    // Leftovers of an interrupted run on a shared server.
    const stale = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'pathways_e2e_%'`,
    );
    for (const { datname } of stale.rows) {
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(TEMPLATE_DB)}`);
  } finally {
    await admin.end();
  }
  await prepareDatabase(withDatabase(adminUrl, TEMPLATE_DB));
  process.env[ENV_ADMIN_URL] = adminUrl;
}
