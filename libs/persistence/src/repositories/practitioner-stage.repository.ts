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

  /**
   * The stage spells of the organisation's people who have started an ASYE (or of the given people),
   * each with the PCF level its stage has in the pathway's published design (else its latest one to
   * have been published): one statement, whatever their number.
   */
  async findLevelledSpellsOfAsyePractitioners(
    organisationId: string,
    userIds?: readonly string[],
  ): Promise<{ userId: string; fromDate: string; pcfLevelCode: string | null }[]> {
    const rows: { user_id: string; from_date: string; pcf_level_code: string | null }[] =
      await this.dataSource.query(
        `SELECT s.user_id, to_char(s.from_date, 'YYYY-MM-DD') AS from_date, d.stage->>'pcfLevelCode' AS pcf_level_code
           FROM practitioner_stage s
           LEFT JOIN LATERAL (
             SELECT stage
               FROM pathway_version v, jsonb_array_elements(v.design->'stages') stage
              WHERE v.organisation_id = s.organisation_id AND v.pathway_id = s.pathway_id
                AND v.status <> 'DRAFT' AND stage->>'key' = s.stage_key
              ORDER BY v.status = 'PUBLISHED' DESC, v.version_no DESC
              LIMIT 1
           ) d ON true
          WHERE s.organisation_id = $1
            AND s.user_id IN (SELECT practitioner_user_id FROM asye_programme WHERE organisation_id = $1)
            AND ($2::uuid[] IS NULL OR s.user_id = ANY($2::uuid[]))`,
        [organisationId, userIds ? [...userIds] : null],
      );
    return rows.map((r) => ({ userId: r.user_id, fromDate: r.from_date, pcfLevelCode: r.pcf_level_code }));
  }

  /** Ends a spell on `toDate` (the day before the next one starts). */
  async close(organisationId: string, id: string, toDate: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(PractitionerStageEntity).update({ organisationId, id }, { toDate });
  }
}
