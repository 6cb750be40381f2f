import fc from 'fast-check';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLSchema } from 'graphql';
import { gql } from '#app/testing';
import { loginAs, seedAttackOrganisations, type OrganisationFixture } from './support/attack-fixtures.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { argumentsArbitrary, FUZZ_SEED, fuzzDocument } from './support/fuzz-arbitraries.js';
import { listOperations, selectionFor } from './support/schema-operations.js';
import type { Session } from './support/sessions.js';

/*
 * Property-based fuzzing of every query's arguments, derived from the schema, as each of four roles:
 * whatever the arguments, the answer is data or a typed error (never INTERNAL_SERVER_ERROR, never a
 * 5xx, never driver detail). QUERY_FUZZ_RUNS sets the runs per query (default 30).
 */

const RUNS = Number(process.env.QUERY_FUZZ_RUNS ?? 30);
/** Driver or stack detail in an answer. */
const LEAKS = /QueryFailedError|DatabaseError|invalid input syntax|\bat [\w.<>]+ \(|node_modules/i;

describe('fuzzing every query’s arguments (e2e)', () => {
  let ctx: E2eContext;
  let schema: GraphQLSchema;
  let ids: string[];
  let sessions: Session[];

  beforeAll(async () => {
    ctx = await createTestApp({ NODE_ENV: 'production', LOGIN_MAX_ATTEMPTS: '1000' });
    schema = ctx.app.get(GraphQLSchemaHost).schema;
    const [org] = (await seedAttackOrganisations(ctx.app, ctx.databaseUrl, 1)) as [OrganisationFixture];
    ids = [...org.ids.values()].flat().slice(0, 200);
    sessions = await Promise.all(
      ['practitioner', 'reviewer', 'psw', 'admin'].map((who) => loginAs(ctx.app, 1, who)),
    );
  }, 60_000);
  afterAll(() => ctx?.close());

  // The queries are read from the schema when the test runs: new ones are fuzzed without edits here.
  it(
    'should answer every query with data or typed errors only',
    async () => {
      const queries = listOperations(schema).filter((op) => op.kind === 'query' && op.field.args.length > 0);
      expect(queries.length).toBeGreaterThan(30);
      const failures: string[] = [];
      for (const op of queries) {
        const document = fuzzDocument('query', op.name, op.field.args, selectionFor(op.field.type, 1));
        try {
          await fc.assert(
            fc.asyncProperty(
              argumentsArbitrary(op.field.args, ids),
              fc.nat({ max: sessions.length - 1 }),
              async (variables, who) => {
                const res = await gql(ctx.app, document, variables as Record<string, unknown>, {
                  as: sessions[who]!,
                });
                const codes = (res.errors ?? []).map((e) => String(e.extensions?.code));
                if (
                  res.status >= 500 ||
                  codes.some((c) => c === 'INTERNAL_SERVER_ERROR' || c === 'undefined')
                ) {
                  throw new Error(`HTTP ${res.status} ${JSON.stringify(res.errors)?.slice(0, 300)}`);
                }
                if (LEAKS.test(JSON.stringify(res.errors ?? [])))
                  throw new Error('driver detail in the answer');
              },
            ),
            { numRuns: RUNS, endOnFailure: true, seed: FUZZ_SEED },
          );
        } catch (error) {
          const message = String((error as Error).message);
          const counterexample = /Counterexample: (.*)/.exec(message)?.[1]?.slice(0, 300) ?? '';
          const cause = String((error as { cause?: Error }).cause?.message ?? message.split('\n')[0]).slice(
            0,
            300,
          );
          failures.push(`${op.name}: ${cause} for ${counterexample}`);
        }
      }
      expect(failures).toEqual([]);
    },
    120_000 + RUNS * 60 * 100,
  );
});
