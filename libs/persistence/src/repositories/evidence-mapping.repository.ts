import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DecidedMapping } from '#app/domain';
import { EvidenceMappingEntity } from '../entities/evidence-mapping.entity.js';

export type NewEvidenceMapping = Pick<
  EvidenceMappingEntity,
  | 'organisationId'
  | 'evidenceVersionId'
  | 'frameworkItemId'
  | 'frameworkLevelId'
  | 'frameworkLevelPathwayId'
  | 'rationale'
>;

/** A reviewer's decision on one mapping, with the accepted level resolved to ids. */
export interface MappingDecisionRow extends Pick<DecidedMapping, 'mappingId' | 'decision' | 'comment'> {
  acceptedLevelId: string | null;
  acceptedPathwayId: string | null;
}

@Injectable()
export class EvidenceMappingRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(EvidenceMappingEntity);
  }

  findByVersionIds(organisationId: string, versionIds: readonly string[], manager?: EntityManager) {
    if (versionIds.length === 0) return Promise.resolve([]);
    return this.repo(manager)
      .createQueryBuilder('m')
      .where('m.organisation_id = :organisationId AND m.evidence_version_id IN (:...versionIds)', {
        organisationId,
        versionIds: [...versionIds],
      })
      .orderBy('m.evidence_version_id')
      .addOrderBy('m.position')
      .getMany();
  }

  /** Replaces a draft version's mappings (their decisions belong to decided versions only). */
  async replaceForVersion(
    organisationId: string,
    evidenceVersionId: string,
    mappings: readonly NewEvidenceMapping[],
    manager: EntityManager,
  ): Promise<void> {
    await this.repo(manager).delete({ organisationId, evidenceVersionId });
    if (mappings.length > 0) await this.repo(manager).insert([...mappings]);
  }

  async applyDecisions(
    organisationId: string,
    decisions: readonly MappingDecisionRow[],
    manager: EntityManager,
  ): Promise<void> {
    for (const d of decisions) {
      await this.repo(manager).update(
        { organisationId, id: d.mappingId },
        {
          decision: d.decision,
          acceptedLevelId: d.acceptedLevelId,
          acceptedPathwayId: d.acceptedPathwayId,
          decisionComment: d.comment,
        },
      );
    }
  }
}
