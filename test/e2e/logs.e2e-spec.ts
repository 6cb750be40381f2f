import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '#app/testing';
import { findFreePort } from '../../scripts/harness/find-free-port.js';
import { startApiProcess } from '../../scripts/harness/start-api-process.js';

const BUILT_API = fileURLToPath(new URL('../../dist/apps/api/src/main.js', import.meta.url));

/** Starts the built API in `env`, waits for its banner, and returns its output lines. */
async function startUpOutput(env: Record<string, string>): Promise<string[]> {
  const database = await createTestDatabase();
  const cwd = await mkdtemp(join(tmpdir(), 'pathways-logs-'));
  const port = await findFreePort();
  const api = await startApiProcess({
    port,
    script: BUILT_API,
    cwd,
    env: {
      SEED_DEMO: 'false',
      JOBS_ENABLED: 'false',
      ...env,
      PORT: String(port),
      DATABASE_URL: database.url,
    },
  });
  try {
    for (let i = 0; i < 100 && !api.output().includes('  GraphQL:'); i++)
      await new Promise((r) => setTimeout(r, 50));
    await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    await new Promise((r) => setTimeout(r, 200));
    return api.output().split('\n');
  } finally {
    await api.stop();
    await rm(cwd, { recursive: true, force: true });
    await database.drop();
  }
}

describe('the log (e2e, a spawned process)', () => {
  it('should be readable lines in development, with the start-up banner after them', async () => {
    const lines = await startUpOutput({ NODE_ENV: 'development' });
    expect(lines.filter((l) => l.startsWith('{'))).toEqual([]);
    const logLine = /^\[\d\d:\d\d:\d\d\.\d{3}\] [A-Z]+: /;
    expect(lines).toContainEqual(
      expect.stringMatching(/INFO: \[NestApplication\] Nest application successfully started$/),
    );
    // A request: method, path, status and time, no headers.
    expect(lines).toContainEqual(expect.stringMatching(/INFO: POST \/graphql 200 \d+ms$/));
    const banner = lines.findIndex((l) => l.startsWith('Pathways API ready'));
    const lastStartUpLog = lines.findLastIndex((l) => logLine.test(l) && !l.includes('/graphql'));
    expect(banner).toBeGreaterThan(lastStartUpLog);
    expect(lastStartUpLog).toBeGreaterThan(0);
  }, 60_000);

  it('should be JSON in production, with the start-up banner after it', async () => {
    const lines = await startUpOutput({
      NODE_ENV: 'production',
      JWT_SECRET: 'logs-secret-logs-secret-logs-secret-logs',
      CREDENTIAL_KEY_SECRET: 'logs-credential-secret-logs-credential-secret',
      SESSION_SECRET: 'logs-session-secret-logs-session-secret-logs',
      PUBLIC_BASE_URL: 'http://127.0.0.1',
    });
    const json = lines.filter((l) => l.startsWith('{'));
    expect(json.length).toBeGreaterThan(10);
    for (const line of json) expect(() => JSON.parse(line)).not.toThrow();
    expect(json.map((l) => JSON.parse(l).msg)).toContain('Nest application successfully started');
    const banner = lines.findIndex((l) => l.startsWith('Pathways API ready'));
    const lastStartUpLog = lines.findLastIndex((l) => l.startsWith('{') && !l.includes('request completed'));
    expect(banner).toBeGreaterThan(lastStartUpLog);
  }, 60_000);
});
