import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ApplicationStatus } from '#app/domain';
import { ProgressionApplicationEntity } from '../entities/progression-application.entity.js';
import { keysetPage, type KeysetPage } from './keyset.js';

export type NewProgressionApplication = Pick<
  ProgressionApplicationEntity,
  | 'organisationId'
  | 'userId'
  | 'pathwayVersionId'
  | 'routeKey'
  | 'submittedByUserId'
  | 'submittedAt'
  | 'eligibilitySnapshot'
  | 'evidenceIds'
  | 'statement'
>;

@Injectable()
export class ProgressionApplicationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    application: NewProgressionApplication,
    manager: EntityManager,
  ): Promise<ProgressionApplicationEntity> {
    const repo = manager.getRepository(ProgressionApplicationEntity);
    return repo.save(repo.create({ ...application, status: 'OPEN' }));
  }

  lock(
    organisationId: string,
    id: string,
    manager: EntityManager,
  ): Promise<ProgressionApplicationEntity | null> {
    return manager
      .getRepository(ProgressionApplicationEntity)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.organisation_id = :organisationId AND a.id = :id', { organisationId, id })
      .getOne();
  }

  findOpen(
    organisationId: string,
    userId: string,
    pathwayVersionId: string,
    routeKey: string,
    manager: EntityManager,
  ): Promise<ProgressionApplicationEntity | null> {
    return manager
      .getRepository(ProgressionApplicationEntity)
      .findOneBy({ organisationId, userId, pathwayVersionId, routeKey, status: 'OPEN' });
  }

  async decide(
    organisationId: string,
    id: string,
    changes: Pick<
      ProgressionApplicationEntity,
      'status' | 'decidedByUserId' | 'decidedAt' | 'decisionReasons'
    >,
    manager: EntityManager,
  ): Promise<void> {
    await manager.getRepository(ProgressionApplicationEntity).update({ organisationId, id }, changes);
  }

  /** These applications; `userId` narrows to one practitioner's, as for `page`. */
  findByIds(
    organisationId: string,
    ids: readonly string[],
    filter: { userId?: string },
  ): Promise<ProgressionApplicationEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const qb = this.dataSource
      .getRepository(ProgressionApplicationEntity)
      .createQueryBuilder('a')
      .where('a.organisation_id = :organisationId AND a.id IN (:...ids)', { organisationId, ids: [...ids] });
    if (filter.userId) qb.andWhere('a.user_id = :userId', { userId: filter.userId });
    return qb.getMany();
  }

  /** Keyset page, oldest submission first, either way from the cursor; `userId` narrows to one practitioner. */
  page(
    organisationId: string,
    filter: { userId?: string; status?: ApplicationStatus; pathwayVersionIds?: readonly string[] },
    page: KeysetPage<[string, string]>,
  ): Promise<ProgressionApplicationEntity[]> {
    const qb = this.dataSource
      .getRepository(ProgressionApplicationEntity)
      .createQueryBuilder('a')
      .where('a.organisation_id = :organisationId', { organisationId });
    if (filter.userId) qb.andWhere('a.user_id = :userId', { userId: filter.userId });
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.pathwayVersionIds)
      qb.andWhere('a.pathway_version_id = ANY(:ids)', { ids: [...filter.pathwayVersionIds] });
    return keysetPage(
      qb,
      [
        { expression: 'a.submitted_at', type: 'timestamptz' },
        { expression: 'a.id', type: 'uuid' },
      ],
      'ASC',
      page,
    );
  }

  /** Open applications per route of the given versions. */
  async countOpenByRoute(organisationId: string, pathwayVersionId: string): Promise<Map<string, number>> {
    const rows: { route_key: string; n: number }[] = await this.dataSource.query(
      `SELECT route_key, count(*)::int AS n FROM progression_application
        WHERE organisation_id = $1 AND pathway_version_id = $2 AND status = 'OPEN' GROUP BY route_key`,
      [organisationId, pathwayVersionId],
    );
    return new Map(rows.map((r) => [r.route_key, r.n]));
  }
}
