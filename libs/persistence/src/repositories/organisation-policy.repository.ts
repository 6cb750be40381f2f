import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { OrganisationPolicyEntity } from '../entities/organisation-policy.entity.js';

@Injectable()
export class OrganisationPolicyRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(OrganisationPolicyEntity);
  }

  find(organisationId: string, manager?: EntityManager): Promise<OrganisationPolicyEntity | null> {
    return this.repo(manager).findOneBy({ organisationId });
  }

  /** Creates the row or changes the given columns of it. */
  async upsert(
    organisationId: string,
    changes: QueryDeepPartialEntity<OrganisationPolicyEntity>,
    manager: EntityManager,
  ): Promise<void> {
    await this.repo(manager).upsert({ ...changes, organisationId }, ['organisationId']);
  }
}
