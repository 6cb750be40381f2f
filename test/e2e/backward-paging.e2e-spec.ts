import { randomUUID } from 'node:crypto';
import { AuditEventRepository, NotificationRepository } from '#app/persistence';
import {
  countStatements,
  createApprovedEvidence,
  createMember,
  createOrganisation,
  gql,
  type CreatedMember,
} from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { login, type Session } from './support/sessions.js';

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}
interface Page {
  edges: { cursor: string; node: { key: string } }[];
  pageInfo: PageInfo;
}

const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

/** Each list under test, with its item's key aliased as `key` so one walker reads them all. */
const LISTS = {
  portfolio: `edges { cursor node { key: id } }`,
  members: `edges { cursor node { key: userId } }`,
  auditTrail: `edges { cursor node { key: entityId } }`,
  notifications: `edges { cursor node { key: id } }`,
} as const;
type List = keyof typeof LISTS;

const query = (list: List) => `query ($first: Int, $after: String, $last: Int, $before: String) {
  ${list}(first: $first, after: $after, last: $last, before: $before) { ${LISTS[list]} ${PAGE_INFO} }
}`;

/** Backward paging through four lists of different keys on PostgreSQL, against the same lists read forward. */
describe('backward paging (e2e)', () => {
  let ctx: E2eContext;
  let admin: CreatedMember;
  let practitioner: CreatedMember;
  let asAdmin: Session;
  let asPractitioner: Session;
  /** Each list in its own order, as read straight from the tables. */
  const expected = {} as Record<List, string[]>;

  beforeAll(async () => {
    ctx = await createTestApp();
    const org = await createOrganisation(ctx.dataSource);
    admin = await createMember(ctx.dataSource, org.id, ['ORG_ADMIN', 'PRINCIPAL_SOCIAL_WORKER']);
    practitioner = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    const reviewer = await createMember(ctx.dataSource, org.id, ['ASSESSOR']);
    for (let i = 0; i < 5; i += 1) await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    // Seven pieces over four days, so the key's tie-break (the evidence id) decides the order within a day.
    await createApprovedEvidence(
      ctx.dataSource,
      org.id,
      practitioner.user.id,
      reviewer.user.id,
      ['2026-01-05', '2026-01-05', '2026-01-05', '2026-02-10', '2026-02-10', '2026-03-01', '2025-12-24'].map(
        (date) => ({ itemCodes: ['PROFESSIONALISM'], levelCode: 'ASYE', date }),
      ),
    );
    const audit = ctx.app.get(AuditEventRepository);
    for (let i = 0; i < 7; i += 1) {
      await audit.recordAudit({
        organisationId: org.id,
        actorUserId: admin.user.id,
        actorRole: 'ORG_ADMIN',
        action: 'TEAM_CREATED',
        entityType: 'TEAM',
        entityId: randomUUID(),
        subjectUserId: null,
        changes: {},
      });
    }
    // Five written in one statement share their created_at, so the id alone orders them.
    const notifications = ctx.app.get(NotificationRepository);
    for (const batch of [5, 2]) {
      await notifications.insertNew(
        Array.from({ length: batch }, () => ({
          organisationId: org.id,
          recipientUserId: admin.user.id,
          kind: 'REVIEW_WAITING' as const,
          title: 'A submission is waiting',
          body: 'Open the review queue.',
          dedupeKey: randomUUID(),
          entityType: null,
          entityId: null,
        })),
      );
    }
    asAdmin = await login(ctx.app, admin.email);
    asPractitioner = await login(ctx.app, practitioner.email);
    const column = async (sql: string) =>
      ((await ctx.dataSource.query(sql, [org.id])) as { key: string }[]).map((r) => r.key);
    expected.portfolio = await column(
      `SELECT evidence_id AS key FROM evidence_version WHERE organisation_id = $1 ORDER BY date_from DESC, evidence_id DESC`,
    );
    expected.members = await column(
      `SELECT user_id AS key FROM membership WHERE organisation_id = $1 ORDER BY created_at, id`,
    );
    expected.auditTrail = await column(
      `SELECT entity_id AS key FROM audit_event WHERE organisation_id = $1 ORDER BY id DESC`,
    );
    expected.notifications = await column(
      `SELECT id AS key FROM notification WHERE organisation_id = $1 ORDER BY created_at DESC, id DESC`,
    );
  });
  afterAll(() => ctx.close());

  const sessionFor = (list: List) => (list === 'portfolio' ? asPractitioner : asAdmin);

  const page = async (list: List, variables: Record<string, unknown>): Promise<Page> => {
    const res = await gql<Record<List, Page>>(ctx.app, query(list), variables, { as: sessionFor(list) });
    expect(res.errors).toBeUndefined();
    return res.data![list];
  };
  const keys = (p: Page) => p.edges.map((e) => e.node.key);

  it('should have lists long enough to need several pages', () => {
    expect(Object.values(expected).map((k) => k.length)).toEqual([7, 8, 7, 7]);
  });

  describe.each(Object.keys(LISTS) as List[])('%s', (list) => {
    it.each([1, 3])(
      'should visit every item once, in the list’s order, paging backward from the end %i at a time',
      async (size) => {
        const pages: Page[] = [await page(list, { last: size })];
        while (pages[0]!.pageInfo.hasPreviousPage) {
          pages.unshift(await page(list, { last: size, before: pages[0]!.pageInfo.startCursor }));
          expect(pages.length).toBeLessThanOrEqual(expected[list].length);
        }
        const seen = pages.flatMap(keys);

        expect(seen).toEqual(expected[list]);
        expect(new Set(seen).size).toBe(seen.length);
        // The final page is full and has nothing after it; each earlier page has, and all but the
        // first have something before them; only the first may be short.
        expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual(pages.map((_, i) => i < pages.length - 1));
        expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual(pages.map((_, i) => i > 0));
        expect(pages.slice(1).every((p) => p.edges.length === size)).toBe(true);
        for (const p of pages) {
          expect(p.pageInfo.startCursor).toBe(p.edges[0]!.cursor);
          expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)!.cursor);
        }
      },
    );

    it('should give back, before a forward page’s start cursor, the page that came before it', async () => {
      const first = await page(list, { first: 3 });
      const second = await page(list, { first: 3, after: first.pageInfo.endCursor });
      const back = await page(list, { last: 3, before: second.pageInfo.startCursor });

      expect(keys(back)).toEqual(keys(first));
      expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      expect(keys(second)).toEqual(expected[list].slice(3, 6));
      // Forward pages answer as they did: items before a page after a cursor, more after it.
      expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    });

    it('should read a backward page in as many statements as a forward one, the list in one of them', async () => {
      const start = await page(list, { first: 3 });
      const forward = await countStatements(() => page(list, { first: 3, after: start.pageInfo.endCursor }));
      const backward = await countStatements(() =>
        page(list, { last: 3, before: forward.result.pageInfo.startCursor }),
      );

      const listReads = (statements: string[]) => statements.filter((q) => /\bLIMIT 4\b/.test(q));
      expect(backward.statements).toHaveLength(forward.statements.length);
      expect(listReads(forward.statements)).toHaveLength(1);
      expect(listReads(backward.statements)).toHaveLength(1);
      expect(keys(backward.result)).toEqual(keys(start));
    });

    it('should read the 20 before a cursor when before comes without last', async () => {
      const end = await page(list, { last: 1 });
      const rest = await page(list, { before: end.pageInfo.startCursor });

      expect(keys(rest)).toEqual(expected[list].slice(0, -1));
      expect(rest.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    });
  });

  describe('refusals', () => {
    const counts = async () =>
      (
        await ctx.dataSource.query(
          `SELECT (SELECT count(*) FROM audit_event)::int AS audit, (SELECT count(*) FROM notification)::int AS notifications,
                  (SELECT count(*) FROM evidence_version)::int AS versions, (SELECT count(*) FROM membership)::int AS members`,
        )
      )[0] as Record<string, number>;

    it.each<[string, List, Record<string, unknown>, string[]]>([
      ['first with last', 'members', { first: 2, last: 2 }, ['last']],
      ['after with before', 'portfolio', { after: 'CURSOR', before: 'CURSOR' }, ['before']],
      ['first with before', 'auditTrail', { first: 2, before: 'CURSOR' }, ['before']],
      ['last with after', 'members', { last: 2, after: 'CURSOR' }, ['last']],
      [
        'all four at once',
        'portfolio',
        { first: 2, after: 'CURSOR', last: 2, before: 'CURSOR' },
        ['last', 'before'],
      ],
      ['last of 0', 'members', { last: 0 }, ['last']],
      ['last of 101', 'portfolio', { last: 101 }, ['last']],
      ['a before cursor from another list', 'members', { last: 2, before: 'PORTFOLIO_CURSOR' }, ['before']],
    ])(
      'should refuse %s as BAD_USER_INPUT naming the argument, writing nothing',
      async (_, list, args, fields) => {
        const cursor = (await page(list, { first: 1 })).pageInfo.endCursor;
        const portfolioCursor = (await page('portfolio', { first: 1 })).pageInfo.endCursor;
        const variables = Object.fromEntries(
          Object.entries(args).map(([k, v]) => [
            k,
            v === 'CURSOR' ? cursor : v === 'PORTFOLIO_CURSOR' ? portfolioCursor : v,
          ]),
        );
        const before = await counts();

        const res = await gql(ctx.app, query(list), variables, { as: sessionFor(list) });

        expect(res.data?.[list] ?? null).toBeNull();
        expect(res.errors).toHaveLength(1);
        expect(res.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
        expect(res.errors![0]!.extensions?.field).toBe(fields[0]);
        expect(res.errors![0]!.extensions?.fields?.map((f) => f.field)).toEqual(fields);
        expect(await counts()).toEqual(before);
      },
    );
  });
});
