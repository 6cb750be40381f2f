// Starts one PostgreSQL for the whole e2e run (the embedded one, or the server in
// DATABASE_URL), builds a template database with every migration and the reference
// frameworks, and leaves each test file to clone its own database from it. Every
// database this run creates carries the run's id, so the teardown drops those and
// nothing else on a shared server.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { prepareDatabase, startEmbeddedPostgres } from '#app/persistence';
import { E2E_ADMIN_URL_ENV, E2E_RUN_ENV, e2eTemplateDatabase, newE2eRunId, withDatabase } from '#app/testing';

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
  const runId = newE2eRunId();
  const template = e2eTemplateDatabase(runId);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    console.log(
      `\ne2e database: PostgreSQL ${rows[0]!.v}${process.env.DATABASE_URL ? ' (DATABASE_URL)' : ' (embedded)'}, run ${runId}`,
    );
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(template)}`);
  } finally {
    await admin.end();
  }
  // Set before migrating, so the teardown of a run whose migrations failed still finds it.
  process.env[E2E_ADMIN_URL_ENV] = adminUrl;
  process.env[E2E_RUN_ENV] = runId;
  await prepareDatabase(withDatabase(adminUrl, template));
}
