// npm run test:resilience: the API in production mode as a child process against an embedded
// PostgreSQL, under load and through faults. Prints a pass/fail summary; exits 1 on any failure.
import 'reflect-metadata';
import argon2 from 'argon2';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDatabase, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '#app/persistence';
import { messageHeader, startLoopbackSmtp } from '#app/testing';
import { CREATE_EVIDENCE, createEvidenceInput } from './bench/bench-operations.js';
import { drive, histogram, request, WRITE_TITLE } from './harness/drive-clients.js';
import { createCheckList, sleep } from './harness/check-list.js';
import { findFreePort } from './harness/find-free-port.js';
import { postGraphql } from './harness/post-graphql.js';
import { startApiProcess, type ApiProcess } from './harness/start-api-process.js';
import { seedSyntheticData, syntheticEmail } from './synthetic/seed-synthetic-data.js';

const PASSWORD = 'resilience-only-password-2026';
const OVERALL_DEADLINE_MS = 240_000;
const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const { checks, check } = createCheckList();

/** One attachment request (a download, or an upload to a draft), as a client sees it. */
interface HttpOutcome {
  at: number;
  ms: number;
  status: number | null;
  code: string | null;
}

async function attachmentRequest(
  url: string,
  token: string,
  target: { evidenceId: string; attachmentId: string },
  upload: boolean,
): Promise<HttpOutcome> {
  const at = Date.now();
  try {
    const res = await fetch(
      upload
        ? `${url}/evidence/${target.evidenceId}/attachments`
        : `${url}/attachments/${target.attachmentId}`,
      {
        method: upload ? 'POST' : 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          ...(upload ? { 'content-type': 'application/octet-stream', 'x-file-name': 'observation.pdf' } : {}),
        },
        body: upload ? TINY_PDF : undefined,
        signal: AbortSignal.timeout(20_000),
      },
    );
    const body = await res.arrayBuffer();
    let code: string | null = null;
    if (!res.ok) {
      try {
        code =
          (JSON.parse(Buffer.from(body).toString('utf8')) as { error?: { code?: string } }).error?.code ??
          null;
      } catch {
        code = 'UNTYPED';
      }
    }
    return { at, ms: Date.now() - at, status: res.status, code };
  } catch (error) {
    return { at, ms: Date.now() - at, status: null, code: `NO_RESPONSE:${(error as Error).name}` };
  }
}

const httpHistogram = (outcomes: HttpOutcome[]) => {
  const h: Record<string, number> = {};
  for (const o of outcomes) {
    const k = o.code ? `${o.status ?? ''} ${o.code}`.trim() : `HTTP_${o.status}`;
    h[k] = (h[k] ?? 0) + 1;
  }
  return JSON.stringify(h);
};

async function main(): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'pathways-resilience-'));
  const pgPort = await findFreePort();
  const startDb = () =>
    startEmbeddedPostgres({ dataDir: folder, port: pgPort, database: 'pathways', onNotice: () => undefined });
  let db: EmbeddedPostgresHandle = await startDb();
  const apis: ApiProcess[] = [];
  const admin = new pg.Client({ connectionString: db.url });
  try {
    // Setup: schema, reference data, a small synthetic organisation, the API in production mode.
    await prepareDatabase(db.url);
    await admin.connect();
    await seedSyntheticData(admin, {
      orgs: 1,
      practitionersPerOrg: 60,
      evidencePerPractitioner: 5,
      seed: 7,
      asOf: new Date().toISOString().slice(0, 10),
      passwordHash: await argon2.hash(PASSWORD, { type: argon2.argon2id }),
    });
    await admin.end();
    const secret = randomBytes(32).toString('hex');
    const port = await findFreePort();
    const startApi = async (extraEnv: Record<string, string> = {}) => {
      const api = await startApiProcess({
        port,
        env: {
          NODE_ENV: 'production',
          PORT: String(port),
          DATABASE_URL: db.url,
          JWT_SECRET: secret,
          CREDENTIAL_KEY_SECRET: secret,
          // The API alone: these checks measure it, not the web app mounted beside it.
          WEB_ENABLED: 'false',
          PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
          DB_MIGRATIONS_RUN: 'false',
          SEED_DEMO: 'false',
          DB_POOL_SIZE: '10',
          LOG_LEVEL: 'error',
          ACCESS_TOKEN_TTL_SECONDS: '3600',
          ...extraEnv,
        },
      });
      apis.push(api);
      return api;
    };
    let api = await startApi();
    const tokens: string[] = [];
    for (let i = 2; i < 27; i++) {
      const res = await postGraphql<{ login: { accessToken: string } }>(
        api.url,
        `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`,
        { input: { email: syntheticEmail(1, `sw-${String(i).padStart(5, '0')}`), password: PASSWORD } },
      );
      if (!res.data?.login) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
      tokens.push(res.data.login.accessToken);
    }
    const countExisting = async (ids: string[]) => {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      try {
        const { rows } = await c.query<{ n: string }>(
          `SELECT count(*) AS n FROM evidence WHERE id = ANY($1::uuid[])`,
          [ids],
        );
        return Number(rows[0]!.n);
      } finally {
        await c.end();
      }
    };

    // 1. 50 clients for 30 s, a third of the requests writes.
    console.log('\n1. Load: 50 concurrent clients for 30 s, mixed reads and writes');
    const loadEnds = Date.now() + 30_000;
    const load = await drive(api.url, tokens, 50, 0.3, () => Date.now() > loadEnds);
    const acknowledged = load.flatMap((o) => (o.written ? [o.written] : []));
    const fiveXx = load.filter((o) => o.status !== null && o.status >= 500).length;
    const untyped = load.filter((o) =>
      o.codes.some((c) => c === 'INTERNAL_SERVER_ERROR' || c === 'UNTYPED'),
    ).length;
    const latencies = load.map((o) => o.ms).sort((a, b) => a - b);
    check(
      'no 5xx under load',
      fiveXx === 0 && untyped === 0,
      `${load.length} requests (${(load.length / 30).toFixed(0)}/s, p99 ${latencies[Math.floor(latencies.length * 0.99)]!.toFixed(0)} ms), outcomes ${histogram(load)}`,
    );
    check(
      'no lost acknowledged writes',
      (await countExisting(acknowledged)) === acknowledged.length,
      `${acknowledged.length} acknowledged writes, all stored`,
    );

    // 2. Restart PostgreSQL under load: typed, fast failures while it is down, recovery within 5 s.
    console.log('\n2. PostgreSQL restarted under load (10 clients), the API left running');
    // A draft with an attachment, for a client that downloads it and uploads to the draft throughout.
    // Setup, not under test: a socket the server closed as idle can fail one request, so try twice.
    const twice = async <T>(f: () => Promise<T>): Promise<T> =>
      f().catch(async () => (await sleep(500), f()));
    const draft = await twice(() =>
      postGraphql<{ createEvidence: { evidenceId: string } }>(
        api.url,
        CREATE_EVIDENCE,
        {
          input: { ...createEvidenceInput(new Date().toISOString().slice(0, 10)), title: 'Attachment probe' },
        },
        { token: tokens[0] },
      ),
    );
    if (!draft.data?.createEvidence) throw new Error(`draft failed: ${JSON.stringify(draft.errors)}`);
    const attachmentTarget = { evidenceId: draft.data.createEvidence.evidenceId, attachmentId: '' };
    const uploaded = await twice(() =>
      fetch(`${api.url}/evidence/${attachmentTarget.evidenceId}/attachments`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens[0]}`,
          'content-type': 'application/octet-stream',
          'x-file-name': 'observation.pdf',
        },
        body: TINY_PDF,
      }),
    );
    if (uploaded.status !== 201) throw new Error(`attachment upload failed: ${uploaded.status}`);
    attachmentTarget.attachmentId = ((await uploaded.json()) as { id: string }).id;
    let downAt = 0;
    let upAt = 0;
    let stopDriving = false;
    const driving = drive(api.url, tokens, 10, 0.3, () => stopDriving);
    const attachmentCalls: HttpOutcome[] = [];
    const probingAttachments = (async () => {
      for (let i = 0; !stopDriving; i++) {
        attachmentCalls.push(await attachmentRequest(api.url, tokens[0]!, attachmentTarget, i % 2 === 1));
        await sleep(100);
      }
    })();
    await sleep(3_000);
    await db.stop();
    downAt = Date.now();
    await sleep(5_000);
    db = await startDb();
    upAt = Date.now();
    await sleep(8_000);
    stopDriving = true;
    const restart = await driving;
    await probingAttachments;
    const whileDown = restart.filter((o) => o.at >= downAt && o.at + o.ms <= upAt);
    const badWhileDown = whileDown.filter((o) => o.ok || o.codes.some((c) => c !== 'SERVICE_UNAVAILABLE'));
    const slowest = Math.max(0, ...whileDown.map((o) => o.ms));
    check(
      'typed, fast failures while PostgreSQL is down',
      whileDown.length > 0 && badWhileDown.filter((o) => !o.ok).length === 0 && slowest <= 6_000,
      `${whileDown.length} requests while down, outcomes ${histogram(whileDown)}, slowest ${slowest.toFixed(0)} ms`,
    );
    const firstOk = restart.find((o) => o.ok && o.at >= upAt);
    const recovery = firstOk ? (firstOk.at + firstOk.ms - upAt) / 1000 : Infinity;
    const afterRecovery = restart.filter((o) => o.at >= upAt + 5_000);
    check(
      'requests succeed again within 5 s of PostgreSQL returning, without restarting the API',
      recovery <= 5 &&
        afterRecovery.length > 0 &&
        afterRecovery.every((o) => o.ok) &&
        api.child.exitCode === null,
      `first success ${recovery.toFixed(2)} s after it returned; from 5 s on ${histogram(afterRecovery)}`,
    );
    const restartWrites = restart.flatMap((o) => (o.written ? [o.written] : []));
    check(
      'no lost acknowledged writes across the restart',
      (await countExisting(restartWrites)) === restartWrites.length,
      `${restartWrites.length} acknowledged writes, all stored`,
    );
    if (process.env.RESILIENCE_DEBUG) writeFileSync(process.env.RESILIENCE_DEBUG, api.output());
    const unexpected = api
      .output()
      .split('\n')
      .filter((l) => l.includes('unexpected error'));
    check(
      'no 5xx across the restart',
      restart.every((o) => o.status === null || o.status < 500) &&
        !restart.some((o) => o.codes.includes('INTERNAL_SERVER_ERROR')),
      `outcomes ${histogram(restart)}${restart
        .filter((o) => o.unexpected)
        .map((o) => `; ${o.unexpected}`)
        .slice(0, 3)
        .join('')}${unexpected.length ? `; the API logged: ${unexpected.slice(0, 3).join(' | ')}` : ''}`,
    );

    const attachmentsDown = attachmentCalls.filter((o) => o.at >= downAt && o.at + o.ms <= upAt);
    const slowestAttachment = Math.max(0, ...attachmentsDown.map((o) => o.ms));
    check(
      'attachment downloads and uploads answer 503 SERVICE_UNAVAILABLE at once while PostgreSQL is down',
      // As for GraphQL above, a request the server finished before it went away may still succeed.
      attachmentsDown.some((o) => o.status === 503) &&
        attachmentsDown.every(
          (o) =>
            o.status === 200 || o.status === 201 || (o.status === 503 && o.code === 'SERVICE_UNAVAILABLE'),
        ) &&
        slowestAttachment <= 6_000,
      `${attachmentsDown.length} requests while down, outcomes ${httpHistogram(attachmentsDown)}, slowest ${slowestAttachment.toFixed(0)} ms`,
    );
    const attachmentsAfter = attachmentCalls.filter((o) => o.at >= upAt + 5_000);
    check(
      'attachment routes serve again after PostgreSQL returns, never a 500',
      attachmentsAfter.length > 0 &&
        attachmentsAfter.every((o) => o.status === 200 || o.status === 201) &&
        attachmentCalls.every((o) => o.status !== 500),
      `from 5 s on ${httpHistogram(attachmentsAfter)}; in all ${httpHistogram(attachmentCalls)}`,
    );

    // 3. Every pooled connection busy: new requests time out with a typed error instead of hanging.
    console.log('\n3. Connection pool exhausted by slow queries');
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE evidence_version IN ACCESS EXCLUSIVE MODE');
    const blocked = Array.from({ length: 14 }, (_, i) =>
      request(api.url, tokens[i % tokens.length]!, false, 0),
    );
    await sleep(1_000);
    const probe = await request(api.url, tokens[0]!, false, 3);
    await holder.query('COMMIT');
    await holder.end();
    const unblocked = await Promise.all(blocked);
    check(
      'a request finds no free connection: typed error, no hang',
      !probe.ok &&
        probe.codes.length > 0 &&
        probe.codes.every((c) => c === 'SERVICE_UNAVAILABLE') &&
        probe.ms < 8_000,
      `answered in ${probe.ms.toFixed(0)} ms with ${probe.codes.join(', ') || (probe.ok ? 'success' : `HTTP ${probe.status}`)} (pool wait limit 5 s)`,
    );
    check(
      'the held requests end cleanly when the slow queries finish',
      unblocked.every((o) => o.ok || o.codes.every((c) => c === 'SERVICE_UNAVAILABLE')) &&
        unblocked.every((o) => o.ms < 20_000),
      `outcomes ${histogram(unblocked)}`,
    );
    const after = await request(api.url, tokens[0]!, false, 0);
    check(
      'the pool serves again afterwards',
      after.ok,
      after.ok ? `portfolio in ${after.ms.toFixed(0)} ms` : after.codes.join(', '),
    );

    // 4. SIGKILL the API while 20 clients write: no evidence without its version, mappings and audit.
    console.log('\n4. The API killed (SIGKILL) in the middle of writes');
    let killed = false;
    const writing = drive(api.url, tokens, 20, 1, () => killed);
    await sleep(1_500);
    await api.kill();
    killed = true;
    const writes = await writing;
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const orphans = await c.query<{
      without_version: string;
      wrong_mappings: string;
      without_audit: string;
      pieces: string;
    }>(
      `SELECT (SELECT count(*) FROM evidence e WHERE NOT EXISTS (SELECT 1 FROM evidence_version v WHERE v.evidence_id = e.id)) AS without_version,
              (SELECT count(*) FROM evidence_version v WHERE v.title LIKE $1
                  AND (SELECT count(*) FROM evidence_mapping m WHERE m.evidence_version_id = v.id) <> 3) AS wrong_mappings,
              (SELECT count(*) FROM evidence_version v WHERE v.title LIKE $1 AND NOT EXISTS
                  (SELECT 1 FROM audit_event a WHERE a.entity_id = v.evidence_id AND a.action = 'EVIDENCE_CREATED')) AS without_audit,
              (SELECT count(*) FROM evidence_version v WHERE v.title LIKE $1) AS pieces`,
      [`${WRITE_TITLE}%`],
    );
    await c.end();
    const o = orphans.rows[0]!;
    const killWrites = writes.flatMap((w) => (w.written ? [w.written] : []));
    check(
      'no half-written evidence after the kill',
      Number(o.without_version) === 0 && Number(o.wrong_mappings) === 0 && Number(o.without_audit) === 0,
      `${o.pieces} written pieces in all; without a version ${o.without_version}, without their 3 mappings ${o.wrong_mappings}, without their audit record ${o.without_audit}`,
    );
    check(
      'no lost acknowledged writes before the kill',
      (await countExisting(killWrites)) === killWrites.length,
      `${killWrites.length} acknowledged before the kill, all stored`,
    );
    api = await startApi();
    const again = await request(api.url, tokens[0]!, true, 0);
    check(
      'the API restarts and writes again',
      again.ok,
      again.ok ? `write in ${again.ms.toFixed(0)} ms` : again.codes.join(', '),
    );

    // 5. Reminders due, the API killed while its reminder job emails them, restarted, the scan run
    //    again: each reminder stored once and emailed at most once.
    console.log('\n5. The API killed (SIGKILL) while the reminder job sends emails, then the scan run again');
    await api.stop();
    const smtp = await startLoopbackSmtp({ acceptDelayMs: 40 });
    const q = new pg.Client({ connectionString: db.url });
    await q.connect();
    const boss = new PgBoss({
      connectionString: db.url,
      schema: 'pgboss',
      supervise: false,
      schedule: false,
      migrate: false,
      max: 1,
    });
    try {
      // Due: every submission has waited a month for its review (a reminder to its reviewer each),
      // including 80 of the drafts written above, now submitted to a reviewer.
      await q.query('DELETE FROM notification');
      await q.query(
        `WITH reviewer AS (SELECT reviewer_user_id AS id FROM evidence_version WHERE reviewer_user_id IS NOT NULL LIMIT 1)
         UPDATE evidence_version v SET status = 'SUBMITTED', reviewer_user_id = reviewer.id,
                submitted_at = now(), assessment_context = 'CPD'
           FROM reviewer
          WHERE v.id IN (SELECT id FROM evidence_version WHERE status = 'DRAFT' AND title LIKE $1
                           AND owner_user_id <> (SELECT id FROM reviewer) ORDER BY id LIMIT 80)`,
        [`${WRITE_TITLE}%`],
      );
      await q.query(
        `UPDATE evidence_version SET submitted_at = now() - interval '30 days' WHERE status = 'SUBMITTED'`,
      );
      const mailEnv = {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'pathways@resilience.example',
        // Only the scans sent below run: the schedule stays out of the way.
        REMINDER_SCAN_CRON: '0 3 1 1 *',
      };
      api = await startApi(mailEnv);
      await boss.start();
      await boss.send('reminder-scan', {}, { singletonKey: 'resilience-before-kill' });
      const until = async (what: string, done: () => Promise<boolean> | boolean, ms: number) => {
        const end = Date.now() + ms;
        while (!(await done())) {
          if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
          await sleep(50);
        }
      };
      await until('the first emails', () => smtp.messages.length >= 10, 60_000);
      await api.kill();
      const countRows = async () => {
        const { rows } = await q.query<{ rows: string; emailed: string; duplicates: string }>(
          `SELECT count(*) AS rows, count(emailed_at) AS emailed,
                  count(*) - count(DISTINCT (organisation_id, recipient_user_id, dedupe_key)) AS duplicates
             FROM notification`,
        );
        return {
          rows: Number(rows[0]!.rows),
          emailed: Number(rows[0]!.emailed),
          duplicates: Number(rows[0]!.duplicates),
        };
      };
      const atKill = { ...(await countRows()), messages: smtp.messages.length };
      api = await startApi(mailEnv);
      const secondJob = await boss.send('reminder-scan', {}, { singletonKey: 'resilience-after-restart' });
      await until(
        'the scan after the restart',
        async () => (await boss.getJobById('reminder-scan', secondJob!))?.state === 'completed',
        60_000,
      );
      const after = await countRows();
      const { rows: unknownIds } = await q.query<{ n: string }>(
        `SELECT count(*) AS n FROM unnest($1::text[]) m(id)
          WHERE NOT EXISTS (SELECT 1 FROM notification n WHERE m.id = '<notification-' || n.id || '@pathways>')`,
        [smtp.messages.map((m) => messageHeader(m, 'Message-ID') ?? '')],
      );
      const byId = new Map<string, number>();
      for (const m of smtp.messages) {
        const id = messageHeader(m, 'Message-ID') ?? '';
        byId.set(id, (byId.get(id) ?? 0) + 1);
      }
      const sentTwice = [...byId.values()].filter((n) => n > 1).length;
      check(
        'each due reminder stored once across the kill and the second scan',
        atKill.rows >= 50 && after.duplicates === 0 && after.rows === atKill.rows,
        `${atKill.rows} reminders stored before the kill, ${after.rows} after the second scan, ${after.duplicates} duplicated`,
      );
      check(
        'no reminder emailed twice across the kill',
        atKill.messages < after.rows &&
          sentTwice === 0 &&
          Number(unknownIds[0]!.n) === 0 &&
          after.emailed === after.rows &&
          after.rows - smtp.messages.length <= 1,
        `killed after ${atKill.messages} of ${atKill.rows} emails; ${smtp.messages.length} emails in all for ${after.rows} reminders, ${sentTwice} sent twice, ${after.rows - smtp.messages.length} lost in flight at the kill`,
      );
    } finally {
      await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
      await q.end().catch(() => undefined);
      await smtp.close();
    }
  } finally {
    for (const a of apis) await a.stop(5_000).catch(() => undefined);
    await admin.end().catch(() => undefined);
    await db.stop().catch(() => undefined);
    await rm(folder, { recursive: true, force: true });
  }
}

const started = Date.now();
const deadline = setTimeout(() => {
  console.error(`\nFAIL: the resilience suite did not finish within ${OVERALL_DEADLINE_MS / 1000} s`);
  process.exit(1);
}, OVERALL_DEADLINE_MS);
try {
  await main();
} catch (error) {
  check('the suite ran to the end', false, String((error as Error).stack ?? error).slice(0, 2_000));
}
clearTimeout(deadline);
const failed = checks.filter((c) => !c.passed);
console.log(
  `\nResilience: ${checks.length - failed.length} of ${checks.length} checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
for (const f of failed) console.log(`  FAILED: ${f.name}`);
console.log(failed.length === 0 ? 'PASS' : 'FAIL');
process.exit(failed.length === 0 ? 0 : 1);
