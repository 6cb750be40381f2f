import { Injectable } from '@nestjs/common';
import type { AuditAction } from '#app/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AuditEventEntity } from '../entities/audit-event.entity.js';

/** One entry to append; its action is one of the closed list, so a typo cannot reach the trail. */
export type AuditRecord = Pick<
  AuditEventEntity,
  'organisationId' | 'actorUserId' | 'actorRole' | 'entityType' | 'entityId' | 'subjectUserId' | 'changes'
> & { action: AuditAction };

/** Appends only: the table refuses UPDATE and DELETE. */
@Injectable()
export class AuditEventRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(AuditEventEntity);
  }

  /** The one writer of the audit trail; joins the caller's transaction when given its manager. */
  async recordAudit(event: AuditRecord, manager?: EntityManager): Promise<void> {
    await this.repo(manager).insert(event as QueryDeepPartialEntity<AuditEventEntity>);
  }

  /** Newest first, keyset on id. */
  page(
    organisationId: string,
    filter: { entityType?: string; entityId?: string; subjectUserId?: string },
    beforeId: string | null,
    limit: number,
  ): Promise<AuditEventEntity[]> {
    const qb = this.repo()
      .createQueryBuilder('a')
      .where('a.organisation_id = :organisationId', { organisationId })
      .orderBy('a.id', 'DESC')
      .limit(limit);
    if (filter.entityType) qb.andWhere('a.entity_type = :t', { t: filter.entityType });
    if (filter.entityId) qb.andWhere('a.entity_id = :e', { e: filter.entityId });
    if (filter.subjectUserId) qb.andWhere('a.subject_user_id = :s', { s: filter.subjectUserId });
    if (beforeId) qb.andWhere('a.id < :beforeId', { beforeId });
    return qb.getMany();
  }
}
