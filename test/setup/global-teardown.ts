import pg from 'pg';
import { E2E_ADMIN_URL_ENV as ENV_ADMIN_URL, E2E_TEMPLATE_DB as TEMPLATE_DB } from '#app/testing';

export default async function globalTeardown(): Promise<void> {
  const handle = (globalThis as Record<string, unknown>).__PATHWAYS_E2E_PG__ as
    { stop(): Promise<void> } | undefined;
  if (handle) {
    await handle.stop();
    return;
  }
  // A shared server: leave it as we found it.
  const admin = new pg.Client({ connectionString: process.env[ENV_ADMIN_URL] });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(TEMPLATE_DB)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
