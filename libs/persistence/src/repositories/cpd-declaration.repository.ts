import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CpdDeclarationEntity } from '../entities/cpd-declaration.entity.js';

@Injectable()
export class CpdDeclarationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(CpdDeclarationEntity);
  }

  async insert(
    declaration: Pick<
      CpdDeclarationEntity,
      'organisationId' | 'userId' | 'regulator' | 'madeOn' | 'ruleSetId'
    >,
    manager?: EntityManager,
  ): Promise<CpdDeclarationEntity> {
    return this.repo(manager).save(this.repo(manager).create(declaration));
  }

  /** Declarations of many members (one statement). */
  findByUserIds(organisationId: string, userIds: readonly string[]): Promise<CpdDeclarationEntity[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.repo()
      .createQueryBuilder('d')
      .where('d.organisation_id = :organisationId AND d.user_id IN (:...userIds)', {
        organisationId,
        userIds: [...userIds],
      })
      .orderBy('d.made_on')
      .getMany();
  }
}
