import { dropE2eRunDatabases, E2E_ADMIN_URL_ENV, E2E_RUN_ENV } from '#app/testing';

export default async function globalTeardown(): Promise<void> {
  const handle = (globalThis as Record<string, unknown>).__PATHWAYS_E2E_PG__ as
    { stop(): Promise<void> } | undefined;
  if (handle) {
    await handle.stop();
    return;
  }
  // A shared server: drop this run's template and any database a test file left, nothing else.
  const adminUrl = process.env[E2E_ADMIN_URL_ENV];
  const runId = process.env[E2E_RUN_ENV];
  if (adminUrl && runId) await dropE2eRunDatabases(adminUrl, runId);
}
