import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PathwayDesign } from '#app/domain';
import { PathwayVersionEntity } from '../entities/pathway-version.entity.js';
import { PathwayEntity } from '../entities/pathway.entity.js';

@Injectable()
export class PathwayRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  async insertPathway(
    pathway: Pick<PathwayEntity, 'organisationId' | 'name' | 'description' | 'createdByUserId'>,
    manager: EntityManager,
  ): Promise<PathwayEntity> {
    const repo = manager.getRepository(PathwayEntity);
    return repo.save(repo.create(pathway));
  }

  findPathway(organisationId: string, id: string, manager?: EntityManager): Promise<PathwayEntity | null> {
    return this.manager(manager).getRepository(PathwayEntity).findOneBy({ organisationId, id });
  }

  findPathwaysByIds(organisationId: string, ids: readonly string[]): Promise<PathwayEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(PathwayEntity)
      .createQueryBuilder('p')
      .where('p.organisation_id = :organisationId AND p.id IN (:...ids)', { organisationId, ids: [...ids] })
      .getMany();
  }

  listPathways(organisationId: string): Promise<PathwayEntity[]> {
    return this.dataSource
      .getRepository(PathwayEntity)
      .find({ where: { organisationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async insertVersion(
    version: Pick<
      PathwayVersionEntity,
      'organisationId' | 'pathwayId' | 'versionNo' | 'design' | 'createdByUserId'
    >,
    manager: EntityManager,
  ): Promise<PathwayVersionEntity> {
    const repo = manager.getRepository(PathwayVersionEntity);
    return repo.save(repo.create({ ...version, status: 'DRAFT' }));
  }

  findVersion(
    organisationId: string,
    id: string,
    manager?: EntityManager,
  ): Promise<PathwayVersionEntity | null> {
    return this.manager(manager).getRepository(PathwayVersionEntity).findOneBy({ organisationId, id });
  }

  /** The version, locked for the rest of the transaction. */
  lockVersion(
    organisationId: string,
    id: string,
    manager: EntityManager,
  ): Promise<PathwayVersionEntity | null> {
    return manager
      .getRepository(PathwayVersionEntity)
      .createQueryBuilder('v')
      .setLock('pessimistic_write')
      .where('v.organisation_id = :organisationId AND v.id = :id', { organisationId, id })
      .getOne();
  }

  /** Every version of a pathway, newest first, locked: publishing and drafting change their set. */
  lockVersionsOfPathway(
    organisationId: string,
    pathwayId: string,
    manager: EntityManager,
  ): Promise<PathwayVersionEntity[]> {
    return manager
      .getRepository(PathwayVersionEntity)
      .createQueryBuilder('v')
      .setLock('pessimistic_write')
      .where('v.organisation_id = :organisationId AND v.pathway_id = :pathwayId', {
        organisationId,
        pathwayId,
      })
      .orderBy('v.version_no', 'DESC')
      .getMany();
  }

  findVersionsByIds(organisationId: string, ids: readonly string[]): Promise<PathwayVersionEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(PathwayVersionEntity)
      .createQueryBuilder('v')
      .where('v.organisation_id = :organisationId AND v.id IN (:...ids)', { organisationId, ids: [...ids] })
      .getMany();
  }

  findVersionsByPathwayIds(
    organisationId: string,
    pathwayIds: readonly string[],
  ): Promise<PathwayVersionEntity[]> {
    if (pathwayIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(PathwayVersionEntity)
      .createQueryBuilder('v')
      .where('v.organisation_id = :organisationId AND v.pathway_id IN (:...pathwayIds)', {
        organisationId,
        pathwayIds: [...pathwayIds],
      })
      .orderBy('v.pathway_id')
      .addOrderBy('v.version_no', 'DESC')
      .getMany();
  }

  /** The organisation's published versions, oldest pathway first. */
  findPublished(organisationId: string, pathwayId?: string): Promise<PathwayVersionEntity[]> {
    const qb = this.dataSource
      .getRepository(PathwayVersionEntity)
      .createQueryBuilder('v')
      .innerJoin(PathwayEntity, 'p', 'p.organisation_id = v.organisation_id AND p.id = v.pathway_id')
      .where("v.organisation_id = :organisationId AND v.status = 'PUBLISHED'", { organisationId })
      .orderBy('p.created_at')
      .addOrderBy('p.id');
    if (pathwayId) qb.andWhere('v.pathway_id = :pathwayId', { pathwayId });
    return qb.getMany();
  }

  /** Replaces a draft's design if it is still at `revision`; false when someone else changed it. */
  async updateDraftDesign(
    organisationId: string,
    id: string,
    revision: number,
    design: PathwayDesign,
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(PathwayVersionEntity)
      .set({ design: design as never, revision: () => 'revision + 1' })
      .where("organisation_id = :organisationId AND id = :id AND status = 'DRAFT' AND revision = :revision", {
        organisationId,
        id,
        revision,
      })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async setStatus(
    organisationId: string,
    id: string,
    changes: Partial<
      Pick<PathwayVersionEntity, 'status' | 'publishedAt' | 'publishedByUserId' | 'retiredAt'>
    >,
    manager: EntityManager,
  ): Promise<void> {
    await manager.getRepository(PathwayVersionEntity).update({ organisationId, id }, changes);
  }
}
