import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ROLES } from '#app/domain';
import { createMember, createOrganisation, gql } from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { login, type Session } from './support/sessions.js';
import { insertPublishedPathway } from './support/sharing-fixtures.js';

/** Stack frames, file paths or driver detail in a response body. */
const LEAKS =
  /\bat [\w.<>]+ \(|\.(js|ts):\d+|node_modules|stacktrace|QueryFailedError|DatabaseError|invalid input syntax/i;

/** Keys a client could forge inside the opaque cursor: each a shape some list uses, with values that are not. */
const FORGED: unknown[][] = [
  ['not-a-time'],
  ["x' OR '1'='1", 'not-a-uuid'],
  ['2026-02-30', '00000000-0000-0000-0000-00000000000z'],
  [1, 2, "'; DROP TABLE evidence; --"],
  ['9999999999999999999999'],
  [null, null],
];

/** The other arguments a list cannot be asked for without. */
const REQUIRED_ARGUMENTS: Record<string, string> = {
  candidates: 'routeKey: "NQSW_TO_SOCIAL_WORKER"',
  frameworkRemapPreview:
    'fromFrameworkCode: "PCF", fromVersion: "2018", toFrameworkCode: "PCF", toVersion: "2012"',
};

/** A cursor as an attacker makes one: the API's are base64url JSON arrays, which anyone can read and write. */
const forge = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

describe('forged pagination cursors (e2e)', () => {
  let ctx: E2eContext;
  let as: Session;
  let lists: string[];
  let backwardLists: string[];

  beforeAll(async () => {
    ctx = await createTestApp({ NODE_ENV: 'production' });
    const org = await createOrganisation(ctx.dataSource);
    // Every role, so every list answers and the cursor is the only thing wrong.
    const everyone = await createMember(ctx.dataSource, org.id, [...ROLES]);
    await insertPublishedPathway(ctx.dataSource, org.id, everyone.user.id);
    as = await login(ctx.app, everyone.email);
    const fields = ctx.app.get(GraphQLSchemaHost).schema.getQueryType()!.getFields();
    lists = Object.values(fields)
      .filter((f) => f.args.some((a) => a.name === 'after'))
      .map((f) => f.name);
    backwardLists = Object.values(fields)
      .filter((f) => f.args.some((a) => a.name === 'before'))
      .map((f) => f.name);
  });
  afterAll(() => ctx.close());

  it('should find the lists of the schema', () => {
    expect(lists).toEqual(
      expect.arrayContaining(['portfolio', 'members', 'auditTrail', 'candidates', 'teams']),
    );
  });

  it('should find the lists that page backward', () => {
    expect(backwardLists.sort()).toEqual(
      [
        'auditTrail',
        'members',
        'notifications',
        'portfolio',
        'progressionApplications',
        'reviewQueue',
      ].sort(),
    );
  });

  it('should answer every forged before cursor on every list that pages backward with a typed error naming before, never a 500', async () => {
    const answers: string[] = [];
    for (const list of backwardLists) {
      for (const key of FORGED) {
        for (const last of [null, 5]) {
          const res = await gql(
            ctx.app,
            `query ($before: String, $last: Int) { ${list}(before: $before, last: $last) { __typename } }`,
            { before: forge(key), last },
            { as },
          );
          expect(JSON.stringify(res)).not.toMatch(LEAKS);
          const error = res.errors?.[0];
          answers.push(
            error ? `${list} ${error.extensions?.code} ${String(error.extensions?.field)}` : `${list} page`,
          );
        }
      }
    }
    expect(answers).toHaveLength(backwardLists.length * FORGED.length * 2);
    expect(answers.filter((a) => !a.endsWith('BAD_USER_INPUT before'))).toEqual([]);
  });

  it('should answer every forged cursor on every list with a typed error naming after, or a page, never a 500', async () => {
    const answers: string[] = [];
    for (const list of lists) {
      const args =
        list in REQUIRED_ARGUMENTS ? `after: $after, ${REQUIRED_ARGUMENTS[list]}` : 'after: $after';
      for (const key of FORGED) {
        const res = await gql(
          ctx.app,
          `query ($after: String) { ${list}(${args}) { __typename } }`,
          {
            after: forge(key),
          },
          { as },
        );
        expect(JSON.stringify(res)).not.toMatch(LEAKS);
        const error = res.errors?.[0];
        answers.push(
          error ? `${list} ${error.extensions?.code} ${String(error.extensions?.field)}` : `${list} page`,
        );
      }
    }
    // Teams are keyed by name, so any short text is a place in the list: a page, not an error.
    expect(answers.filter((a) => !a.endsWith('BAD_USER_INPUT after') && !a.startsWith('teams '))).toEqual([]);
    expect(
      answers
        .filter((a) => a.startsWith('teams '))
        .every((a) => a === 'teams page' || a.endsWith('BAD_USER_INPUT after')),
    ).toBe(true);
  });
});
