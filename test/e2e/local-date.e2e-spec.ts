import request from 'supertest';
import { createMember, createOrganisation, gql, type CreatedMember } from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { login, type Session } from './support/sessions.js';

// Days are the LocalDate scalar. A day that is not one is refused by GraphQL before any resolver
// runs, as a literal (validation) or as a variable (coercion); either way the answer is
// BAD_USER_INPUT naming the field, as the input rules' refusals are, and nothing is written.

const SELECTION = 'id startsOn endsOn';
const CREATE = `mutation ($input: CreateAssessorRelationshipInput!) { createAssessorRelationship(input: $input) { ${SELECTION} } }`;
const LIST = `query ($day: LocalDate) { assessorRelationships(activeOn: $day) { nodes { ${SELECTION} } } }`;

interface Refusal {
  status: number;
  data: unknown;
  errors?: {
    message: string;
    extensions?: { code?: string; field?: string; fields?: { field: string }[] };
  }[];
}

describe('LocalDate arguments and fields (e2e)', () => {
  let ctx: E2eContext;
  let psw: Session;
  let assessor: CreatedMember;
  let nqsw: CreatedMember;

  const count = async () =>
    Number((await ctx.dataSource.query(`SELECT count(*) AS n FROM assessor_relationship`))[0].n);

  /** POST as the web client does (application/json) or as a GraphQL-over-HTTP client does. */
  async function post(
    query: string,
    variables: Record<string, unknown>,
    accept = 'application/json',
  ): Promise<Refusal> {
    const res = await request(ctx.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('accept', accept)
      .set('authorization', `Bearer ${psw.accessToken}`)
      .send({ query, variables });
    return { status: res.status, data: res.body.data, errors: res.body.errors };
  }

  /** Refused before anything ran, BAD_USER_INPUT naming `fields`, 200 as JSON and 400 as graphql-response+json. */
  async function expectRefused(query: string, variables: Record<string, unknown>, fields: string[]) {
    const before = await count();
    for (const [accept, status] of [
      ['application/json', 200],
      ['application/graphql-response+json', 400],
    ] as const) {
      const res = await post(query, variables, accept);
      expect({ accept, status: res.status }).toEqual({ accept, status });
      expect(res.data).toBeUndefined();
      expect(res.errors).toHaveLength(1);
      const [error] = res.errors!;
      expect(error!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: fields[0] });
      expect(error!.extensions?.fields?.map((f) => f.field)).toEqual(fields);
      expect(error!.message).toMatch(/must be a real day, YYYY-MM-DD/);
    }
    expect(await count()).toBe(before);
  }

  const input = (overrides: Record<string, unknown> = {}) => ({
    assessorUserId: assessor.user.id,
    practitionerUserId: nqsw.user.id,
    capacity: 'ASYE_ASSESSOR',
    startsOn: '2026-09-01',
    ...overrides,
  });

  /** The input as a GraphQL object literal, with `startsOn` and `endsOn` written as given. */
  const literal = (startsOn: string, endsOn?: string) =>
    `{ assessorUserId: "${assessor.user.id}", practitionerUserId: "${nqsw.user.id}", capacity: ASYE_ASSESSOR, startsOn: ${startsOn}${endsOn ? `, endsOn: ${endsOn}` : ''} }`;

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  beforeEach(async () => {
    const org = await createOrganisation(ctx.dataSource);
    psw = await login(
      ctx.app,
      (await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER'])).email,
    );
    assessor = await createMember(ctx.dataSource, org.id, ['ASSESSOR', 'PRACTITIONER']);
    nqsw = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
  });
  afterEach(() => ctx.reset());
  afterAll(() => ctx.close());

  it('should refuse a day that is not one in a top-level argument, as a literal and as a variable', async () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-5', '2026-01-15T00:00:00Z', '']) {
      await expectRefused(
        `{ assessorRelationships(activeOn: ${JSON.stringify(bad)}) { nodes { id } } }`,
        {},
        ['activeOn'],
      );
      // The field names the argument, whatever the variable is called.
      await expectRefused(LIST, { day: bad }, ['activeOn']);
    }
    // Not a string at all.
    await expectRefused('{ assessorRelationships(activeOn: 20260105) { nodes { id } } }', {}, ['activeOn']);
    await expectRefused(LIST, { day: 20260105 }, ['activeOn']);
  });

  it('should refuse a day that is not one inside an input, as a literal and as a variable, and write nothing', async () => {
    const mutation = (value: string) =>
      `mutation { createAssessorRelationship(input: ${value}) { ${SELECTION} } }`;
    await expectRefused(mutation(literal('"2026-02-30"')), {}, ['input.startsOn']);
    await expectRefused(mutation(literal('"2026-09-01"', '"2027-02-29"')), {}, ['input.endsOn']);
    await expectRefused(mutation(literal('null')), {}, ['input.startsOn']);
    await expectRefused(CREATE, { input: input({ startsOn: '2026-02-30' }) }, ['input.startsOn']);
    // Every day at fault is named, in the order the client wrote them.
    await expectRefused(CREATE, { input: input({ startsOn: '2026-9-1', endsOn: '31/08/2027' }) }, [
      'input.startsOn',
      'input.endsOn',
    ]);
    // A variable inside an object literal is named by where it sits.
    await expectRefused(
      `mutation ($day: LocalDate!) { createAssessorRelationship(input: ${literal('$day')}) { ${SELECTION} } }`,
      { day: '2026-04-31' },
      ['input.startsOn'],
    );
  });

  it('should refuse a real day outside 1900 to 2099 by the input rules, naming the field', async () => {
    const before = await count();
    for (const startsOn of ['1850-01-01', '2100-01-01', '0001-01-01']) {
      const res = await post(CREATE, { input: input({ startsOn }) });
      expect(res.status).toBe(200);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startsOn' });
      expect(res.errors?.[0]?.message).toMatch(/between 1900 and 2099/);
    }
    expect(await count()).toBe(before);
  });

  it('should take a real day, as a literal and as a variable, and answer days as YYYY-MM-DD', async () => {
    const created = await gql<{
      createAssessorRelationship: { id: string; startsOn: string; endsOn: string };
    }>(ctx.app, CREATE, { input: input({ startsOn: '2026-02-28', endsOn: '2028-02-29' }) }, { as: psw });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createAssessorRelationship).toMatchObject({
      startsOn: '2026-02-28',
      endsOn: '2028-02-29',
    });
    const stored = await ctx.dataSource.query(
      `SELECT starts_on::text AS "startsOn", ends_on::text AS "endsOn" FROM assessor_relationship WHERE id = $1`,
      [created.data!.createAssessorRelationship.id],
    );
    expect(stored).toEqual([{ startsOn: '2026-02-28', endsOn: '2028-02-29' }]);

    const byVariable = await gql<{
      assessorRelationships: { nodes: { startsOn: string; endsOn: string }[] };
    }>(ctx.app, LIST, { day: '2027-06-30' }, { as: psw });
    expect(byVariable.errors).toBeUndefined();
    expect(byVariable.data?.assessorRelationships.nodes).toEqual([
      { id: created.data!.createAssessorRelationship.id, startsOn: '2026-02-28', endsOn: '2028-02-29' },
    ]);
    const byLiteral = await gql<{ assessorRelationships: { nodes: unknown[] } }>(
      ctx.app,
      '{ assessorRelationships(activeOn: "2028-03-01") { nodes { id } } }',
      {},
      { as: psw },
    );
    expect(byLiteral.errors).toBeUndefined();
    expect(byLiteral.data?.assessorRelationships.nodes).toEqual([]);
  });

  it('should refuse a day variable still declared as String: clients declare LocalDate', async () => {
    const res = await post(
      'query ($day: String) { assessorRelationships(activeOn: $day) { nodes { id } } }',
      {
        day: '2026-09-01',
      },
    );
    expect(res.status).toBe(200);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toMatch(
      /"\$day" of type "String" used in position expecting type "LocalDate"/,
    );
  });
});
