import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { TeamEntity } from '../entities/team.entity.js';

@Injectable()
export class TeamRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(TeamEntity);
  }

  findById(organisationId: string, id: string, manager?: EntityManager): Promise<TeamEntity | null> {
    return this.repo(manager).findOneBy({ organisationId, id });
  }

  findByIds(organisationId: string, ids: readonly string[]): Promise<TeamEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo()
      .createQueryBuilder('t')
      .where('t.organisation_id = :organisationId AND t.id IN (:...ids)', { organisationId, ids: [...ids] })
      .getMany();
  }

  /** Keyset page ordered by name (unique per organisation, indexed). */
  page(organisationId: string, afterName: string | null, limit: number): Promise<TeamEntity[]> {
    const qb = this.repo()
      .createQueryBuilder('t')
      .where('t.organisation_id = :organisationId', { organisationId })
      .orderBy('t.name', 'ASC')
      .limit(limit);
    if (afterName !== null) qb.andWhere('t.name > :afterName', { afterName });
    return qb.getMany();
  }

  insert(team: Pick<TeamEntity, 'organisationId' | 'name'>, manager?: EntityManager) {
    return this.repo(manager).save(this.repo(manager).create(team));
  }
}
