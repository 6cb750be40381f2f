import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { NotificationKind } from '#app/domain';
import { NotificationEntity } from '../entities/notification.entity.js';
import { keysetPage, type KeysetPage } from './keyset.js';

export type NewNotification = Pick<
  NotificationEntity,
  'organisationId' | 'recipientUserId' | 'kind' | 'title' | 'body' | 'dedupeKey' | 'entityType' | 'entityId'
>;

/** A notification waiting for its email, with the address to send it to. */
export interface UnsentNotification {
  id: string;
  organisationId: string;
  title: string;
  body: string;
  email: string;
}

@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(NotificationEntity);
  }

  /**
   * Inserts the notifications whose dedupe key the recipient has not had yet and returns only those:
   * of two scans inserting the same reminder at once, exactly one gets it back.
   */
  async insertNew(
    rows: readonly NewNotification[],
    manager?: EntityManager,
  ): Promise<{ id: string; kind: NotificationKind }[]> {
    if (rows.length === 0) return [];
    const result = await this.repo(manager)
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values(rows.map((r) => ({ ...r })))
      .orIgnore()
      .returning(['id', 'kind'])
      .execute();
    return (result.raw as { id: string; kind: NotificationKind }[]).map((r) => ({ id: r.id, kind: r.kind }));
  }

  /** Dedupe keys already used in the organisation starting with `prefix` (one statement). */
  async findKeys(
    organisationId: string,
    prefix: string,
  ): Promise<{ recipientUserId: string; dedupeKey: string }[]> {
    const rows: { recipient_user_id: string; dedupe_key: string }[] = await this.dataSource.query(
      `SELECT recipient_user_id, dedupe_key FROM notification
        WHERE organisation_id = $1 AND dedupe_key LIKE $2`,
      [organisationId, `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`],
    );
    return rows.map((r) => ({ recipientUserId: r.recipient_user_id, dedupeKey: r.dedupe_key }));
  }

  /** The recipient's notifications, newest first, keyset on (created_at, id) either way from the cursor. */
  page(
    organisationId: string,
    recipientUserId: string,
    unreadOnly: boolean,
    page: KeysetPage<[string, string]>,
  ): Promise<NotificationEntity[]> {
    const qb = this.repo()
      .createQueryBuilder('n')
      .where('n.organisation_id = :organisationId AND n.recipient_user_id = :recipientUserId', {
        organisationId,
        recipientUserId,
      });
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    return keysetPage(
      qb,
      [
        { expression: 'n.created_at', type: 'timestamptz' },
        { expression: 'n.id', type: 'uuid' },
      ],
      'DESC',
      page,
    );
  }

  /** Marks the recipient's own unread notifications among `ids` as read; returns those changed. */
  async markRead(
    organisationId: string,
    recipientUserId: string,
    ids: readonly string[],
    readAt: Date,
    manager: EntityManager,
  ): Promise<string[]> {
    if (ids.length === 0) return [];
    const result = await manager
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt })
      .where(
        'organisation_id = :organisationId AND recipient_user_id = :recipientUserId AND id IN (:...ids) AND read_at IS NULL',
        { organisationId, recipientUserId, ids: [...ids] },
      )
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[]).map((r) => r.id);
  }

  countUnread(organisationId: string, recipientUserId: string, manager?: EntityManager): Promise<number> {
    return this.repo(manager)
      .createQueryBuilder('n')
      .where(
        'n.organisation_id = :organisationId AND n.recipient_user_id = :recipientUserId AND n.read_at IS NULL',
        {
          organisationId,
          recipientUserId,
        },
      )
      .getCount();
  }

  /**
   * Claims one notification created in the last `maxAgeDays` days (by the database's clock: older
   * ones are never emailed late) that has not been emailed, by marking it emailed now, in one
   * statement that skips rows another instance holds: two senders never take the same one, and
   * the claim is committed before the email goes. `null` when none is left. `organisationId`
   * narrows it to one organisation's notifications (a scan one organisation asked for).
   */
  async claimUnsent(
    maxAgeDays: number,
    organisationId: string | null = null,
  ): Promise<UnsentNotification | null> {
    // An UPDATE through TypeORM answers [rows, affected].
    const [rows]: [
      { id: string; organisation_id: string; title: string; body: string; email: string }[],
      number,
    ] = await this.dataSource.query(
      `WITH next AS (
           SELECT n.organisation_id, n.id FROM notification n
            WHERE n.emailed_at IS NULL AND n.created_at >= now() - make_interval(days => $1)
              AND ($2::uuid IS NULL OR n.organisation_id = $2)
            ORDER BY n.created_at, n.id
            LIMIT 1
            FOR UPDATE SKIP LOCKED)
         UPDATE notification n SET emailed_at = now()
           FROM next, app_user u
          WHERE n.organisation_id = next.organisation_id AND n.id = next.id AND u.id = n.recipient_user_id
         RETURNING n.id, n.organisation_id, n.title, n.body, u.email`,
      [maxAgeDays, organisationId],
    );
    const r = rows[0];
    return r
      ? { id: r.id, organisationId: r.organisation_id, title: r.title, body: r.body, email: r.email }
      : null;
  }

  /** Gives a claimed notification back (its email could not be handed over), for the next run. */
  async releaseClaim(organisationId: string, id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification SET emailed_at = NULL WHERE organisation_id = $1 AND id = $2`,
      [organisationId, id],
    );
  }
}
