import { createMember, createOrganisation, errorCode, gql, TEST_PASSWORD } from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { LOGIN } from './support/sessions.js';

const attempt = (ctx: E2eContext, email: string, password: string) =>
  gql(ctx.app, LOGIN, { input: { email, password } }).then(errorCode);

const tally = (codes: (string | undefined)[]) =>
  codes.reduce<Record<string, number>>((acc, c) => ({ ...acc, [String(c)]: (acc[String(c)] ?? 0) + 1 }), {});

describe('sign-in limits under parallel attempts (e2e)', () => {
  // Two API instances on one database, as behind a load balancer; the default limit of 10.
  let first: E2eContext;
  let second: E2eContext;
  // A third instance on the same database, configured with a small budget (2 per account, 20 per address).
  let small: E2eContext;

  beforeAll(async () => {
    first = await createTestApp();
    second = await createTestApp({}, { databaseUrl: first.databaseUrl });
    small = await createTestApp({ LOGIN_MAX_ATTEMPTS: '2' }, { databaseUrl: first.databaseUrl });
  });
  afterEach(() => first.reset());
  afterAll(async () => {
    await small.close();
    await second.close();
    await first.close();
  });

  it('should let at most 10 of 30 parallel wrong passwords for one account reach the password check, across two instances', async () => {
    const org = await createOrganisation(first.dataSource);
    const sam = await createMember(first.dataSource, org.id, ['PRACTITIONER']);

    const codes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(i % 2 ? second : first, sam.email, `wrong-password-${i}`)),
    );

    // UNAUTHENTICATED is the answer of a checked password; RATE_LIMITED is refused before the hash.
    expect(tally(codes)).toEqual({ UNAUTHENTICATED: 10, RATE_LIMITED: 20 });
    // The budget is spent: even the right password waits for the window.
    expect(await attempt(first, sam.email, TEST_PASSWORD)).toBe('RATE_LIMITED');
    expect(await attempt(second, sam.email, TEST_PASSWORD)).toBe('RATE_LIMITED');
  });

  it('should let at most the per-address budget of parallel attempts across many accounts reach the password check', async () => {
    // 40 different unknown emails from one client address: no account's budget is touched,
    // so only the address's budget (20) stands between them and the hash.
    const codes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt(small, `nobody-${i}@test.example`, 'wrong-password')),
    );

    expect(tally(codes)).toEqual({ UNAUTHENTICATED: 20, RATE_LIMITED: 20 });
  });

  it('should give a successful sign-in its attempt back, so a person signing in repeatedly is never locked out', async () => {
    const org = await createOrganisation(first.dataSource);
    const sam = await createMember(first.dataSource, org.id, ['PRACTITIONER']);

    const results = await Promise.all(
      Array.from({ length: 5 }, () => attempt(small, sam.email, TEST_PASSWORD)),
    );
    // Parallel successes may each hold an attempt for a moment; sequential ones never exhaust the budget.
    for (let i = 0; i < 25; i++) expect(await attempt(small, sam.email, TEST_PASSWORD)).toBeUndefined();
    expect(results.filter((c) => c === undefined).length).toBeGreaterThanOrEqual(2);
  });
});
