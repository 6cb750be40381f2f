import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

describe('stopping the API (e2e, a spawned production process)', () => {
  let api: ApiProcess | undefined;
  afterEach(async () => {
    await api?.kill();
    api = undefined;
  });

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
