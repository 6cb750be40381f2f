// A council from nothing to its first leaver's erasure, through the operator's script, the emailed
// invitations and the public API only (issue "A council can stand it up and run it", done when).
import request from 'supertest';
import { gql, startLoopbackSmtp } from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { FixedClock } from './support/fixed-clock.js';
import { ACCEPT, INVITE, latestTokenFor } from './support/invitation-links.js';
import { runOrgCreate } from './support/org-create-script.js';

const PUBLIC_BASE_URL = 'https://pathways.westshire.example';
const MAIL_FROM = 'pathways@westshire.example';
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`;
const ME = `{ me { roles user { id fullName } organisation { name isDemo } } }`;
const EVIDENCE = `mutation ($input: CreateEvidenceInput!) { createEvidence(input: $input) { id evidenceId } }`;
const END = `mutation ($input: EndMembershipInput!) { endMembership(input: $input) { active endsOn } }`;
const ERASE = `mutation ($input: ErasePersonInput!) { erasePerson(input: $input) { userId profilePseudonymised } }`;
const PASSWORDS = {
  admin: 'quiet harbour lantern seven',
  psw: 'orchard kettle meadow ninety',
  practitioner: 'copper violin river autumn',
};

describe('a council stands Pathways up and runs it: org:create to erasure (e2e)', () => {
  // Today, in the API, is 3 December 2026; the script runs on the real clock (the same day).
  const clock = new FixedClock(new Date());
  let ctx: E2eContext;
  let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>>;

  beforeAll(async () => {
    smtp = await startLoopbackSmtp();
    ctx = await createTestApp({ PUBLIC_BASE_URL, SMTP_URL: smtp.url, MAIL_FROM }, { clock });
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.close();
  });

  const orgCreate = (args: string[]) =>
    runOrgCreate(args, { DATABASE_URL: ctx.databaseUrl, PUBLIC_BASE_URL, SMTP_URL: smtp.url, MAIL_FROM });
  const signIn = async (email: string, password: string) => {
    const res = await gql<{ login: { accessToken: string } }>(ctx.app, LOGIN, { input: { email, password } });
    expect(res.errors).toBeUndefined();
    return { accessToken: res.data!.login.accessToken };
  };
  const acceptEmailed = async (email: string, password: string, extra: Record<string, unknown> = {}) => {
    const token = latestTokenFor(smtp.messages, email);
    const res = await gql<{ acceptInvitation: { roles: string[] } }>(ctx.app, ACCEPT, {
      input: { token, password, ...extra },
    });
    expect(res.errors).toBeUndefined();
    return res.data!.acceptInvitation;
  };

  it('should create the organisation, bring in its people by emailed invitation, let a leaver take their portfolio, and erase them once retention ends', async () => {
    // 1. The operator creates the council's organisation on a fresh database: no demo, nobody yet.
    const created = await orgCreate([
      '--name',
      'Westshire Council',
      '--admin-email',
      'ada.admin@westshire.example',
      '--admin-name',
      'Ada Admin',
    ]);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(await ctx.dataSource.query(`SELECT name, is_demo FROM organisation`)).toEqual([
      { name: 'Westshire Council', is_demo: false },
    ]);
    expect(smtp.messages.some((m) => m.includes('To: ada.admin@westshire.example'))).toBe(true);

    // 2. The first administrator accepts the emailed invitation and signs in.
    expect(await acceptEmailed('ada.admin@westshire.example', PASSWORDS.admin)).toMatchObject({
      roles: ['ORG_ADMIN'],
    });
    const admin = await signIn('ada.admin@westshire.example', PASSWORDS.admin);
    const me = await gql<{ me: { roles: string[]; organisation: { name: string; isDemo: boolean } } }>(
      ctx.app,
      ME,
      {},
      { as: admin },
    );
    expect(me.data!.me).toMatchObject({
      roles: ['ORG_ADMIN'],
      organisation: { name: 'Westshire Council', isDemo: false },
    });

    // 3. They invite a PSW and a practitioner, who accept their emails and sign in.
    for (const [email, fullName, roles] of [
      ['pat.psw@westshire.example', 'Pat Principal', ['PRINCIPAL_SOCIAL_WORKER']],
      ['priya.sw@westshire.example', 'Priya Practitioner', ['PRACTITIONER']],
    ] as const) {
      const invited = await gql(ctx.app, INVITE, { input: { email, fullName, roles } }, { as: admin });
      expect(invited.errors).toBeUndefined();
    }
    expect(await acceptEmailed('pat.psw@westshire.example', PASSWORDS.psw)).toMatchObject({
      roles: ['PRINCIPAL_SOCIAL_WORKER'],
    });
    expect(
      await acceptEmailed('priya.sw@westshire.example', PASSWORDS.practitioner, {
        regulator: 'SOCIAL_WORK_ENGLAND',
        registrationNumber: 'SW998877',
      }),
    ).toMatchObject({ roles: ['PRACTITIONER'] });
    const psw = await signIn('pat.psw@westshire.example', PASSWORDS.psw);
    const practitioner = await signIn('priya.sw@westshire.example', PASSWORDS.practitioner);
    const priya = await gql<{ me: { user: { id: string } } }>(ctx.app, ME, {}, { as: practitioner });
    const priyaId = priya.data!.me.user.id;
    expect((await gql(ctx.app, ME, {}, { as: psw })).errors).toBeUndefined();

    // The practitioner records a piece of CPD, which the PDF will carry.
    const recorded = await gql(
      ctx.app,
      EVIDENCE,
      {
        input: {
          kind: 'CPD_ACTIVITY',
          cpdActivityType: 'TRAINING',
          title: 'Trauma-informed practice course',
          description: 'A one-day course on trauma-informed approaches.',
          learning: 'How earlier trauma shapes engagement with services.',
          impact: 'I plan first visits differently now.',
          dateFrom: '2026-11-20',
          hours: 6,
        },
      },
      { as: practitioner },
    );
    expect(recorded.errors).toBeUndefined();

    // 4. She leaves today: she keeps her own portfolio, and may not be erased yet.
    const ended = await gql(
      ctx.app,
      END,
      { input: { userId: priyaId, endsOn: clock.today() } },
      { as: admin },
    );
    expect(ended.errors).toBeUndefined();
    const pdf = await request(ctx.app.getHttpServer())
      .get(`/practitioners/${priyaId}/portfolio.pdf`)
      .set(
        'authorization',
        `Bearer ${(await signIn('priya.sw@westshire.example', PASSWORDS.practitioner)).accessToken}`,
      );
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(
      Buffer.from(pdf.body as Buffer)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const early = await gql(ctx.app, ERASE, { input: { userId: priyaId, confirm: true } }, { as: admin });
    expect(early.errors?.[0]?.extensions).toMatchObject({ domainCode: 'RETENTION_NOT_ENDED' });

    // 5. Ninety days on (the default retention), the administrator erases her.
    clock.set(new Date(clock.now().getTime() + 90 * 86_400_000).toISOString());
    const erased = await gql(ctx.app, ERASE, { input: { userId: priyaId, confirm: true } }, { as: admin });
    expect(erased.errors).toBeUndefined();
    expect(erased.data).toEqual({ erasePerson: { userId: priyaId, profilePseudonymised: true } });
    const [{ n }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM evidence WHERE owner_user_id = $1`,
      [priyaId],
    );
    expect(n).toBe(0);
    const gone = await gql(ctx.app, LOGIN, {
      input: { email: 'priya.sw@westshire.example', password: PASSWORDS.practitioner },
    });
    expect(gone.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
