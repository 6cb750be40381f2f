import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ContributionRequestEntity } from '../entities/contribution-request.entity.js';

export type NewContributionRequest = Pick<
  ContributionRequestEntity,
  | 'organisationId'
  | 'practitionerUserId'
  | 'evidenceId'
  | 'evidenceVersionId'
  | 'tokenHash'
  | 'contributorName'
  | 'contributorEmail'
  | 'contributorRole'
  | 'expiresAt'
  | 'purpose'
>;

export type ContributionRequestClosing = Partial<
  Pick<
    ContributionRequestEntity,
    | 'usedAt'
    | 'revokedAt'
    | 'statedName'
    | 'statedRole'
    | 'statedRelationship'
    | 'statedRegulator'
    | 'statedRegistrationNumber'
    | 'resultingEvidenceId'
    | 'countersignedReviewId'
    | 'countersigns'
    | 'countersignComment'
  >
>;

@Injectable()
export class ContributionRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(ContributionRequestEntity);
  }

  insert(request: NewContributionRequest, manager?: EntityManager): Promise<ContributionRequestEntity> {
    return this.repo(manager).save(
      this.repo(manager).create({
        ...request,
        contributorEmail: request.contributorEmail?.toLowerCase() ?? null,
      }),
    );
  }

  findByIdForUpdate(
    organisationId: string,
    id: string,
    manager: EntityManager,
  ): Promise<ContributionRequestEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('c')
      .where('c.organisation_id = :organisationId AND c.id = :id', { organisationId, id })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** A piece of evidence's requests, newest first. */
  findForEvidence(
    organisationId: string,
    evidenceId: string,
    manager?: EntityManager,
  ): Promise<ContributionRequestEntity[]> {
    return this.repo(manager).find({
      where: { organisationId, evidenceId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /** The used requests that made these pieces of evidence (the origin of contributed feedback). */
  findByResultingEvidenceIds(
    organisationId: string,
    evidenceIds: readonly string[],
    manager?: EntityManager,
  ): Promise<ContributionRequestEntity[]> {
    if (evidenceIds.length === 0) return Promise.resolve([]);
    return this.repo(manager).findBy({ organisationId, resultingEvidenceId: In([...evidenceIds]) });
  }

  /** The countersignatures given on these reviews, oldest first. */
  findCountersignaturesOfReviews(
    organisationId: string,
    reviewIds: readonly string[],
    manager?: EntityManager,
  ): Promise<ContributionRequestEntity[]> {
    if (reviewIds.length === 0) return Promise.resolve([]);
    return this.repo(manager).find({
      where: { organisationId, countersignedReviewId: In([...reviewIds]) },
      order: { usedAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * The request a token opens, locked for the contribution. Without a tenant key, like invitations':
   * the contributor knows no organisation, only the token (whose hash is unique).
   */
  findByTokenHash(
    tokenHash: string,
    manager?: EntityManager,
    lock = false,
  ): Promise<ContributionRequestEntity | null> {
    const qb = this.repo(manager).createQueryBuilder('c').where('c.token_hash = :tokenHash', { tokenHash });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  async update(
    organisationId: string,
    id: string,
    changes: ContributionRequestClosing,
    manager: EntityManager,
  ): Promise<void> {
    await this.repo(manager).update({ organisationId, id }, changes);
  }

  /**
   * Withdraws the countersignature links still open on a version (its approval was overturned, so
   * there is no decision left for them to countersign); returns how many.
   */
  async revokeOpenCountersignatures(
    organisationId: string,
    evidenceVersionId: string,
    at: Date,
    manager: EntityManager,
  ): Promise<number> {
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: at })
      .where(
        `organisation_id = :organisationId AND evidence_version_id = :evidenceVersionId AND purpose = 'COUNTERSIGNATURE'
         AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :at`,
        { organisationId, evidenceVersionId, at },
      )
      .execute();
    return result.affected ?? 0;
  }
}
