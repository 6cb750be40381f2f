import argon2 from 'argon2';
import pg from 'pg';
import { gql, TEST_PASSWORD } from '#app/testing';
import {
  seedSyntheticData,
  syntheticEmail,
  type SyntheticOptions,
} from '../../scripts/synthetic/seed-synthetic-data.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { FixedClock } from './support/fixed-clock.js';
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
  'supervision',
];

describe('synthetic data (seed:synthetic) on the test database (e2e)', () => {
  let ctx: E2eContext;
  let client: pg.Client;
  let options: SyntheticOptions;

  beforeAll(async () => {
    // The API's today is the data set's: supervision due dates and CPD years are judged as of then.
    ctx = await createTestApp({}, { clock: new FixedClock(new Date('2026-06-30T12:00:00Z')) });
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

  it('should give supervision at a realistic cadence: about monthly for most, NQSWs more often, a few overdue or never seen', async () => {
    const seeded = await seedSyntheticData(client, {
      ...options,
      practitionersPerOrg: 40,
      evidencePerPractitioner: 0,
    });
    expect(seeded.rows.supervision).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM supervision WHERE held_on > DATE '2026-06-30'`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM supervision WHERE held_on < DATE '2026-06-30' - 540`)).toBe(
      0,
    );
    // The supervisor is the person's assessor or supervisor in the organisation, never themself.
    expect(
      await count(
        `SELECT count(*) AS n FROM supervision s WHERE NOT EXISTS (SELECT 1 FROM assessor_relationship a
            WHERE a.organisation_id = s.organisation_id AND a.assessor_user_id = s.supervisor_user_id
              AND a.practitioner_user_id = s.supervisee_user_id)`,
      ),
    ).toBe(0);
    const { rows } = await client.query<{
      stage: string;
      people: string;
      supervised: string;
      gap: string;
      recent: string;
    }>(
      `WITH gaps AS (
         SELECT s.supervisee_user_id, s.held_on,
                s.held_on - lag(s.held_on) OVER (PARTITION BY s.supervisee_user_id ORDER BY s.held_on) AS gap
           FROM supervision s)
       SELECT CASE WHEN ps.stage_key IN ('NQSW', 'STUDENT') THEN ps.stage_key ELSE 'OTHER' END AS stage,
              count(DISTINCT m.user_id) AS people,
              count(DISTINCT g.supervisee_user_id) AS supervised,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY g.gap) AS gap,
              count(DISTINCT g.supervisee_user_id) FILTER (WHERE g.held_on > DATE '2026-06-30' - 35) AS recent
         FROM membership m
         JOIN practitioner_stage ps ON ps.organisation_id = m.organisation_id AND ps.user_id = m.user_id AND ps.to_date IS NULL
         LEFT JOIN gaps g ON g.supervisee_user_id = m.user_id
        WHERE 'PRACTITIONER' = ANY(m.roles)
        GROUP BY 1`,
    );
    const by = Object.fromEntries(rows.map((r) => [r.stage, r]));
    const other = by.OTHER!;
    // Most people are supervised, about monthly, and most recently; some are not (lapsed or never).
    expect(Number(other.supervised) / Number(other.people)).toBeGreaterThan(0.8);
    expect(Number(other.gap)).toBeGreaterThanOrEqual(25);
    expect(Number(other.gap)).toBeLessThanOrEqual(35);
    expect(Number(other.recent)).toBeLessThan(Number(other.people));
    expect(Number(other.recent) / Number(other.people)).toBeGreaterThan(0.6);
    // NQSWs are seen more often (weekly, then fortnightly in their first six months).
    expect(Number(by.NQSW!.gap)).toBeLessThan(Number(other.gap));

    // The API reads it: the PSW's insight shows most supervised as required, some overdue.
    const psw = await login(ctx.app, syntheticEmail(1, 'psw'));
    const insight = await gql<{
      workforceInsight: { supervision: { practitioners: number; share: number; overdue: number } };
    }>(ctx.app, `{ workforceInsight { supervision { practitioners share overdue } } }`, {}, { as: psw });
    expect(insight.errors).toBeUndefined();
    const supervision = insight.data!.workforceInsight.supervision;
    expect(supervision.practitioners).toBe(40);
    expect(supervision.share).toBeGreaterThan(0.5);
    expect(supervision.share).toBeLessThan(1);
    expect(supervision.overdue).toBeGreaterThan(0);
  });

  it('should stop before an organisation when told, and continue to the same rows as one run', async () => {
    await seedSyntheticData(client, options);
    const whole = await fingerprint();
    await ctx.reset();

    const none = await seedSyntheticData(client, { ...options, shouldStop: () => true });
    expect(none).toMatchObject({ inserted: false, organisationsPresent: 0 });
    const done: number[] = [];
    const cut = await seedSyntheticData(client, {
      ...options,
      shouldStop: () => done.length === 1,
      onOrganisation: async (orgNo) => void done.push(orgNo),
    });
    expect(cut).toMatchObject({ inserted: true, organisationsPresent: 1 });
    expect(done).toEqual([1]);
    expect(await count(`SELECT count(*) AS n FROM organisation`)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM evidence`)).toBe(6 * 4);

    const rest = await seedSyntheticData(client, options);
    expect(rest).toMatchObject({ inserted: true, organisationsPresent: 2 });
    expect(rest.rows.evidence).toBe(6 * 4);
    expect(await fingerprint()).toEqual(whole);
    expect(await seedSyntheticData(client, options)).toMatchObject({
      inserted: false,
      organisationsPresent: 2,
    });
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
