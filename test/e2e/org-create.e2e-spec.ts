// `npm run org:create`, the built script, run as an operator would against this file's database:
// the link it gives makes the person the new organisation's ORG_ADMIN, once.
import { gql, startLoopbackSmtp } from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { runOrgCreate } from './support/org-create-script.js';

const PUBLIC_BASE_URL = 'https://pathways.eastshire.example';
const ACCEPT = `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { organisationName roles } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`;
const ME = `{ me { roles organisation { name isDemo } user { fullName } } }`;
const PENDING = `{ pendingInvitations { nodes { email roles } } }`;
const PASSWORD = 'a long pass phrase for sam';

/** The token in a printed or emailed link (an email is quoted-printable: soft breaks and `=3D`). */
const tokenIn = (text: string) =>
  /invitations\/accept\?token=([A-Za-z0-9_-]{43})/.exec(text.replace(/=\n/g, '').replace(/=3D/g, '='))?.[1];

describe('org:create: an organisation and its first ORG_ADMIN (e2e)', () => {
  let ctx: E2eContext;

  beforeAll(async () => {
    ctx = await createTestApp({ PUBLIC_BASE_URL });
  });
  afterAll(() => ctx.close());
  afterEach(() => ctx.reset());

  const orgCreate = (args: string[], env: Record<string, string> = {}) =>
    runOrgCreate(args, { DATABASE_URL: ctx.databaseUrl, PUBLIC_BASE_URL, ...env });
  const eastshire = ['--name', 'Eastshire County Council', '--admin-email', 'Sam.Jones@eastshire.example'];
  const organisations = async () =>
    (await ctx.dataSource.query(`SELECT name, slug, is_demo FROM organisation`)) as { name: string }[];

  it('should print a link that makes the person ORG_ADMIN of the new organisation once, then let them sign in', async () => {
    const run = await orgCreate([...eastshire, '--admin-name', 'Sam Jones']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`${PUBLIC_BASE_URL}/invitations/accept?token=`);
    expect(await organisations()).toEqual([
      { name: 'Eastshire County Council', slug: 'eastshire-county-council', is_demo: false },
    ]);
    const token = tokenIn(run.stdout)!;

    const accepted = await gql(ctx.app, ACCEPT, { input: { token, password: PASSWORD } });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data).toEqual({
      acceptInvitation: { organisationName: 'Eastshire County Council', roles: ['ORG_ADMIN'] },
    });
    const again = await gql(ctx.app, ACCEPT, { input: { token, password: PASSWORD } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ domainCode: 'INVITATION_INVALID' });

    const signedIn = await gql<{ login: { accessToken: string } }>(ctx.app, LOGIN, {
      input: { email: 'sam.jones@eastshire.example', password: PASSWORD },
    });
    const as = signedIn.data!.login.accessToken;
    expect((await gql(ctx.app, ME, {}, { as })).data).toEqual({
      me: {
        roles: ['ORG_ADMIN'],
        organisation: { name: 'Eastshire County Council', isDemo: false },
        user: { fullName: 'Sam Jones' },
      },
    });
    // An ORG_ADMIN's own operation answers: the organisation is theirs to run.
    expect((await gql(ctx.app, PENDING, {}, { as })).data).toEqual({ pendingInvitations: { nodes: [] } });
  });

  it('should make no second organisation when run again: a fresh link while unused, then "exists"', async () => {
    const first = await orgCreate(eastshire);
    // Spelt a little differently: the same organisation (its slug), not a second one.
    const second = await orgCreate([
      '--name',
      'Eastshire  County Council.',
      '--admin-email',
      'sam.jones@eastshire.example',
    ]);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(second.stdout).toContain('already exists');
    expect(await organisations()).toHaveLength(1);
    const [oldToken, newToken] = [tokenIn(first.stdout)!, tokenIn(second.stdout)!];
    expect(newToken).not.toBe(oldToken);

    const withOld = await gql(ctx.app, ACCEPT, { input: { token: oldToken, password: PASSWORD } });
    expect(withOld.errors?.[0]?.extensions).toMatchObject({ domainCode: 'INVITATION_INVALID' });
    const withNew = await gql(ctx.app, ACCEPT, { input: { token: newToken, password: PASSWORD } });
    expect(withNew.errors).toBeUndefined();

    const invitations = async () =>
      (await ctx.dataSource.query(`SELECT status FROM invitation ORDER BY created_at`)) as unknown[];
    const before = await invitations();
    for (const args of [
      eastshire,
      ['--name', 'Eastshire County Council', '--admin-email', 'other@eastshire.example'],
    ]) {
      const run = await orgCreate(args);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/already exists.*Nothing changed/s);
      expect(tokenIn(run.stdout + run.stderr)).toBeUndefined();
    }
    expect(await organisations()).toHaveLength(1);
    expect(await invitations()).toEqual(before);
  });

  it('should email the link when SMTP_URL is set, and not print it', async () => {
    const smtp = await startLoopbackSmtp();
    try {
      const run = await orgCreate(eastshire, { SMTP_URL: smtp.url, MAIL_FROM: 'pathways@eastshire.example' });
      expect(run.code).toBe(0);
      expect(tokenIn(run.stdout)).toBeUndefined();
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.messages[0]).toContain('To: sam.jones@eastshire.example');
      const token = tokenIn(smtp.messages[0]!)!;
      const accepted = await gql(ctx.app, ACCEPT, { input: { token, password: PASSWORD } });
      expect(accepted.data).toMatchObject({ acceptInvitation: { roles: ['ORG_ADMIN'] } });
    } finally {
      await smtp.close();
    }
  });

  it('should keep no organisation when the mail server cannot take the invitation', async () => {
    const smtp = await startLoopbackSmtp();
    const closed = smtp.url;
    await smtp.close(); // nothing listens there now
    const run = await orgCreate(eastshire, { SMTP_URL: closed, MAIL_FROM: 'pathways@eastshire.example' });
    expect(run.code).toBe(1);
    expect(tokenIn(run.stdout + run.stderr)).toBeUndefined();
    expect(await organisations()).toEqual([]);
    expect(await ctx.dataSource.query(`SELECT 1 FROM invitation`)).toEqual([]);
  });

  it.each<[string, string[]]>([
    ['no arguments', []],
    ['no email', ['--name', 'Eastshire County Council']],
    ['no name', ['--admin-email', 'sam@eastshire.example']],
    ['a name without a letter or digit', ['--name', '!!!', '--admin-email', 'sam@eastshire.example']],
    ['a name too long', ['--name', 'x'.repeat(201), '--admin-email', 'sam@eastshire.example']],
    ['an email that is not one', ['--name', 'Eastshire', '--admin-email', 'sam at eastshire']],
    ['an unknown option', [...eastshire, '--role', 'PSW']],
    ['a stray argument', [...eastshire, 'extra']],
    ['an option without its value', ['--admin-email', 'sam@eastshire.example', '--name']],
  ])('should refuse %s with the usage and exit code 2, changing nothing', async (_, args) => {
    const run = await orgCreate(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: npm run org:create');
    expect(run.stdout).toBe('');
    expect(await organisations()).toEqual([]);
  });
});
