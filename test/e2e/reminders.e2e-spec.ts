import type { OrganisationEntity } from '#app/persistence';
import {
  createAssessorRelationship,
  createMember,
  createOrganisation,
  gql,
  startLoopbackSmtp,
} from '#app/testing';
import { JobQueueService } from '../../apps/api/src/modules/notifications/job-queue.service.js';
import {
  ReminderScanService,
  type ReminderScanResult,
} from '../../apps/api/src/modules/notifications/reminder-scan.service.js';
import { asyeMutation, ok, refusal } from './support/compliance-operations.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { FixedClock } from './support/fixed-clock.js';
import { CREATE_EVIDENCE, pcf, SUBMIT_EVIDENCE } from './support/portfolio-operations.js';
import { login, type Session } from './support/sessions.js';

const NOTIFICATIONS = `query ($unreadOnly: Boolean) { notifications(unreadOnly: $unreadOnly) { nodes { id kind title body entityType readAt } } }`;
const MARK_READ = `mutation ($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { ids unreadCount } }`;
const RUN_SCAN = `mutation { runReminderScan { organisationId status counts { cpdDeadline reviewWaiting asyeReviewDue supervisionOverdue emailed } } }`;

interface ScanRun {
  runReminderScan: {
    organisationId: string;
    status: string;
    counts: Record<
      'cpdDeadline' | 'reviewWaiting' | 'asyeReviewDue' | 'supervisionOverdue' | 'emailed',
      number
    > | null;
  };
}

const countIn = async (ctx: E2eContext, organisationId: string): Promise<number> =>
  (
    await ctx.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE organisation_id = $1`, [
      organisationId,
    ])
  )[0].n;

interface Row {
  recipient_user_id: string;
  kind: string;
  dedupe_key: string;
}

const notifications = (ctx: E2eContext): Promise<Row[]> =>
  ctx.dataSource.query(
    `SELECT recipient_user_id, kind, dedupe_key FROM notification ORDER BY kind, dedupe_key, recipient_user_id`,
  );

const duplicates = async (ctx: E2eContext) =>
  ctx.dataSource.query(
    `SELECT recipient_user_id, dedupe_key, count(*)::int AS n FROM notification GROUP BY 1, 2 HAVING count(*) > 1`,
  );

const total = (r: ReminderScanResult) =>
  r.CPD_DEADLINE + r.REVIEW_WAITING + r.ASYE_REVIEW_DUE + r.SUPERVISION_OVERDUE;

/** An organisation with something to remind everyone of on 1 October 2026. */
async function seed(ctx: E2eContext) {
  const org: OrganisationEntity = await createOrganisation(ctx.dataSource);
  const practitioner = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], {
    fullName: 'Priya Practitioner',
  });
  const reviewer = await createMember(ctx.dataSource, org.id, ['ASSESSOR', 'PRACTITIONER'], {
    fullName: 'Asha Assessor',
  });
  const nqsw = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], {
    fullName: 'Nia NQSW',
    dateQualified: '2026-05-01',
  });
  const psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER']);
  await ctx.dataSource.query(
    `UPDATE membership SET created_at = '2025-01-01T09:00:00Z' WHERE organisation_id = $1`,
    [org.id],
  );
  await createAssessorRelationship(
    ctx.dataSource,
    org.id,
    reviewer.user.id,
    practitioner.user.id,
    'SUPERVISOR',
  );
  return { org, practitioner, reviewer, nqsw, psw };
}

describe('reminders: the scan, sent exactly once with time controlled (e2e)', () => {
  const clock = new FixedClock(new Date('2026-06-01T09:00:00Z'));
  let ctx: E2eContext;
  let scan: ReminderScanService;
  let people: Awaited<ReturnType<typeof seed>>;
  let asPractitioner: Session;
  let asReviewer: Session;

  beforeAll(async () => {
    ctx = await createTestApp({}, { clock });
    scan = ctx.app.get(ReminderScanService);
    people = await seed(ctx);
    asPractitioner = await login(ctx.app, people.practitioner.email);
    asReviewer = await login(ctx.app, people.reviewer.email);
    const asPsw = await login(ctx.app, people.psw.email);

    // An ASYE started on 1 June: its 3-month review point is due on 1 September.
    clock.set('2026-06-01T09:00:00Z');
    await ok(
      ctx.app,
      asyeMutation('startAsye', 'StartAsyeInput'),
      {
        input: {
          practitionerId: people.nqsw.user.id,
          assessorId: people.reviewer.user.id,
          lineManagerId: people.psw.user.id,
          startDate: '2026-06-01',
        },
      },
      asPsw,
    );
    // A submission made on 1 September and left waiting.
    clock.set('2026-09-01T09:00:00Z');
    const created = await ok<{ createEvidence: { evidenceId: string } }>(
      ctx.app,
      CREATE_EVIDENCE,
      {
        input: {
          kind: 'DIRECT_OBSERVATION',
          title: 'Home visit observed',
          dateFrom: '2026-08-28',
          description: 'Observed visit.',
          learning: 'Pacing.',
          impact: 'Calmer visits.',
          mappings: [pcf('PROFESSIONALISM', 'SOCIAL_WORKER')],
        },
      },
      asPractitioner,
    );
    await ok(
      ctx.app,
      SUBMIT_EVIDENCE,
      { input: { evidenceId: created.createEvidence.evidenceId, reviewerUserId: people.reviewer.user.id } },
      asPractitioner,
    );
  });
  afterAll(() => ctx.close());

  it('should create each kind of reminder once, however often the scan runs', async () => {
    const asOf = new Date('2026-10-01T08:00:00Z'); // 60 days before the SWE deadline
    const first = await scan.runReminderScan(asOf);
    const { reviewer, nqsw } = people;
    expect(first).toMatchObject({ CPD_DEADLINE: 3, REVIEW_WAITING: 1, ASYE_REVIEW_DUE: 2, emailed: 0 });
    expect(first.SUPERVISION_OVERDUE).toBe(4); // three supervisees, and the reviewer as the practitioner's supervisor

    const rows = await notifications(ctx);
    expect(rows.filter((r) => r.kind === 'CPD_DEADLINE').map((r) => r.dedupe_key)).toEqual([
      'CPD_DEADLINE:SWE_2022_TWO_PIECES_PEER:2026-11-30:60',
      'CPD_DEADLINE:SWE_2022_TWO_PIECES_PEER:2026-11-30:60',
      'CPD_DEADLINE:SWE_2022_TWO_PIECES_PEER:2026-11-30:60',
    ]);
    expect(rows.filter((r) => r.kind === 'REVIEW_WAITING').map((r) => r.recipient_user_id)).toEqual([
      reviewer.user.id,
    ]);
    expect(
      rows
        .filter((r) => r.kind === 'ASYE_REVIEW_DUE')
        .map((r) => r.recipient_user_id)
        .sort(),
    ).toEqual([reviewer.user.id, nqsw.user.id].sort());
    expect(rows.filter((r) => r.kind === 'ASYE_REVIEW_DUE')[0]!.dedupe_key).toMatch(
      /:THREE_MONTH:2026-09-01$/,
    );
    expect(
      rows.filter((r) => r.kind === 'SUPERVISION_OVERDUE' && r.recipient_user_id === reviewer.user.id),
    ).toHaveLength(2);

    expect(total(await scan.runReminderScan(asOf))).toBe(0);
    expect(total(await scan.runReminderScan(new Date('2026-10-02T08:00:00Z')))).toBe(0);
    expect(await notifications(ctx)).toHaveLength(rows.length);
  });

  it('should send the next threshold exactly once from two scans at once and from a second instance', async () => {
    const asOf = new Date('2026-10-31T08:00:00Z'); // 30 days before the deadline
    const [a, b] = await Promise.all([scan.runReminderScan(asOf), scan.runReminderScan(asOf)]);
    expect(a.CPD_DEADLINE + b.CPD_DEADLINE).toBe(3);
    expect(await duplicates(ctx)).toEqual([]);

    // Restart-style: another API instance on the same database finds nothing left to send.
    const second = await createTestApp({}, { clock, databaseUrl: ctx.databaseUrl });
    try {
      expect(total(await second.app.get(ReminderScanService).runReminderScan(asOf))).toBe(0);
    } finally {
      await second.app.close();
    }
    const keys = (await notifications(ctx)).filter(
      (r) => r.recipient_user_id === people.practitioner.user.id && r.kind === 'CPD_DEADLINE',
    );
    expect(keys.map((k) => k.dedupe_key)).toEqual([
      'CPD_DEADLINE:SWE_2022_TWO_PIECES_PEER:2026-11-30:30',
      'CPD_DEADLINE:SWE_2022_TWO_PIECES_PEER:2026-11-30:60',
    ]);
  });

  it('should show and mark read only the caller’s own notifications, naming nobody else', async () => {
    const mine = (
      await ok<{ notifications: { nodes: { id: string; kind: string; body: string }[] } }>(
        ctx.app,
        NOTIFICATIONS,
        {},
        asPractitioner,
      )
    ).notifications.nodes;
    expect(mine.map((n) => n.kind).sort()).toEqual(['CPD_DEADLINE', 'CPD_DEADLINE', 'SUPERVISION_OVERDUE']);
    const forReviewer = (
      await ok<{ notifications: { nodes: { kind: string; body: string }[] } }>(
        ctx.app,
        NOTIFICATIONS,
        {},
        asReviewer,
      )
    ).notifications.nodes;
    const waiting = forReviewer.find((n) => n.kind === 'REVIEW_WAITING')!;
    expect(waiting.body).toMatch(/submitted to you on 2026-09-01 has waited more than 14 days/);
    expect(forReviewer.map((n) => n.body).join(' ')).not.toMatch(/Priya|Nia/);

    const stolen = await ok<{ markNotificationsRead: { ids: string[] } }>(
      ctx.app,
      MARK_READ,
      { input: { ids: mine.map((n) => n.id) } },
      asReviewer,
    );
    expect(stolen.markNotificationsRead.ids).toEqual([]);
    const marked = await ok<{ markNotificationsRead: { ids: string[]; unreadCount: number } }>(
      ctx.app,
      MARK_READ,
      { input: { ids: [mine[0]!.id] } },
      asPractitioner,
    );
    expect(marked.markNotificationsRead).toEqual({ ids: [mine[0]!.id], unreadCount: 2 });
    const unread = (
      await ok<{ notifications: { nodes: unknown[] } }>(
        ctx.app,
        NOTIFICATIONS,
        { unreadOnly: true },
        asPractitioner,
      )
    ).notifications.nodes;
    expect(unread).toHaveLength(2);
    const bad = await gql(ctx.app, MARK_READ, { input: { ids: ['not-an-id'] } }, { as: asPractitioner });
    expect(refusal(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ids' });
  });

  it('should run the scan of the caller’s organisation only when an administrator or PSW asks, once however often, and refuse anyone else', async () => {
    const other = await seed(ctx);
    const asOtherAdmin = await login(
      ctx.app,
      (await createMember(ctx.dataSource, other.org.id, ['ORG_ADMIN'])).email,
    );
    clock.set('2026-11-23T08:00:00Z'); // 7 days before the SWE deadline
    const before = await countIn(ctx, people.org.id);

    const asPsw = await login(ctx.app, people.psw.email);
    const run = await ok<ScanRun>(ctx.app, RUN_SCAN, {}, asPsw);
    expect(run.runReminderScan).toMatchObject({ organisationId: people.org.id, status: 'COMPLETED' });
    const { emailed, ...created } = run.runReminderScan.counts!;
    expect(created.cpdDeadline).toBe(3);
    expect(emailed).toBe(0);
    const stored = before + Object.values(created).reduce((a, b) => a + b, 0);
    expect(await countIn(ctx, people.org.id)).toBe(stored);
    expect(await countIn(ctx, other.org.id)).toBe(0); // nobody else's organisation was scanned

    const again = await ok<ScanRun>(ctx.app, RUN_SCAN, {}, asPsw);
    expect(again.runReminderScan.counts).toEqual({
      cpdDeadline: 0,
      reviewWaiting: 0,
      asyeReviewDue: 0,
      supervisionOverdue: 0,
      emailed: 0,
    });
    for (const who of [asPractitioner, asReviewer]) {
      expect(refusal(await gql(ctx.app, RUN_SCAN, {}, { as: who })).code).toBe('FORBIDDEN');
    }
    expect(await countIn(ctx, other.org.id)).toBe(0);

    const theirs = await ok<ScanRun>(ctx.app, RUN_SCAN, {}, asOtherAdmin);
    expect(theirs.runReminderScan).toMatchObject({ organisationId: other.org.id, status: 'COMPLETED' });
    expect(await countIn(ctx, other.org.id)).toBeGreaterThan(0);
    expect(await countIn(ctx, people.org.id)).toBe(stored);
    expect(await duplicates(ctx)).toEqual([]);
  });
});

describe('reminders through the job queue (e2e)', () => {
  const clock = new FixedClock(new Date('2026-10-01T08:00:00Z'));
  let first: E2eContext;
  let second: E2eContext;

  beforeAll(async () => {
    first = await createTestApp({ JOBS_ENABLED: 'true' }, { clock });
    second = await createTestApp({ JOBS_ENABLED: 'true' }, { clock, databaseUrl: first.databaseUrl });
  });
  afterAll(async () => {
    await second.app.close();
    await first.close();
  });

  it('should run the scan as a job and store each reminder once with two instances asking at once', async () => {
    const people = await seed(first);
    const queues = [first.app.get(JobQueueService), second.app.get(JobQueueService)];
    expect(queues.every((q) => q.running)).toBe(true);
    await Promise.all(queues.map((q) => q.enqueueReminderScan()));

    const deadline = Date.now() + 15_000;
    let rows: Row[];
    for (;;) {
      rows = await notifications(first);
      const pending = await Promise.all(queues.map((q) => q.pendingReminderScans()));
      if (rows.length > 0 && pending.every((n) => n === 0)) break;
      if (Date.now() > deadline) throw new Error(`the job did not run: ${JSON.stringify({ rows, pending })}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await duplicates(first)).toEqual([]);
    expect(
      rows
        .filter((r) => r.kind === 'CPD_DEADLINE' && r.recipient_user_id === people.practitioner.user.id)
        .map((r) => r.dedupe_key),
    ).toEqual(['CPD_DEADLINE:SWE_2022_TWO_PIECES_PEER:2026-11-30:60']);
    const [{ n }] = await first.dataSource.query(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'reminder-scan' AND state = 'completed'`,
    );
    expect(n).toBeGreaterThanOrEqual(1);
  });

  it('should queue a scan of the caller’s organisation only when they ask for one', async () => {
    const mine = await seed(first);
    const other = await seed(first);
    const asPsw = await login(first.app, mine.psw.email);
    const run = await ok<ScanRun>(first.app, RUN_SCAN, {}, asPsw);
    expect(run.runReminderScan).toMatchObject({ organisationId: mine.org.id, counts: null });
    expect(['QUEUED', 'ALREADY_QUEUED']).toContain(run.runReminderScan.status);

    const queue = first.app.get(JobQueueService);
    const deadline = Date.now() + 15_000;
    while ((await countIn(first, mine.org.id)) === 0 || (await queue.pendingReminderScans()) > 0) {
      if (Date.now() > deadline) throw new Error('the job did not run');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await countIn(first, other.org.id)).toBe(0);
    const [job] = await first.dataSource.query(
      `SELECT data, singleton_key FROM pgboss.job WHERE name = 'reminder-scan' AND data->>'organisationId' = $1`,
      [mine.org.id],
    );
    expect(job).toMatchObject({ singleton_key: `reminder-scan:${mine.org.id}` });
  });

  it('should keep a failed job’s message, which may quote personal data, out of the queue’s table', async () => {
    const marker = 'Jane Q. Example, 14 Acacia Road';
    // The scan fails as a database error would, with a message quoting what it was writing.
    const scans = [first, second].map((c) => c.app.get(ReminderScanService));
    const originals = scans.map((scan) => scan.runReminderScan.bind(scan));
    for (const scan of scans) {
      scan.runReminderScan = () => Promise.reject(new Error(`constraint failed for ${marker}`));
    }
    try {
      await first.app.get(JobQueueService).enqueueReminderScan();
      const deadline = Date.now() + 15_000;
      let failed: { output: unknown }[] = [];
      while (failed.length === 0) {
        if (Date.now() > deadline) throw new Error('the job did not fail');
        await new Promise((resolve) => setTimeout(resolve, 200));
        failed = await first.dataSource.query(
          `SELECT output FROM pgboss.job WHERE name = 'reminder-scan' AND state IN ('retry', 'failed')`,
        );
      }
      const stored = JSON.stringify(failed);
      expect(stored).toContain('Error (details withheld');
      expect(stored).not.toContain(marker);
    } finally {
      scans.forEach((scan, i) => (scan.runReminderScan = originals[i]!));
    }
  });
});

describe('reminder emails (e2e)', () => {
  const clock = new FixedClock(new Date('2026-10-01T08:00:00Z'));
  let ctx: E2eContext;
  let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>>;

  beforeAll(async () => {
    smtp = await startLoopbackSmtp();
    ctx = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'pathways@test.example' }, { clock });
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.close();
  });

  it('should email each notification once, even from two scans at once', async () => {
    const people = await seed(ctx);
    const scan = ctx.app.get(ReminderScanService);
    const asOf = new Date('2026-10-01T08:00:00Z');
    const [a, b] = await Promise.all([scan.runReminderScan(asOf), scan.runReminderScan(asOf)]);
    const stored: { emailed_at: Date | null }[] = await ctx.dataSource.query(
      `SELECT emailed_at FROM notification`,
    );
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((n) => n.emailed_at !== null)).toBe(true);
    expect(a.emailed + b.emailed).toBe(stored.length);
    expect(smtp.messages).toHaveLength(stored.length);
    expect(smtp.messages.some((m) => m.includes(`To: ${people.practitioner.email}`))).toBe(true);
    const messageIds = smtp.messages.map((m) => /^Message-ID: (.+)$/im.exec(m)?.[1]);
    expect(new Set(messageIds).size).toBe(stored.length);

    await scan.runReminderScan(asOf);
    expect(smtp.messages).toHaveLength(stored.length);
  });
});
