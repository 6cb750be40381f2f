import { countStatements, createMember, createOrganisation, errorCode, gql } from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { login, type Session } from './support/sessions.js';

const PCF_DOMAINS_2018 = [
  'Professionalism',
  'Values and Ethics',
  'Diversity and Equality',
  'Rights, Justice and Economic Wellbeing',
  'Knowledge',
  'Critical Reflection and Analysis',
  'Skills and Interventions',
  'Contexts and Organisations',
  'Professional Leadership',
];

const FRAMEWORK = `query F($code: String!, $version: String, $kind: String) {
  framework(code: $code, version: $version) {
    version status effectiveFrom
    items(kind: $kind) { code title kind confirmed parentId }
    levels { ordinal code name groupName pathways { code ordinal } }
  }
}`;

describe('reference frameworks (e2e)', () => {
  let ctx: E2eContext;
  let session: Session;

  beforeAll(async () => {
    ctx = await createTestApp();
    const org = await createOrganisation(ctx.dataSource);
    session = await login(ctx.app, (await createMember(ctx.dataSource, org.id, ['PRACTITIONER'])).email);
  });
  afterAll(() => ctx.close());

  it('should list the seeded frameworks with their versions', async () => {
    const res = await gql<{
      frameworks: { code: string; versions: { version: string; status: string }[] }[];
    }>(ctx.app, `{ frameworks { code versions { version status } } }`, {}, { as: session });
    expect(res.data?.frameworks).toEqual([
      { code: 'KSS_ADULTS', versions: [{ version: '2015', status: 'CURRENT' }] },
      { code: 'KSS_CHILD_AND_FAMILY', versions: [{ version: '2018', status: 'CURRENT' }] },
      {
        code: 'PCF',
        versions: [
          { version: '2018', status: 'CURRENT' },
          { version: '2012', status: 'RETIRED' },
        ],
      },
      { code: 'SWE_PROFESSIONAL_STANDARDS', versions: [{ version: '2019', status: 'CURRENT' }] },
    ]);
  });

  it('should give the nine PCF 2018 domains by their exact names, in order, under three super-domains', async () => {
    const res = await gql<{
      framework: { version: string; items: { title: string; kind: string; parentId: string | null }[] };
    }>(ctx.app, FRAMEWORK, { code: 'PCF' }, { as: session });
    expect(res.errors).toBeUndefined();
    expect(res.data?.framework.version).toBe('2018');
    const items = res.data!.framework.items;
    expect(items.filter((i) => i.kind === 'DOMAIN').map((i) => i.title)).toEqual(PCF_DOMAINS_2018);
    expect(items.filter((i) => i.kind === 'SUPER_DOMAIN').map((i) => i.title)).toEqual([
      'Purpose',
      'Practice',
      'Impact',
    ]);
  });

  it('should give the nine ordered PCF levels with parallel pathways at Advanced and Strategic', async () => {
    const res = await gql<{
      framework: { levels: { ordinal: number; code: string; pathways: { code: string }[] }[] };
    }>(ctx.app, FRAMEWORK, { code: 'PCF', version: '2018' }, { as: session });
    const levels = res.data!.framework.levels;
    expect(levels.map((l) => l.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(levels.map((l) => l.code)).toEqual([
      'ENTRY',
      'READINESS_FOR_DIRECT_PRACTICE',
      'END_FIRST_PLACEMENT',
      'END_LAST_PLACEMENT',
      'ASYE',
      'SOCIAL_WORKER',
      'EXPERIENCED_SOCIAL_WORKER',
      'ADVANCED',
      'STRATEGIC',
    ]);
    expect(levels[7]!.pathways.map((p) => p.code)).toEqual(['PRACTITIONER', 'EDUCATOR', 'MANAGER']);
    expect(levels[8]!.pathways.map((p) => p.code)).toEqual(['PSW', 'MANAGER', 'EDUCATOR']);
  });

  it('should keep the retired PCF 2012 readable under its own names', async () => {
    const res = await gql<{ framework: { status: string; items: { code: string; title: string }[] } }>(
      ctx.app,
      FRAMEWORK,
      { code: 'PCF', version: '2012', kind: 'DOMAIN' },
      { as: session },
    );
    expect(res.data?.framework.status).toBe('RETIRED');
    const titles = Object.fromEntries(res.data!.framework.items.map((i) => [i.code, i.title]));
    expect(titles.DIVERSITY_AND_EQUALITY).toBe('Diversity');
    expect(titles.SKILLS_AND_INTERVENTIONS).toBe('Intervention and Skills');
  });

  it('should seed the Social Work England standards with only the confirmed sub-standards', async () => {
    const res = await gql<{ framework: { items: { code: string; kind: string }[] } }>(
      ctx.app,
      FRAMEWORK,
      { code: 'SWE_PROFESSIONAL_STANDARDS' },
      { as: session },
    );
    const items = res.data!.framework.items;
    expect(items.filter((i) => i.kind === 'STANDARD').map((i) => i.code)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
    ]);
    expect(items.filter((i) => i.kind === 'SUB_STANDARD').map((i) => i.code)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '1.5',
      '1.6',
      '1.7',
      '2.1',
      '3.1',
      '4.1',
      '4.2',
      '4.3',
      '4.4',
      '4.5',
      '4.6',
      '4.7',
      '4.8',
    ]);
  });

  it('should flag KSS titles the reference could not confirm', async () => {
    const res = await gql<{ framework: { items: { code: string; confirmed: boolean }[] } }>(
      ctx.app,
      FRAMEWORK,
      { code: 'KSS_CHILD_AND_FAMILY' },
      { as: session },
    );
    const items = res.data!.framework.items;
    expect(items).toHaveLength(10);
    expect(items.filter((i) => i.confirmed).map((i) => i.code)).toEqual(['1', '9']);
  });

  it.each([
    [{ code: 'NOPE' }, 'NOT_FOUND'],
    [{ code: 'PCF', version: '1999' }, 'NOT_FOUND'],
    [{ code: 'pcf; drop table framework' }, 'BAD_USER_INPUT'],
  ])('should refuse %p with %s', async (variables, code) => {
    expect(errorCode(await gql(ctx.app, FRAMEWORK, variables, { as: session }))).toBe(code);
  });

  it('should load a framework tree in a bounded number of SQL statements', async () => {
    const { result, statements } = await countStatements(() =>
      gql(
        ctx.app,
        `{ frameworks { code versions { version items { code } levels { code pathways { code } } } } }`,
        {},
        { as: session },
      ),
    );
    expect(result.errors).toBeUndefined();
    // principal + frameworks + versions + items + levels + pathways, whatever the number of frameworks.
    expect(statements.length).toBeGreaterThanOrEqual(5);
    expect(statements.length).toBeLessThanOrEqual(6);
  });
});
