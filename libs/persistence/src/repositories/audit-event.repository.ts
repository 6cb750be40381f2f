import { Injectable } from '@nestjs/common';
import type { AuditAction } from '#app/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AuditEventEntity } from '../entities/audit-event.entity.js';
import { keysetPage, type KeysetPage } from './keyset.js';

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

  /** Newest first, keyset on id either way from the cursor. */
  page(
    organisationId: string,
    filter: { entityType?: string; entityId?: string; subjectUserId?: string },
    page: KeysetPage<[string]>,
  ): Promise<AuditEventEntity[]> {
    const qb = this.repo()
      .createQueryBuilder('a')
      .where('a.organisation_id = :organisationId', { organisationId });
    if (filter.entityType) qb.andWhere('a.entity_type = :t', { t: filter.entityType });
    if (filter.entityId) qb.andWhere('a.entity_id = :e', { e: filter.entityId });
    if (filter.subjectUserId) qb.andWhere('a.subject_user_id = :s', { s: filter.subjectUserId });
    return keysetPage(qb, [{ expression: 'a.id', type: 'bigint' }], 'DESC', page);
  }
}
