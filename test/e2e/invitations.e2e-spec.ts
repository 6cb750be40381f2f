import { createMember, createOrganisation, gql, startLoopbackSmtp } from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { login } from './support/sessions.js';

const INVITE = `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { id email roles status expired } }`;
const ACCEPT = `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { organisationId userId roles } }`;
const ACCEPT_AS_MEMBER = `mutation ($input: AcceptInvitationAsMemberInput!) { acceptInvitationAsMember(input: $input) { organisationId userId } }`;
const PENDING = `{ pendingInvitations { nodes { id email status } } }`;
const MEMBER = `query ($userId: ID!) { member(userId: $userId) { user { fullName registrationNumber } } }`;

/** The token in the emailed link (the message is quoted-printable: soft breaks and `=3D`). */
const tokenIn = (message: string) =>
  /accept\?token=([A-Za-z0-9_-]{43})/.exec(message.replace(/=\n/g, '').replace(/=3D/g, '='))?.[1];

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

  it('should answer another organisation the same whether or not the email has an account, and show nothing until consent', async () => {
    const orgA = await createOrganisation(ctx.dataSource);
    const orgB = await createOrganisation(ctx.dataSource);
    const known = await createMember(ctx.dataSource, orgA.id, ['PRACTITIONER'], {
      registrationNumber: 'SW555',
    });
    const adminB = await createMember(ctx.dataSource, orgB.id, ['ORG_ADMIN']);
    const asAdminB = await login(ctx.app, adminB.email);
    const strip = (r: { data?: { inviteMember: Record<string, unknown> } | null }) => {
      const { id: _id, email: _email, ...rest } = r.data!.inviteMember;
      return rest;
    };
    const forKnown = await gql<{ inviteMember: Record<string, unknown> }>(
      ctx.app,
      INVITE,
      { input: { email: known.email, fullName: 'X', roles: ['PRACTITIONER'] } },
      { as: asAdminB },
    );
    const forUnknown = await gql<{ inviteMember: Record<string, unknown> }>(
      ctx.app,
      INVITE,
      { input: { email: 'nobody@test.example', fullName: 'X', roles: ['PRACTITIONER'] } },
      { as: asAdminB },
    );
    expect(strip(forKnown)).toEqual(strip(forUnknown));
    const before = await gql(ctx.app, MEMBER, { userId: known.user.id }, { as: asAdminB });
    expect(before.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const token = tokenIn(smtp.messages.find((m) => m.includes(`To: ${known.email}`))!)!;
    const asKnown = await login(ctx.app, known.email);
    const joined = await gql(ctx.app, ACCEPT_AS_MEMBER, { input: { token } }, { as: asKnown });
    expect(joined.errors).toBeUndefined();
    const after = await gql<{ member: { user: { registrationNumber: string } } }>(
      ctx.app,
      MEMBER,
      { userId: known.user.id },
      { as: asAdminB },
    );
    expect(after.data?.member.user.registrationNumber).toBe('SW555');
  });
});
