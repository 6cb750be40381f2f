import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EvidenceReviewEntity } from '../entities/evidence-review.entity.js';

export type NewEvidenceReview = Omit<EvidenceReviewEntity, 'id' | 'decidedAt'>;

/** Decisions are inserted once and never changed. */
@Injectable()
export class EvidenceReviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(EvidenceReviewEntity);
  }

  async insert(review: NewEvidenceReview, manager: EntityManager): Promise<EvidenceReviewEntity> {
    return this.repo(manager).save(this.repo(manager).create(review));
  }

  findByVersionIds(
    organisationId: string,
    versionIds: readonly string[],
    manager?: EntityManager,
  ): Promise<EvidenceReviewEntity[]> {
    if (versionIds.length === 0) return Promise.resolve([]);
    return this.repo(manager)
      .createQueryBuilder('r')
      .where('r.organisation_id = :organisationId AND r.evidence_version_id IN (:...versionIds)', {
        organisationId,
        versionIds: [...versionIds],
      })
      .getMany();
  }

  /** One decision, locked for the rest of the transaction (reconciling it). */
  findByIdForUpdate(
    organisationId: string,
    id: string,
    manager: EntityManager,
  ): Promise<EvidenceReviewEntity | null> {
    return this.repo(manager).findOne({ where: { organisationId, id }, lock: { mode: 'pessimistic_write' } });
  }
}
