import argon2 from 'argon2';
import pg from 'pg';
import { gql, TEST_PASSWORD } from '#app/testing';
import {
  seedSyntheticData,
  syntheticEmail,
  type SyntheticOptions,
} from '../../scripts/synthetic/seed-synthetic-data.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { login } from './support/sessions.js';

const TABLES = [
  'organisation',
  'team',
  'app_user',
  'membership',
  'pathway',
  'pathway_version',
  'assessor_relationship',
  'practitioner_stage',
  'qualification',
  'evidence',
  'evidence_version',
  'evidence_mapping',
  'evidence_review',
];

describe('synthetic data (seed:synthetic) on the test database (e2e)', () => {
  let ctx: E2eContext;
  let client: pg.Client;
  let options: SyntheticOptions;

  beforeAll(async () => {
    ctx = await createTestApp();
    client = new pg.Client({ connectionString: ctx.databaseUrl });
    await client.connect();
    options = {
      orgs: 2,
      practitionersPerOrg: 6,
      evidencePerPractitioner: 4,
      seed: 11,
      asOf: '2026-06-30',
      passwordHash: await argon2.hash(TEST_PASSWORD, { type: argon2.argon2id }),
    };
  });
  afterEach(() => ctx.reset());
  afterAll(async () => {
    await client.end();
    await ctx.close();
  });

  /** Every row of every table the generator fills (ids and timestamps included; the salted hash left out). */
  async function fingerprint(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const table of TABLES) {
      const { rows } = await client.query<{ md5: string; n: string }>(
        `SELECT count(*) AS n, md5(coalesce(string_agg((to_jsonb(t) - 'password_hash')::text, '|' ORDER BY t.id::text), '')) AS md5
           FROM "${table}" t`,
      );
      out[table] = `${rows[0]!.n}:${rows[0]!.md5}`;
    }
    return out;
  }

  const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]!.n);

  it('should produce the requested counts and the same rows for the same seed, other rows for another', async () => {
    const first = await seedSyntheticData(client, options);
    expect(first.inserted).toBe(true);
    expect(await count(`SELECT count(*) AS n FROM organisation`)).toBe(2);
    expect(await count(`SELECT count(*) AS n FROM membership WHERE 'PRACTITIONER' = ANY(roles)`)).toBe(12);
    expect(await count(`SELECT count(*) AS n FROM evidence`)).toBe(2 * 6 * 4);
    expect(first.rows.evidence).toBe(48);
    // Every piece has a version, every version its mappings, every decided version one review.
    expect(
      await count(
        `SELECT count(*) AS n FROM evidence e WHERE NOT EXISTS (SELECT 1 FROM evidence_version v WHERE v.evidence_id = e.id)`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM evidence_version v WHERE NOT EXISTS (SELECT 1 FROM evidence_mapping m WHERE m.evidence_version_id = v.id)`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM evidence_version v WHERE (v.status IN ('APPROVED', 'CHANGES_REQUESTED'))
            <> EXISTS (SELECT 1 FROM evidence_review r WHERE r.evidence_version_id = v.id)`,
      ),
    ).toBe(0);
    expect(await count(`SELECT jsonb_array_length(design->'routes') AS n FROM pathway_version LIMIT 1`)).toBe(
      15,
    );
    expect(
      await count(`SELECT count(*) AS n FROM evidence_version WHERE date_from > DATE '2026-06-30'`),
    ).toBe(0);
    const once = await fingerprint();

    // Seeding the same data set again finds it and inserts nothing.
    expect((await seedSyntheticData(client, options)).inserted).toBe(false);

    await ctx.reset();
    await seedSyntheticData(client, options);
    expect(await fingerprint()).toEqual(once);

    await ctx.reset();
    await seedSyntheticData(client, { ...options, seed: 12 });
    const other = await fingerprint();
    expect(other.evidence).not.toEqual(once.evidence);
    expect(other.evidence.split(':')[0]).toBe('48');
  });

  it('should refuse a database that holds another synthetic data set', async () => {
    await seedSyntheticData(client, options);
    await expect(seedSyntheticData(client, { ...options, practitionersPerOrg: 7 })).rejects.toThrow(
      /another synthetic data set/,
    );
  });

  it('should give data the API reads: a portfolio, a progression, a review queue and a report', async () => {
    await seedSyntheticData(client, options);
    const practitioner = await login(ctx.app, syntheticEmail(1, 'practitioner'));
    const reviewer = await login(ctx.app, syntheticEmail(1, 'reviewer'));
    const psw = await login(ctx.app, syntheticEmail(1, 'psw'));

    const portfolio = await gql<{ portfolio: { nodes: { versions: { mappings: unknown[] }[] }[] } }>(
      ctx.app,
      `{ portfolio(first: 50) { nodes { id versions { status mappings { decision item { code } } review { outcome } } } } }`,
      {},
      { as: practitioner },
    );
    expect(portfolio.errors).toBeUndefined();
    expect(portfolio.data!.portfolio.nodes).toHaveLength(4);

    const progression = await gql<{ myProgression: { currentStages: { key: string }[] } }>(
      ctx.app,
      `{ myProgression { currentStages { key } routes { routeKey eligible } } }`,
      {},
      { as: practitioner },
    );
    expect(progression.errors).toBeUndefined();
    expect(progression.data!.myProgression.currentStages.map((s) => s.key)).toEqual(['SOCIAL_WORKER']);

    const queue = await gql(
      ctx.app,
      `{ reviewQueue { nodes { id owner { fullName } } } reviewQueueCount }`,
      {},
      {
        as: reviewer,
      },
    );
    expect(queue.errors).toBeUndefined();

    const report = await gql<{ progressionReport: { practitioners: number; routes: unknown[] } }>(
      ctx.app,
      `{ progressionReport { practitioners routes { routeKey eligible } } }`,
      {},
      { as: psw },
    );
    expect(report.errors).toBeUndefined();
    expect(report.data!.progressionReport.practitioners).toBe(6);
    expect(report.data!.progressionReport.routes).toHaveLength(15);
  });
});
