import { request as httpRequest } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '#app/testing';
import { findFreePort } from '../../scripts/harness/find-free-port.js';
import { startApiProcess, type ApiProcess } from '../../scripts/harness/start-api-process.js';

/** The built API, as production runs it (the e2e run builds first). */
const BUILT_API = fileURLToPath(new URL('../../dist/apps/api/src/main.js', import.meta.url));

const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'shutdown-secret-shutdown-secret-shutdown',
  CREDENTIAL_KEY_SECRET: 'shutdown-credential-secret-shutdown-credential',
  SESSION_SECRET: 'shutdown-session-secret-shutdown-session',
  PUBLIC_BASE_URL: 'http://127.0.0.1',
  SEED_DEMO: 'false',
  JOBS_ENABLED: 'true',
  LOG_LEVEL: 'info',
};

/** Log lines at level error or fatal (pino's 50 and 60), and anything else that says error. */
const errorLines = (output: string) =>
  output
    .split('\n')
    .filter((line) => /"level":(50|60)\b/.test(line) || (!line.startsWith('{') && /error/i.test(line)));

async function until(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('stopping the API (e2e, a spawned production process)', () => {
  let api: ApiProcess | undefined;
  afterEach(async () => {
    await api?.kill();
    api = undefined;
  });

  it('should fail readiness on SIGTERM, finish the request in flight with 200, then exit 0', async () => {
    const database = await createTestDatabase();
    try {
      const port = await findFreePort();
      api = await startApiProcess({
        port,
        script: BUILT_API,
        env: { ...PRODUCTION, PORT: String(port), DATABASE_URL: database.url },
      });
      // The web app is mounted in front: /metrics must still reach the API.
      const metrics = await fetch(`${api.url}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toMatch(/^pathways_db_pool_waiting 0$/m);

      // A request held open: its body arrives in two parts, the second after SIGTERM.
      const body = JSON.stringify({ query: 'query Held { __typename }' });
      const held = httpRequest(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
        held.on('response', (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        held.on('error', reject);
      });
      held.write(body.slice(0, 10));
      await new Promise((r) => setTimeout(r, 300));

      api.child.kill('SIGTERM');
      await until(async () => (await fetch(`${api!.url}/health/ready`)).status === 503);
      expect(await (await fetch(`${api.url}/health/ready`)).json()).toMatchObject({ status: 'stopping' });
      expect((await fetch(`${api.url}/health/live`)).status).toBe(200);

      held.end(body.slice(10));
      const answered = await response;
      expect(answered.status).toBe(200);
      expect(JSON.parse(answered.body)).toEqual({ data: { __typename: 'Query' } });
      expect(await api.exited).toBe(0);
      expect(errorLines(api.output())).toEqual([]);
    } finally {
      await api?.kill();
      await database.drop();
    }
  }, 90_000);

  it('should stop cleanly on Ctrl-C with the embedded PostgreSQL: no error logged, exit code 0', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pathways-shutdown-'));
    try {
      const [port, pgPort] = [await findFreePort(), await findFreePort()];
      api = await startApiProcess({
        port,
        script: BUILT_API,
        detached: true,
        timeoutMs: 80_000,
        env: {
          ...PRODUCTION,
          PORT: String(port),
          DATA_DIR: dataDir,
          EMBEDDED_PG_PORT: String(pgPort),
          // The parent's e2e database is not this one.
          DATABASE_URL: '',
        },
      });
      // Ctrl-C in a terminal signals the whole foreground process group, not only Node.
      process.kill(-api.pid, 'SIGINT');
      expect(await api.exited).toBe(0);
      expect(api.output()).toContain('SIGINT received');
      expect(errorLines(api.output())).toEqual([]);
      // The embedded PostgreSQL stopped too: nothing listens on its port.
      await expect(fetch(`http://127.0.0.1:${pgPort}`)).rejects.toThrow();
    } finally {
      await api?.kill();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
