import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { SignOffReconciliationEntity } from '../entities/sign-off-reconciliation.entity.js';

export type NewSignOffReconciliation = Omit<SignOffReconciliationEntity, 'id'>;

/** Reconciliations of disputed sign-offs; written once each, never changed. */
@Injectable()
export class SignOffReconciliationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(SignOffReconciliationEntity);
  }

  async insert(row: NewSignOffReconciliation, manager: EntityManager): Promise<SignOffReconciliationEntity> {
    const repo = this.repo(manager);
    return repo.save(repo.create(row));
  }

  findByReviewIds(
    organisationId: string,
    reviewIds: readonly string[],
    manager?: EntityManager,
  ): Promise<SignOffReconciliationEntity[]> {
    if (reviewIds.length === 0) return Promise.resolve([]);
    return this.repo(manager).findBy({ organisationId, reviewId: In([...reviewIds]) });
  }

  /**
   * A page of the organisation's sign-offs a countersignature disagreed with and nobody has
   * reconciled, the longest waiting first, (when the disagreement came, review id) after `after`;
   * those `judge` is party to (their own evidence, or their own decision) left out.
   */
  async findDisputed(
    organisationId: string,
    judge: string,
    after: [string, string] | null,
    limit: number,
  ): Promise<{ reviewId: string; evidenceVersionId: string; disputedAt: string }[]> {
    const rows: { review_id: string; evidence_version_id: string; disputed_at: string }[] =
      await this.dataSource.query(
        `SELECT r.id AS review_id, r.evidence_version_id,
                to_char(min(c.used_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS disputed_at
           FROM contribution_request c
           JOIN evidence_review r ON r.organisation_id = c.organisation_id AND r.id = c.countersigned_review_id
          WHERE c.organisation_id = $1 AND c.countersigns = false
            AND $2 NOT IN (r.practitioner_user_id, r.reviewer_user_id)
            AND NOT EXISTS (SELECT 1 FROM sign_off_reconciliation s
                             WHERE s.organisation_id = r.organisation_id AND s.review_id = r.id)
          GROUP BY r.id, r.evidence_version_id
         HAVING $3::timestamptz IS NULL OR (min(c.used_at), r.id) > ($3::timestamptz, $4::uuid)
          ORDER BY min(c.used_at), r.id
          LIMIT $5`,
        [organisationId, judge, after?.[0] ?? null, after?.[1] ?? null, limit],
      );
    return rows.map((r) => ({
      reviewId: r.review_id,
      evidenceVersionId: r.evidence_version_id,
      disputedAt: r.disputed_at,
    }));
  }
}
