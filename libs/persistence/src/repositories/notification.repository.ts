import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { NotificationKind } from '#app/domain';
import { NotificationEntity } from '../entities/notification.entity.js';

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

  /** The recipient's notifications, newest first, keyset on (created_at, id). */
  page(
    organisationId: string,
    recipientUserId: string,
    unreadOnly: boolean,
    after: [string, string] | null,
    limit: number,
  ): Promise<NotificationEntity[]> {
    const qb = this.repo()
      .createQueryBuilder('n')
      .where('n.organisation_id = :organisationId AND n.recipient_user_id = :recipientUserId', {
        organisationId,
        recipientUserId,
      })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(limit);
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    if (after) {
      qb.andWhere('(n.created_at, n.id) < (:afterAt::timestamptz, :afterId::uuid)', {
        afterAt: after[0],
        afterId: after[1],
      });
    }
    return qb.getMany();
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
   * Locks up to `limit` notifications created in the last `maxAgeDays` days (by the database's
   * clock: older ones are never emailed late) that have not been emailed, skipping any another
   * instance holds, so two senders never take the same one. Use inside a transaction that marks
   * them emailed.
   */
  async lockUnsent(maxAgeDays: number, limit: number, manager: EntityManager): Promise<UnsentNotification[]> {
    const rows: { id: string; organisation_id: string; title: string; body: string; email: string }[] =
      await manager.query(
        `SELECT n.id, n.organisation_id, n.title, n.body, u.email
           FROM notification n JOIN app_user u ON u.id = n.recipient_user_id
          WHERE n.emailed_at IS NULL AND n.created_at >= now() - make_interval(days => $1)
          ORDER BY n.created_at, n.id
          LIMIT $2
          FOR UPDATE OF n SKIP LOCKED`,
        [maxAgeDays, limit],
      );
    return rows.map((r) => ({
      id: r.id,
      organisationId: r.organisation_id,
      title: r.title,
      body: r.body,
      email: r.email,
    }));
  }

  async markEmailed(id: string, emailedAt: Date, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ emailedAt })
      .where('id = :id', { id })
      .execute();
  }
}
