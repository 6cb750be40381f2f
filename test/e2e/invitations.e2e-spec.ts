import { createMember, createOrganisation, gql, startLoopbackSmtp } from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { ACCEPT, ACCEPT_AS_MEMBER, INVITE, latestTokenFor, tokenIn } from './support/invitation-links.js';
import { login } from './support/sessions.js';

const PENDING = `{ pendingInvitations { nodes { id email fullName status } } }`;
const MEMBER = `query ($userId: ID!) { member(userId: $userId) { user { fullName registrationNumber } } }`;

describe('invitations: consent to join, read from the email (e2e)', () => {
  let ctx: E2eContext;
  let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>>;

  beforeAll(async () => {
    smtp = await startLoopbackSmtp();
    ctx = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'pathways@test.example' });
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.close();
  });
  afterEach(() => ctx.reset());

  it('should email a new person a link that sets their password once, and show it pending until then', async () => {
    const org = await createOrganisation(ctx.dataSource);
    const admin = await createMember(ctx.dataSource, org.id, ['ORG_ADMIN']);
    const asAdmin = await login(ctx.app, admin.email);
    const sent = smtp.messages.length;
    const invited = await gql<{ inviteMember: { id: string } }>(
      ctx.app,
      INVITE,
      { input: { email: 'New.Person@test.example', fullName: 'Nia New', roles: ['PRACTITIONER'] } },
      { as: asAdmin },
    );
    expect(invited.errors).toBeUndefined();
    const pending = await gql<{ pendingInvitations: { nodes: { email: string }[] } }>(
      ctx.app,
      PENDING,
      {},
      { as: asAdmin },
    );
    expect(pending.data?.pendingInvitations.nodes.map((n) => n.email)).toEqual(['new.person@test.example']);
    const message = smtp.messages[sent]!;
    expect(message).toContain('To: new.person@test.example');
    const token = tokenIn(message)!;
    const stored: { token_hash: string }[] = await ctx.dataSource.query(`SELECT token_hash FROM invitation`);
    expect(stored[0]!.token_hash).not.toContain(token);

    const weak = await gql(ctx.app, ACCEPT, { input: { token, password: 'short' } });
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
    expect(
      await ctx.dataSource.query(`SELECT 1 FROM app_user WHERE email = 'new.person@test.example'`),
    ).toEqual([]);

    const accepted = await gql(ctx.app, ACCEPT, { input: { token, password: 'a long enough pass phrase' } });
    expect(accepted.errors).toBeUndefined();
    const again = await gql(ctx.app, ACCEPT, { input: { token, password: 'a long enough pass phrase' } });
    expect(again.errors?.[0]?.extensions).toMatchObject({
      domainCode: 'INVITATION_INVALID',
      field: 'input.token',
    });
  });

  describe('another organisation inviting someone (issue 12, finding 3)', () => {
    /** What org A recorded about its member: none of it may reach org B before the person accepts. */
    const PROFILE = {
      fullName: 'Priya Recorded-By-A',
      regulator: 'SOCIAL_CARE_WALES' as const,
      registrationNumber: 'SCW7700123',
      dateQualified: '2013-06-28',
    };
    const FREE_REGISTRATION = 'SCW7700999';
    const UNKNOWN_EMAIL = 'nobody.anywhere@test.example';
    /** The mutation that used to add a person outright, with an admin-chosen password. */
    const ADD_DIRECTLY = `mutation ($input: CreateUserInput!) {
      createUser(input: $input) { userId roles user { fullName regulator registrationNumber dateQualified } }
    }`;
    const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
    const TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;

    let orgB: { id: string };
    let known: Awaited<ReturnType<typeof createMember>>;
    let asAdminB: Awaited<ReturnType<typeof login>>;

    beforeEach(async () => {
      const orgA = await createOrganisation(ctx.dataSource);
      orgB = await createOrganisation(ctx.dataSource);
      known = await createMember(ctx.dataSource, orgA.id, ['PRACTITIONER'], PROFILE);
      asAdminB = await login(ctx.app, (await createMember(ctx.dataSource, orgB.id, ['ORG_ADMIN'])).email);
    });

    /** The whole answer as B receives it, with ids, timestamps and the strings B itself sent made alike. */
    const asSeenByB = (res: unknown, sent: string[]) => {
      let text = JSON.stringify(res).replace(UUID, '<id>').replace(TIMESTAMP, '<time>');
      for (const s of sent) text = text.split(s).join('<sent>');
      return text;
    };
    const disclosesProfile = (res: unknown) => {
      const text = JSON.stringify(res);
      return Object.values(PROFILE).filter((value) => text.includes(value));
    };
    const membershipsInB = async () =>
      (
        await ctx.dataSource.query(`SELECT 1 FROM membership WHERE organisation_id = $1 AND user_id = $2`, [
          orgB.id,
          known.user.id,
        ])
      ).length;

    it('should answer an invitation the same whether or not the email has an account, and show nothing until consent', async () => {
      const invite = (email: string) =>
        gql(
          ctx.app,
          INVITE,
          { input: { email, fullName: 'Sam Candidate', roles: ['PRACTITIONER'] } },
          { as: asAdminB },
        );
      const forKnown = await invite(known.email);
      const forUnknown = await invite(UNKNOWN_EMAIL);
      expect(forKnown.errors).toBeUndefined();
      expect(asSeenByB(forKnown, [known.email])).toBe(asSeenByB(forUnknown, [UNKNOWN_EMAIL]));
      expect(disclosesProfile(forKnown)).toEqual([]);

      // Not a member of B, and nothing of A's profile to see, until the person accepts.
      expect(await membershipsInB()).toBe(0);
      const member = await gql(ctx.app, MEMBER, { userId: known.user.id }, { as: asAdminB });
      expect(member.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const lists = [
        await gql(ctx.app, PENDING, {}, { as: asAdminB }),
        await gql(ctx.app, `{ members { nodes { userId user { fullName } } } }`, {}, { as: asAdminB }),
      ];
      expect(lists.map(disclosesProfile)).toEqual([[], []]);
      expect(JSON.stringify(lists)).not.toContain(known.user.id);

      const asKnown = await login(ctx.app, known.email);
      const token = latestTokenFor(smtp.messages, known.email);
      const joined = await gql(ctx.app, ACCEPT_AS_MEMBER, { input: { token } }, { as: asKnown });
      expect(joined.errors).toBeUndefined();
      expect(await membershipsInB()).toBe(1);
      const after = await gql<{ member: { user: { registrationNumber: string } } }>(
        ctx.app,
        MEMBER,
        { userId: known.user.id },
        { as: asAdminB },
      );
      expect(after.data?.member.user.registrationNumber).toBe(PROFILE.registrationNumber);
    });

    it('should offer no way to add the person outright: no profile, no membership, the same answer for any email', async () => {
      const addDirectly = (email: string) =>
        gql(
          ctx.app,
          ADD_DIRECTLY,
          {
            input: {
              email,
              fullName: 'Sam Candidate',
              roles: ['PRACTITIONER'],
              password: 'chosen by an admin 42',
            },
          },
          { as: asAdminB },
        );
      const forKnown = await addDirectly(known.email);
      const forUnknown = await addDirectly(UNKNOWN_EMAIL);
      expect(disclosesProfile(forKnown)).toEqual([]);
      expect(forKnown.data ?? null).toBeNull();
      expect(asSeenByB(forKnown, [known.email])).toBe(asSeenByB(forUnknown, [UNKNOWN_EMAIL]));
      expect(await membershipsInB()).toBe(0);
      expect(await ctx.dataSource.query(`SELECT 1 FROM app_user WHERE email = $1`, [UNKNOWN_EMAIL])).toEqual(
        [],
      );
    });

    it('should not say whether a registration number is held in another organisation', async () => {
      const numbers = [PROFILE.registrationNumber, FREE_REGISTRATION];
      const answers = [];
      for (const [n, registrationNumber] of numbers.entries()) {
        const email = `candidate-${n}@test.example`;
        const person = { email, fullName: 'Sam Candidate', roles: ['PRACTITIONER'] };
        const registration = { regulator: PROFILE.regulator, registrationNumber };
        // Neither the invitation nor the operation that used to add people takes one from B.
        const invited = await gql(
          ctx.app,
          INVITE,
          { input: { ...person, ...registration } },
          { as: asAdminB },
        );
        const added = await gql(
          ctx.app,
          ADD_DIRECTLY,
          { input: { ...person, ...registration } },
          { as: asAdminB },
        );
        for (const res of [invited, added]) {
          expect(res.errors?.map((e) => e.extensions?.code)).not.toContain('CONFLICT');
        }
        answers.push(asSeenByB([invited, added], [email, registrationNumber]));
      }
      expect(answers[0]).toBe(answers[1]);
      expect(
        await ctx.dataSource.query(`SELECT 1 FROM app_user WHERE registration_number = $1`, [
          FREE_REGISTRATION,
        ]),
      ).toEqual([]);
    });
  });
});
