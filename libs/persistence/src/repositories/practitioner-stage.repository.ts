import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { PractitionerStageEntity } from '../entities/practitioner-stage.entity.js';

export type NewPractitionerStage = Pick<
  PractitionerStageEntity,
  | 'organisationId'
  | 'userId'
  | 'pathwayId'
  | 'stageKey'
  | 'fromDate'
  | 'toDate'
  | 'howDecided'
  | 'applicationId'
  | 'recordedByUserId'
>;

@Injectable()
export class PractitionerStageRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(stage: NewPractitionerStage, manager: EntityManager): Promise<PractitionerStageEntity> {
    const repo = manager.getRepository(PractitionerStageEntity);
    return repo.save(repo.create(stage));
  }

  /** Stage spells on one pathway, for the given people or (`null`) the whole organisation. */
  findForPathway(
    organisationId: string,
    pathwayId: string,
    userIds: readonly string[] | null,
    manager?: EntityManager,
  ): Promise<PractitionerStageEntity[]> {
    const qb = (manager ?? this.dataSource.manager)
      .getRepository(PractitionerStageEntity)
      .createQueryBuilder('s')
      .where('s.organisation_id = :organisationId AND s.pathway_id = :pathwayId', {
        organisationId,
        pathwayId,
      })
      .orderBy('s.user_id')
      .addOrderBy('s.from_date')
      .addOrderBy('s.id');
    if (userIds) qb.andWhere('s.user_id = ANY(:userIds)', { userIds: [...userIds] });
    return qb.getMany();
  }

  /** Ends a spell on `toDate` (the day before the next one starts). */
  async close(organisationId: string, id: string, toDate: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(PractitionerStageEntity).update({ organisationId, id }, { toDate });
  }
}
