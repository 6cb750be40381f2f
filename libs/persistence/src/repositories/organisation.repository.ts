import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { OrganisationEntity } from '../entities/organisation.entity.js';

@Injectable()
export class OrganisationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(OrganisationEntity);
  }

  findById(id: string): Promise<OrganisationEntity | null> {
    return this.repo().findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<OrganisationEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.repo().findBy({ id: In([...ids]) });
  }

  insert(organisation: Pick<OrganisationEntity, 'name' | 'slug' | 'isDemo'>, manager?: EntityManager) {
    return this.repo(manager).save(this.repo(manager).create(organisation));
  }
}
