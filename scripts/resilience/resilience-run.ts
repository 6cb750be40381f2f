// What the resilience checks share: the embedded PostgreSQL, the API under test, logged-in clients.
import argon2 from 'argon2';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { prepareDatabase, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '#app/persistence';
import { findFreePort } from '../harness/find-free-port.js';
import { postGraphql } from '../harness/post-graphql.js';
import { startApiProcess, type ApiProcess } from '../harness/start-api-process.js';
import { seedSyntheticData, syntheticEmail } from '../synthetic/seed-synthetic-data.js';

const PASSWORD = 'resilience-only-password-2026';

/** Records and prints one pass/fail line. */
export type Check = (name: string, passed: boolean, detail: string) => void;

/** One run of the checks: each check may restart PostgreSQL or the API, so both are fields it replaces. */
export interface ResilienceRun {
  db: EmbeddedPostgresHandle;
  api: ApiProcess;
  /** Every API process started, so that all are stopped at the end. */
  apis: ApiProcess[];
  /** PostgreSQL again, on the same folder and port. */
  startDb(): Promise<EmbeddedPostgresHandle>;
  /** The API in production mode on the same port, with these settings added. */
  startApi(extraEnv?: Record<string, string>): Promise<ApiProcess>;
  /** Access tokens of 25 practitioners of the synthetic organisation. */
  tokens: string[];
  /** How many of these pieces of evidence the database holds. */
  countExisting(ids: string[]): Promise<number>;
  check: Check;
}

/** PostgreSQL in `folder` on `pgPort`, before anything else: the caller stops it whatever follows. */
export function startDatabase(folder: string, pgPort: number): () => Promise<EmbeddedPostgresHandle> {
  return () =>
    startEmbeddedPostgres({ dataDir: folder, port: pgPort, database: 'pathways', onNotice: () => undefined });
}

/**
 * Setup: schema, reference data, a small synthetic organisation, the API in production mode, and
 * 25 practitioners logged in. `run.db` is the database already started; the rest is filled in here.
 */
export async function setUpRun(
  run: Pick<ResilienceRun, 'db' | 'apis' | 'startDb' | 'check'>,
): Promise<ResilienceRun> {
  const admin = new pg.Client({ connectionString: run.db.url });
  try {
    await prepareDatabase(run.db.url);
    await admin.connect();
    await seedSyntheticData(admin, {
      orgs: 1,
      practitionersPerOrg: 60,
      evidencePerPractitioner: 5,
      seed: 7,
      asOf: new Date().toISOString().slice(0, 10),
      passwordHash: await argon2.hash(PASSWORD, { type: argon2.argon2id }),
    });
  } finally {
    await admin.end().catch(() => undefined);
  }
  const secret = randomBytes(32).toString('hex');
  const port = await findFreePort();
  const full = run as ResilienceRun;
  full.startApi = async (extraEnv: Record<string, string> = {}) => {
    const api = await startApiProcess({
      port,
      env: {
        NODE_ENV: 'production',
        PORT: String(port),
        DATABASE_URL: full.db.url,
        JWT_SECRET: secret,
        CREDENTIAL_KEY_SECRET: secret,
        // The API alone: these checks measure it, not the web app mounted beside it.
        WEB_ENABLED: 'false',
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
        DB_MIGRATIONS_RUN: 'false',
        SEED_DEMO: 'false',
        DB_POOL_SIZE: '10',
        LOG_LEVEL: 'error',
        ACCESS_TOKEN_TTL_SECONDS: '3600',
        ...extraEnv,
      },
    });
    full.apis.push(api);
    return api;
  };
  full.api = await full.startApi();
  full.tokens = [];
  for (let i = 2; i < 27; i++) {
    const res = await postGraphql<{ login: { accessToken: string } }>(
      full.api.url,
      `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`,
      { input: { email: syntheticEmail(1, `sw-${String(i).padStart(5, '0')}`), password: PASSWORD } },
    );
    if (!res.data?.login) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
    full.tokens.push(res.data.login.accessToken);
  }
  full.countExisting = async (ids: string[]) => {
    const c = new pg.Client({ connectionString: full.db.url });
    await c.connect();
    try {
      const { rows } = await c.query<{ n: string }>(
        `SELECT count(*) AS n FROM evidence WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      return Number(rows[0]!.n);
    } finally {
      await c.end();
    }
  };
  return full;
}
