import pg from 'pg';
import PgBoss from 'pg-boss';
import { messageHeader, startLoopbackSmtp } from '#app/testing';
import { sleep } from '../harness/check-list.js';
import { WRITE_TITLE } from '../harness/drive-clients.js';
import type { Check, ResilienceRun } from './resilience-run.js';

/** Reminders stored, emailed and stored twice, as the notification table holds them. */
interface NotificationCounts {
  rows: number;
  emailed: number;
  duplicates: number;
}

/**
 * 5. Reminders due, the API killed while its reminder job emails them, restarted, the scan run
 *    again: each reminder stored once and emailed at most once.
 */
export async function checkRemindersAcrossKill(run: ResilienceRun): Promise<void> {
  console.log('\n5. The API killed (SIGKILL) while the reminder job sends emails, then the scan run again');
  await run.api.stop();
  const smtp = await startLoopbackSmtp({ acceptDelayMs: 40 });
  const q = new pg.Client({ connectionString: run.db.url });
  await q.connect();
  const boss = new PgBoss({
    connectionString: run.db.url,
    schema: 'pgboss',
    supervise: false,
    schedule: false,
    migrate: false,
    max: 1,
  });
  try {
    await makeRemindersDue(q);
    const mailEnv = {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'pathways@resilience.example',
      // Only the scans sent below run: the schedule stays out of the way.
      REMINDER_SCAN_CRON: '0 3 1 1 *',
    };
    run.api = await run.startApi(mailEnv);
    await boss.start();
    await boss.send('reminder-scan', {}, { singletonKey: 'resilience-before-kill' });
    await until('the first emails', () => smtp.messages.length >= 10, 60_000);
    await run.api.kill();
    const atKill = { ...(await countNotifications(q)), messages: smtp.messages.length };
    run.api = await run.startApi(mailEnv);
    const secondJob = await boss.send('reminder-scan', {}, { singletonKey: 'resilience-after-restart' });
    await until(
      'the scan after the restart',
      async () => (await boss.getJobById('reminder-scan', secondJob!))?.state === 'completed',
      60_000,
    );
    const after = await countNotifications(q);
    await checkRemindersOnce(run.check, q, smtp.messages, atKill, after);
  } finally {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    await q.end().catch(() => undefined);
    await smtp.close();
  }
}

async function makeRemindersDue(q: pg.Client): Promise<void> {
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
}

async function until(what: string, done: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function countNotifications(q: pg.Client): Promise<NotificationCounts> {
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
}

async function checkRemindersOnce(
  check: Check,
  q: pg.Client,
  messages: string[],
  atKill: NotificationCounts & { messages: number },
  after: NotificationCounts,
): Promise<void> {
  const { rows: unknownIds } = await q.query<{ n: string }>(
    `SELECT count(*) AS n FROM unnest($1::text[]) m(id)
      WHERE NOT EXISTS (SELECT 1 FROM notification n WHERE m.id = '<notification-' || n.id || '@pathways>')`,
    [messages.map((m) => messageHeader(m, 'Message-ID') ?? '')],
  );
  const byId = new Map<string, number>();
  for (const m of messages) {
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
      after.rows - messages.length <= 1,
    `killed after ${atKill.messages} of ${atKill.rows} emails; ${messages.length} emails in all for ${after.rows} reminders, ${sentTwice} sent twice, ${after.rows - messages.length} lost in flight at the kill`,
  );
}
