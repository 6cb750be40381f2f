import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { Clock } from '../../common/clock.js';
import { MetricsService } from '../../metrics/metrics.service.js';
import { ReminderScanService } from './reminder-scan.service.js';

export const REMINDER_SCAN_QUEUE = 'reminder-scan';

/**
 * The durable job queue (pg-boss, in its own schema of the same PostgreSQL): a cron schedule puts
 * one reminder-scan job a run on the queue, whichever instance's clock fires first, and one
 * instance's worker runs it. The queue is "stately" (at most one job waiting and one running) and
 * each job has a singleton key, so instances and restarts do not pile up scans; the scan's own
 * dedupe keys make even overlapping scans harmless. Off when JOBS_ENABLED is false.
 */
@Injectable()
export class JobQueueService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobQueueService.name);
  private boss: PgBoss | null = null;
  private workerId: string | null = null;
  /** Queues other features registered (before start-up), each worked by this instance. */
  private readonly featureQueues = new Map<
    string,
    { handler: (data: Record<string, unknown>) => Promise<unknown>; workerId: string | null }
  >();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly scan: ReminderScanService,
    private readonly clock: Clock,
    metrics: MetricsService,
  ) {
    metrics.reportQueueDepths(() => this.queueDepths());
  }

  get running(): boolean {
    return this.boss !== null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobs.enabled) return;
    const boss = new PgBoss({
      connectionString: (this.dataSource.options as { url?: string }).url,
      schema: 'pgboss',
      application_name: 'pathways-jobs',
      max: 2,
    });
    boss.on('error', (error) => this.logger.error(`job queue error: ${error.name}`));
    // Instances starting together would race pg-boss's schema install and queue creation (in CI
    // two did, and PostgreSQL ended one with "deadlock detected"): the set-up runs under a session
    // advisory lock, one instance at a time; the second then finds everything in place.
    await this.whileHoldingSetUpLock(async () => {
      await boss.start();
      await this.ensureQueue(boss, REMINDER_SCAN_QUEUE, {
        policy: 'stately',
        retryLimit: 3,
        retryDelay: 60,
        expireInSeconds: 15 * 60,
      });
      for (const name of this.featureQueues.keys()) {
        await this.ensureQueue(boss, name, {
          policy: 'standard',
          retryLimit: 2,
          retryDelay: 30,
          expireInSeconds: 15 * 60,
        });
      }
      await boss.schedule(
        REMINDER_SCAN_QUEUE,
        this.config.jobs.reminderScanCron,
        {},
        {
          tz: 'Europe/London',
          singletonKey: REMINDER_SCAN_QUEUE,
        },
      );
    });
    this.workerId = await boss.work<{ organisationId?: string | null }>(
      REMINDER_SCAN_QUEUE,
      { pollingIntervalSeconds: 1 },
      ([job]) =>
        this.withoutDetail(REMINDER_SCAN_QUEUE, async () => {
          // The schedule's jobs scan everyone; a job one organisation asked for scans only it.
          const result = await this.scan.runReminderScan(this.clock.now(), job?.data?.organisationId ?? null);
          this.logger.log(`reminder scan: ${JSON.stringify(result)}`);
          return result;
        }),
    );
    for (const [name, queue] of this.featureQueues) {
      queue.workerId = await boss.work<Record<string, unknown>>(name, { pollingIntervalSeconds: 1 }, (jobs) =>
        this.withoutDetail(name, async () => {
          for (const job of jobs) await queue.handler(job.data);
        }),
      );
    }
    this.boss = boss;
  }

  private async ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, 'name'>): Promise<void> {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...options });
  }

  /** Runs `work` while this instance holds the job queue's set-up lock (released however it ends). */
  private async whileHoldingSetUpLock(work: () => Promise<void>): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`SELECT pg_advisory_lock(hashtextextended('pathways:job-queue-set-up', 0))`);
      try {
        await work();
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtextextended('pathways:job-queue-set-up', 0))`);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * Runs a job's work; if it fails, the queue is handed an error naming only the failure's class.
   * The queue stores a failed job's error, message and stack included, in its table, and a message
   * (a constraint's detail, say) can quote personal data; the full error is not logged either.
   */
  private async withoutDetail<T>(queue: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const kind = error instanceof Error ? error.name : typeof error;
      this.logger.error(`job on ${queue} failed: ${kind}`);
      const safe = new Error(`${kind} (details withheld: they may hold personal data)`);
      safe.stack = safe.message;
      throw safe;
    }
  }

  /**
   * A queue for another feature (e.g. subject access exports), worked by every instance that runs
   * jobs. Register in `onModuleInit`, before the queue starts.
   */
  registerQueue(name: string, handler: (data: Record<string, unknown>) => Promise<unknown>): void {
    this.featureQueues.set(name, { handler, workerId: null });
  }

  /** Puts a job on a registered queue; `null` when the queue does not run here (JOBS_ENABLED=false). */
  async send(name: string, data: Record<string, unknown>): Promise<string | null> {
    const queue = this.featureQueues.get(name);
    if (!this.boss || !queue) return null;
    const id = await this.boss.send(name, data);
    if (queue.workerId) this.boss.notifyWorker(queue.workerId);
    return id;
  }

  /**
   * Puts a reminder scan on the queue now, of every organisation or of one; `null` while the same
   * scan is already waiting (the queue is stately per singleton key: at most one waiting and one
   * running for each organisation, as for the schedule's whole scan).
   */
  async enqueueReminderScan(organisationId: string | null = null): Promise<string | null> {
    if (!this.boss) throw new Error('the job queue is not running (JOBS_ENABLED=false)');
    const singletonKey = organisationId ? `${REMINDER_SCAN_QUEUE}:${organisationId}` : REMINDER_SCAN_QUEUE;
    const id = await this.boss.send(REMINDER_SCAN_QUEUE, { organisationId }, { singletonKey });
    if (this.workerId) this.boss.notifyWorker(this.workerId);
    return id;
  }

  /** Jobs waiting (not yet started) on each queue; none when the queue does not run here. */
  async queueDepths(): Promise<Record<string, number>> {
    const boss = this.boss;
    if (!boss) return {};
    const names = [REMINDER_SCAN_QUEUE, ...this.featureQueues.keys()];
    const sizes = await Promise.all(names.map((name) => boss.getQueueSize(name, { before: 'active' })));
    return Object.fromEntries(names.map((name, i) => [name, sizes[i]]));
  }

  /** Jobs of the reminder-scan queue not finished yet (waiting or running). */
  async pendingReminderScans(): Promise<number> {
    if (!this.boss) return 0;
    return this.boss.getQueueSize(REMINDER_SCAN_QUEUE, { before: 'completed' });
  }

  async onApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
