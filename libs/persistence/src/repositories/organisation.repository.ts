import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { OrganisationEntity } from '../entities/organisation.entity.js';

@Injectable()
export class OrganisationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(OrganisationEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<OrganisationEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  findBySlug(slug: string, manager?: EntityManager): Promise<OrganisationEntity | null> {
    return this.repo(manager).findOneBy({ slug });
  }

  async setLeaverRetentionDays(id: string, days: number, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { leaverRetentionDays: days });
  }

  findByIds(ids: readonly string[]): Promise<OrganisationEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.repo().findBy({ id: In([...ids]) });
  }

  insert(organisation: Pick<OrganisationEntity, 'name' | 'slug' | 'isDemo'>, manager?: EntityManager) {
    return this.repo(manager).save(this.repo(manager).create(organisation));
  }
}
