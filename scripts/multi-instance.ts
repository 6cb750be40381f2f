// npm run test:instances: two API instances in production mode behind HAProxy, sharing one
// embedded PostgreSQL. 50 clients run through the load balancer while one instance is killed;
// reminders are sent while an instance is killed; the sign-in and verification limits are
// spent across both instances. Prints a pass/fail summary; exits 1 on any failure.
import 'reflect-metadata';
import argon2 from 'argon2';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDatabase, startEmbeddedPostgres } from '#app/persistence';
import { messageHeader, startLoopbackSmtp } from '#app/testing';
import { drive, histogram, type Outcome } from './harness/drive-clients.js';
import { createCheckList, sleep } from './harness/check-list.js';
import { findFreePort } from './harness/find-free-port.js';
import { postGraphql } from './harness/post-graphql.js';
import { startApiProcess, type ApiProcess } from './harness/start-api-process.js';
import { findHaproxy, startHaproxy, type LoadBalancer } from './harness/start-haproxy.js';
import { seedSyntheticData, syntheticEmail } from './synthetic/seed-synthetic-data.js';

const PASSWORD = 'instances-only-password-2026';
const OVERALL_DEADLINE_MS = 240_000;
const LOGIN_MAX_ATTEMPTS = 10;
const VERIFY_PER_MINUTE = 8;
const CLIENTS = 50;
const FAILOVER_LIMIT_MS = 5_000;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`;

const { checks, check } = createCheckList();

async function main(): Promise<void> {
  const haproxy = findHaproxy();
  if (!haproxy) {
    // CI installs it; elsewhere say so in one line rather than fail a newcomer's machine.
    if (process.env.CI) throw new Error('HAProxy is not installed (CI must install the haproxy package)');
    console.log(
      'Skipped the multi-instance checks: no HAProxy found (apt-get install -y haproxy, or set HAPROXY_PATH).',
    );
    return;
  }
  const folder = await mkdtemp(join(tmpdir(), 'pathways-instances-'));
  const db = await startEmbeddedPostgres({
    dataDir: join(folder, 'pg'),
    port: await findFreePort(),
    database: 'pathways',
    onNotice: () => undefined,
  });
  const smtp = await startLoopbackSmtp({ acceptDelayMs: 40 });
  const apis = new Map<string, ApiProcess>();
  let lb: LoadBalancer | null = null;
  const q = new pg.Client({ connectionString: db.url });
  const boss = new PgBoss({
    connectionString: db.url,
    schema: 'pgboss',
    supervise: false,
    schedule: false,
    migrate: false,
    max: 1,
  });
  try {
    await prepareDatabase(db.url);
    await q.connect();
    await seedSyntheticData(q, {
      orgs: 1,
      practitionersPerOrg: 60,
      evidencePerPractitioner: 5,
      seed: 11,
      asOf: new Date().toISOString().slice(0, 10),
      passwordHash: await argon2.hash(PASSWORD, { type: argon2.argon2id }),
    });
    const secret = randomBytes(32).toString('hex');
    const ports = { a: await findFreePort(), b: await findFreePort() };
    const startInstance = async (name: 'a' | 'b') => {
      const api = await startApiProcess({
        port: ports[name],
        env: {
          NODE_ENV: 'production',
          PORT: String(ports[name]),
          DATABASE_URL: db.url,
          JWT_SECRET: secret,
          CREDENTIAL_KEY_SECRET: secret,
          // The API alone: these checks measure it, not the web app mounted beside it.
          WEB_ENABLED: 'false',
          PUBLIC_BASE_URL: 'http://127.0.0.1',
          DB_MIGRATIONS_RUN: 'false',
          SEED_DEMO: 'false',
          DB_POOL_SIZE: '10',
          LOG_LEVEL: 'error',
          ACCESS_TOKEN_TTL_SECONDS: '3600',
          LOGIN_MAX_ATTEMPTS: String(LOGIN_MAX_ATTEMPTS),
          VERIFY_RATE_LIMIT_PER_MINUTE: String(VERIFY_PER_MINUTE),
          SMTP_URL: smtp.url,
          MAIL_FROM: 'pathways@instances.example',
          // Only the scans sent below run: the schedule stays out of the way.
          REMINDER_SCAN_CRON: '0 3 1 1 *',
        },
      });
      apis.set(name, api);
      return api;
    };
    const [a, b] = await Promise.all([startInstance('a'), startInstance('b')]);
    lb = await startHaproxy({
      binary: haproxy,
      folder,
      port: await findFreePort(),
      backends: [a.url, b.url],
    });
    console.log(`Two API instances behind HAProxy (${lb.url}), one PostgreSQL`);

    // 1. The limits are one budget across instances: spent alternately on each instance directly.
    console.log('\n1. Sign-in and verification limits, spent alternately on both instances');
    const target = syntheticEmail(1, 'sw-00040');
    const loginCodes: string[] = [];
    for (let i = 0; i < LOGIN_MAX_ATTEMPTS + 2; i++) {
      const res = await postGraphql(i % 2 ? b.url : a.url, LOGIN, {
        input: { email: target, password: 'wrong-password-for-instances' },
      });
      loginCodes.push(res.errors?.[0]?.extensions?.code ?? 'OK');
    }
    const refusedAfter = loginCodes.indexOf('RATE_LIMITED');
    check(
      'the sign-in limit is shared',
      refusedAfter === LOGIN_MAX_ATTEMPTS &&
        loginCodes.slice(refusedAfter).every((c) => c === 'RATE_LIMITED'),
      `${LOGIN_MAX_ATTEMPTS} allowed per account; codes in order: ${loginCodes.join(', ')}`,
    );
    const verifyStatuses: number[] = [];
    for (let i = 0; i < VERIFY_PER_MINUTE + 2; i++) {
      const res = await fetch(`${i % 2 ? b.url : a.url}/verify/PW-NOTREAL-${i}`, {
        headers: { accept: 'application/json' },
      });
      await res.arrayBuffer();
      verifyStatuses.push(res.status);
    }
    const firstLimited = verifyStatuses.indexOf(429);
    check(
      'the verification limit is shared',
      firstLimited === VERIFY_PER_MINUTE && verifyStatuses.slice(firstLimited).every((s) => s === 429),
      `${VERIFY_PER_MINUTE} a minute per address; statuses in order: ${verifyStatuses.join(', ')}`,
    );

    // 2. 50 clients through the load balancer; instance A killed after 8 s; 12 s more on B.
    console.log(`\n2. ${CLIENTS} clients through HAProxy for 20 s, instance A killed (SIGKILL) after 8 s`);
    const tokens: string[] = [];
    for (let i = 2; i < 27; i++) {
      const res = await postGraphql<{ login: { accessToken: string } }>(lb.url, LOGIN, {
        input: { email: syntheticEmail(1, `sw-${String(i).padStart(5, '0')}`), password: PASSWORD },
      });
      if (!res.data?.login) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
      tokens.push(res.data.login.accessToken);
    }
    const started = Date.now();
    const ends = started + 20_000;
    const running = drive(lb.url, tokens, CLIENTS, 0.3, () => Date.now() > ends);
    await sleep(8_000);
    const killedAt = Date.now();
    await a.kill();
    const outcomes: Outcome[] = await running;
    const failed = outcomes.filter((o) => !o.ok);
    const lastFailureEnd = Math.max(killedAt, ...failed.map((o) => o.at + o.ms));
    const afterKill = outcomes.filter((o) => o.at >= killedAt);
    const okAfterKill = afterKill.filter((o) => o.ok);
    const before = outcomes.filter((o) => o.at + o.ms < killedAt);
    check(
      'both instances served before the kill',
      before.length > 0 && before.every((o) => o.ok),
      `${before.length} requests before the kill, outcomes ${histogram(before)}${before
        .filter((o) => o.unexpected)
        .slice(0, 2)
        .map((o) => `; ${o.unexpected}`)
        .join('')}`,
    );
    check(
      `clients carry on through instance B within ${FAILOVER_LIMIT_MS / 1000} s`,
      lastFailureEnd - killedAt <= FAILOVER_LIMIT_MS && okAfterKill.length > 0,
      `${failed.length} failed requests, the last ending ${lastFailureEnd - killedAt} ms after the kill; ${afterKill.length} requests after the kill, outcomes ${histogram(afterKill)}`,
    );
    const acknowledged = outcomes.flatMap((o) => (o.written ? [o.written] : []));
    const { rows } = await q.query<{ n: string }>(
      `SELECT count(*) AS n FROM evidence WHERE id = ANY($1::uuid[])`,
      [acknowledged],
    );
    check(
      'no acknowledged write lost',
      acknowledged.length > 0 && Number(rows[0]!.n) === acknowledged.length,
      `${acknowledged.length} acknowledged writes, ${rows[0]!.n} stored (${(outcomes.length / 20).toFixed(0)} req/s overall)`,
    );

    // 3. Reminders due; both instances' job workers running; instance B killed mid-sending, A back
    //    and a second scan run: every reminder stored once and emailed at most once.
    console.log('\n3. Reminders sent by two instances, one killed mid-sending, then a second scan');
    await startInstance('a');
    await q.query(
      `UPDATE evidence_version SET submitted_at = now() - interval '30 days' WHERE status = 'SUBMITTED'`,
    );
    await q.query('DELETE FROM notification');
    await boss.start();
    await boss.send('reminder-scan', {}, { singletonKey: 'instances-first' });
    const until = async (what: string, done: () => Promise<boolean> | boolean, ms: number) => {
      const end = Date.now() + ms;
      while (!(await done())) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await sleep(50);
      }
    };
    await until('the first emails', () => smtp.messages.length >= 5, 60_000);
    await apis.get('b')!.kill();
    const messagesAtKill = smtp.messages.length;
    await startInstance('b');
    const second = await boss.send('reminder-scan', {}, { singletonKey: 'instances-second' });
    await until(
      'the second scan',
      async () => (await boss.getJobById('reminder-scan', second!))?.state === 'completed',
      60_000,
    );
    // The first scan's job may still be finishing on instance A: wait until the emails stop.
    let settled = -1;
    while (settled !== smtp.messages.length) {
      settled = smtp.messages.length;
      await sleep(1_500);
    }
    const { rows: counts } = await q.query<{ rows: string; duplicates: string }>(
      `SELECT count(*) AS rows,
              count(*) - count(DISTINCT (organisation_id, recipient_user_id, dedupe_key)) AS duplicates
         FROM notification`,
    );
    const stored = Number(counts[0]!.rows);
    const perMessage = new Map<string, number>();
    for (const m of smtp.messages) {
      const id = messageHeader(m, 'Message-ID') ?? '';
      perMessage.set(id, (perMessage.get(id) ?? 0) + 1);
    }
    const sentTwice = [...perMessage.values()].filter((n) => n > 1).length;
    check(
      'no reminder stored or emailed twice across instances and a kill',
      stored >= 10 &&
        Number(counts[0]!.duplicates) === 0 &&
        sentTwice === 0 &&
        stored - smtp.messages.length <= 1,
      `${stored} reminders stored, ${counts[0]!.duplicates} duplicated; killed B after ${messagesAtKill} emails; ${smtp.messages.length} emails in all, ${sentTwice} sent twice, ${stored - smtp.messages.length} lost in flight at the kill`,
    );
  } finally {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    await lb?.stop().catch(() => undefined);
    for (const api of apis.values()) await api.stop(5_000).catch(() => undefined);
    await q.end().catch(() => undefined);
    await smtp.close();
    await db.stop().catch(() => undefined);
    await rm(folder, { recursive: true, force: true });
  }
}

const started = Date.now();
const deadline = setTimeout(() => {
  console.error(`\nFAIL: the multi-instance checks did not finish within ${OVERALL_DEADLINE_MS / 1000} s`);
  process.exit(1);
}, OVERALL_DEADLINE_MS);
try {
  await main();
} catch (error) {
  check('the checks ran to the end', false, String((error as Error).stack ?? error).slice(0, 2_000));
}
clearTimeout(deadline);
const failed = checks.filter((c) => !c.passed);
console.log(
  `\n${checks.length - failed.length} of ${checks.length} multi-instance checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
for (const f of failed) console.log(`  FAILED: ${f.name}`);
console.log(failed.length === 0 ? 'PASS' : 'FAIL');
process.exit(failed.length ? 1 : 0);
