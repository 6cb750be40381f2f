import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DEMO_PASSWORD, demoEmail } from '#app/persistence';
import { createTestDatabase } from '#app/testing';
import { findFreePort } from '../../scripts/harness/find-free-port.js';
import { postGraphql } from '../../scripts/harness/post-graphql.js';
import { startApiProcess, type ApiProcess } from '../../scripts/harness/start-api-process.js';
import { LOGIN } from './support/sessions.js';

/** The compiled API, as an operator starts it (`npm run build` first). */
const BUILT_API = fileURLToPath(new URL('../../dist/apps/api/src/main.js', import.meta.url));

/**
 * The built API started in production on an empty database, the way an operator would: the production
 * variables the README names, and SEED_DEMO unset unless the test says otherwise.
 */
describe('production start on an empty database (e2e, built API process)', () => {
  let database: { url: string; drop(): Promise<void> };
  let api: ApiProcess | undefined;
  let dataDir: string;

  beforeEach(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'pathways-production-'));
  });
  afterEach(async () => {
    await api?.stop();
    api = undefined;
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const start = async (extra: Record<string, string> = {}) => {
    const port = await findFreePort();
    const env: Record<string, string> = {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      HOST: '127.0.0.1',
      PORT: String(port),
      JWT_SECRET: 'p'.repeat(40),
      CREDENTIAL_KEY_SECRET: 'k'.repeat(40),
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      WEB_ENABLED: 'false',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      // Empty is unset, whatever the surrounding shell exports.
      SEED_DEMO: '',
      ...extra,
    };
    api = await startApiProcess({ port, env, script: BUILT_API });
    return api;
  };
  const demoLogin = (url: string) =>
    postGraphql(url, LOGIN, { input: { email: demoEmail('admin'), password: DEMO_PASSWORD } });
  const organisations = async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM organisation')).rows[0]!.n;
    } finally {
      await client.end();
    }
  };

  it('should create no demo organisation, so the published demo password signs nobody in', async () => {
    const { url, output } = await start();
    const res = await demoLogin(url);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await organisations()).toBe(0);
    expect(output()).not.toContain(DEMO_PASSWORD);
  }, 90_000);

  it('should seed the demo only when SEED_DEMO=true is set, and then warn in the start-up log', async () => {
    const { url, output } = await start({ SEED_DEMO: 'true' });
    expect((await demoLogin(url)).data?.login).toBeTruthy();
    expect(output()).toMatch(/^WARNING: SEED_DEMO=true in production/m);
  }, 90_000);
});
