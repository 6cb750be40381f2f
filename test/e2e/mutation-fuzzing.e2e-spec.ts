import fc from 'fast-check';
import pg from 'pg';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLSchema } from 'graphql';
import { gql } from '#app/testing';
import { loginAs, seedAttackOrganisations, type OrganisationFixture } from './support/attack-fixtures.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { argumentsArbitrary, FUZZ_SEED, fuzzDocument } from './support/fuzz-arbitraries.js';
import { listOperations, selectionFor, type SchemaOperation } from './support/schema-operations.js';
import type { Session } from './support/sessions.js';

/*
 * Property-based fuzzing of every mutation's input, derived from the schema: whatever the input, the
 * answer is typed (never INTERNAL_SERVER_ERROR, never a 5xx), and a refused input changes no row.
 * FUZZ_RUNS sets the runs per mutation (default 100; run thousands with FUZZ_RUNS=2000).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const NOT_FUZZED: Record<string, string> = {
  logout: 'ends the caller’s session; it takes no input',
};

describe('fuzzing every mutation’s input (e2e)', () => {
  let ctx: E2eContext;
  let schema: GraphQLSchema;
  let client: pg.Client;
  let org: OrganisationFixture;
  let sessions: Session[];
  let ids: string[];
  let baseline: string;

  /** Every row of every table (the login limiter's counters aside: failed sign-ins write them by design). */
  async function fingerprint(): Promise<string> {
    const { rows } = await client.query<{ f: string }>(`SELECT pathways_fuzz_fingerprint() AS f`);
    return rows[0]!.f;
  }

  async function seed() {
    [org] = (await seedAttackOrganisations(ctx.app, ctx.databaseUrl, 1)) as [OrganisationFixture];
    ids = [...org.ids.values()].flat().slice(0, 200);
    sessions = await Promise.all(
      ['practitioner', 'reviewer', 'psw', 'admin'].map((who) => loginAs(ctx.app, 1, who)),
    );
  }

  beforeAll(async () => {
    ctx = await createTestApp({ LOGIN_MAX_ATTEMPTS: '1000' });
    schema = ctx.app.get(GraphQLSchemaHost).schema;
    client = new pg.Client({ connectionString: ctx.databaseUrl });
    await client.connect();
    // One statement that hashes every row of every base table (a test database of this file's own).
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'login_rate_limit' ORDER BY 1`,
    );
    const parts = rows.map(
      (r) => `(SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM "${r.table_name}" x)`,
    );
    await client.query(
      `CREATE FUNCTION pathways_fuzz_fingerprint() RETURNS text LANGUAGE sql AS $$ SELECT md5(concat_ws(',', ${parts.join(', ')})) $$`,
    );
    await seed();
  }, 60_000);
  afterAll(async () => {
    await client?.end();
    await ctx?.close();
  });

  /** A mutation that succeeded may have ended a session or a membership: then start again from fresh data. */
  async function ensureSessions() {
    const alive = await Promise.all(sessions.map((s) => gql(ctx.app, '{ me { roles } }', {}, { as: s })));
    if (alive.some((r) => r.errors)) {
      await ctx.reset();
      await seed();
    }
    baseline = await fingerprint();
  }

  async function fuzz(op: SchemaOperation): Promise<number> {
    await ensureSessions();
    const variablesArb = argumentsArbitrary(op.field.args, ids);
    const document = fuzzDocument('mutation', op.name, op.field.args, selectionFor(op.field.type, 1));
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(variablesArb, fc.nat({ max: sessions.length - 1 }), async (variables, who) => {
        runs++;
        const res = await gql(ctx.app, document, variables as Record<string, unknown>, {
          as: sessions[who]!,
        });
        const codes = (res.errors ?? []).map((e) => String(e.extensions?.code));
        if (res.status >= 500 || codes.some((c) => c === 'INTERNAL_SERVER_ERROR' || c === 'undefined')) {
          throw new Error(`HTTP ${res.status} ${JSON.stringify(res.errors)?.slice(0, 300)}`);
        }
        const now = await fingerprint();
        if (res.errors && now !== baseline) throw new Error(`refused (${codes.join(', ')}) but changed rows`);
        baseline = now;
      }),
      { numRuns: RUNS, endOnFailure: true, seed: FUZZ_SEED },
    );
    return runs;
  }

  // The mutations are read from the schema when the test runs: new ones are fuzzed without edits here.
  it(
    'should answer every mutation with typed errors only, and write nothing when it refuses',
    async () => {
      const mutations = listOperations(schema).filter(
        (op) => op.kind === 'mutation' && !(op.name in NOT_FUZZED),
      );
      expect(mutations.length).toBeGreaterThan(25);
      const failures: string[] = [];
      let total = 0;
      const started = Date.now();
      for (const op of mutations) {
        try {
          total += await fuzz(op);
        } catch (error) {
          const message = String((error as Error).message);
          const counterexample = /Counterexample: (.*)/.exec(message)?.[1]?.slice(0, 400) ?? '';
          const cause = String((error as { cause?: Error }).cause?.message ?? message.split('\n')[0]).slice(
            0,
            400,
          );
          failures.push(`${op.name}: ${cause} for ${counterexample}`);
          if (process.env.FUZZ_RUNS) console.log(failures.at(-1));
        }
      }
      if (process.env.FUZZ_RUNS) {
        console.log(
          `${total} fuzzed calls over ${mutations.length} mutations in ${((Date.now() - started) / 1000).toFixed(0)} s`,
        );
      }
      expect(failures).toEqual([]);
    },
    120_000 + RUNS * 60 * 50,
  );
});
