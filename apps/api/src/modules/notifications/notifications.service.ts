import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEventRepository, NotificationRepository, type NotificationEntity } from '#app/persistence';
import { actingRole, type Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { pageRequest, toConnection, type ConnectionShape } from '../../graphql/pagination.js';
import { JobQueueService } from './job-queue.service.js';
import type { MarkNotificationsReadInput } from './dto/mark-notifications-read.input.js';
import type { NotificationsArgs } from './dto/notifications.args.js';
import { ReminderScanRunStatusEnum, type ReminderScanRun } from './models/reminder-scan-run.model.js';
import { ReminderScanService } from './reminder-scan.service.js';

/** The caller's own notifications: nobody reads or marks anyone else's. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditEventRepository,
    private readonly clock: Clock,
    private readonly jobs: JobQueueService,
    private readonly scan: ReminderScanService,
  ) {}

  async list(principal: Principal, args: NotificationsArgs): Promise<ConnectionShape<NotificationEntity>> {
    const page = pageRequest(args, ['instant', 'uuid']);
    const rows = await this.notifications.page(
      principal.organisationId,
      principal.userId,
      args.unreadOnly,
      page,
    );
    return toConnection(rows, page, (n) => [n.createdAt.toISOString(), n.id]);
  }

  /** Marks the caller's own notifications among `ids` read; ids of anyone else's change nothing. */
  async markRead(
    principal: Principal,
    input: MarkNotificationsReadInput,
  ): Promise<{ ids: string[]; unreadCount: number }> {
    return this.dataSource.transaction(async (manager) => {
      const ids = await this.notifications.markRead(
        principal.organisationId,
        principal.userId,
        input.ids,
        this.clock.now(),
        manager,
      );
      if (ids.length > 0) {
        await this.audit.recordAudit(
          {
            organisationId: principal.organisationId,
            actorUserId: principal.userId,
            actorRole: actingRole(principal, principal.roles),
            action: 'NOTIFICATIONS_READ',
            entityType: 'NOTIFICATION',
            entityId: ids[0]!,
            subjectUserId: principal.userId,
            changes: { ids },
          },
          manager,
        );
      }
      const unreadCount = await this.notifications.countUnread(
        principal.organisationId,
        principal.userId,
        manager,
      );
      return { ids, unreadCount };
    });
  }

  /**
   * A reminder scan of the caller's organisation only, now, with the schedule's guarantees: on the
   * job queue when it runs here (at most one waiting and one running per organisation), otherwise
   * in this request under a per-organisation lock (a second request meanwhile is told it is
   * running). Either way each reminder's dedupe key stores it once and emails it at most once.
   */
  async runReminderScan(principal: Principal): Promise<ReminderScanRun> {
    const { organisationId } = principal;
    let run: ReminderScanRun;
    if (this.jobs.running) {
      const id = await this.jobs.enqueueReminderScan(organisationId);
      run = {
        organisationId,
        status: id ? ReminderScanRunStatusEnum.QUEUED : ReminderScanRunStatusEnum.ALREADY_QUEUED,
        counts: null,
      };
    } else {
      const result = await this.whileHoldingScanLock(organisationId, () =>
        this.scan.runReminderScan(this.clock.now(), organisationId),
      );
      run = result
        ? {
            organisationId,
            status: ReminderScanRunStatusEnum.COMPLETED,
            counts: {
              cpdDeadline: result.CPD_DEADLINE,
              reviewWaiting: result.REVIEW_WAITING,
              asyeReviewDue: result.ASYE_REVIEW_DUE,
              supervisionOverdue: result.SUPERVISION_OVERDUE,
              emailed: result.emailed,
            },
          }
        : { organisationId, status: ReminderScanRunStatusEnum.ALREADY_RUNNING, counts: null };
    }
    await this.audit.recordAudit({
      organisationId,
      actorUserId: principal.userId,
      actorRole: actingRole(principal, ['ORG_ADMIN', 'PRINCIPAL_SOCIAL_WORKER']),
      action: 'REMINDER_SCAN_REQUESTED',
      entityType: 'ORGANISATION',
      entityId: organisationId,
      subjectUserId: null,
      changes: { status: run.status, counts: run.counts },
    });
    return run;
  }

  /** Runs `work` if no other request of this organisation's is scanning (session advisory lock); else null. */
  private async whileHoldingScanLock<T>(organisationId: string, work: () => Promise<T>): Promise<T | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const key = `pathways:reminder-scan:${organisationId}`;
    try {
      const [{ locked }]: { locked: boolean }[] = await runner.query(
        `SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`,
        [key],
      );
      if (!locked) return null;
      try {
        return await work();
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [key]);
      }
    } finally {
      await runner.release();
    }
  }
}
