import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CredentialStatusListEntity } from '../entities/credential-status-list.entity.js';

export type NewCredentialStatusList = Pick<
  CredentialStatusListEntity,
  'organisationId' | 'length' | 'allocated' | 'allocatedCount' | 'revoked' | 'jwt' | 'signedAt'
> & { id: string };

@Injectable()
export class CredentialStatusListRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(CredentialStatusListEntity);
  }

  /** The organisation's oldest list with a free entry, locked for the rest of the transaction. */
  findOpenForUpdate(
    organisationId: string,
    manager: EntityManager,
  ): Promise<CredentialStatusListEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('l')
      .setLock('pessimistic_write')
      .where('l.organisation_id = :organisationId AND l.allocated_count < l.length', { organisationId })
      .orderBy('l.created_at', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .limit(1)
      .getOne();
  }

  /** One list, locked for the rest of the transaction (a revocation rewrites its bitmap). */
  findForUpdate(
    organisationId: string,
    id: string,
    manager: EntityManager,
  ): Promise<CredentialStatusListEntity | null> {
    return this.repo(manager).findOne({ where: { organisationId, id }, lock: { mode: 'pessimistic_write' } });
  }

  /** A list as published (public: anyone may fetch a status list credential). */
  findPublished(
    organisationId: string,
    id: string,
  ): Promise<Pick<CredentialStatusListEntity, 'organisationId' | 'id' | 'jwt' | 'revoked'> | null> {
    return this.repo().findOne({
      select: { organisationId: true, id: true, jwt: true, revoked: true },
      where: { organisationId, id },
    });
  }

  async insert(list: NewCredentialStatusList, manager: EntityManager): Promise<void> {
    await this.repo(manager).insert(list);
  }

  async updateAllocation(
    organisationId: string,
    id: string,
    allocation: { allocated: Buffer; allocatedCount: number },
    manager: EntityManager,
  ): Promise<void> {
    await this.repo(manager).update({ organisationId, id }, allocation);
  }

  async updatePublished(
    organisationId: string,
    id: string,
    published: { revoked: Buffer; jwt: string; signedAt: Date },
    manager: EntityManager,
  ): Promise<void> {
    await this.repo(manager).update({ organisationId, id }, published);
  }
}
