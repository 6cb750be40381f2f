import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { EvidenceKind, EvidenceStatus } from '#app/domain';
import { EvidenceEntity } from '../entities/evidence.entity.js';
import { EvidenceVersionEntity } from '../entities/evidence-version.entity.js';

/**
 * Which versions a reader may see: all of them (the owner, a PSW), or only those submitted to
 * one reviewer (a withdrawn version returns to draft and leaves the reviewer's sight).
 */
export type VersionVisibility = { kind: 'ALL' } | { kind: 'SUBMITTED_TO'; reviewerUserId: string };

export interface PortfolioFilter {
  kind?: EvidenceKind;
  status?: EvidenceStatus;
  /** A framework item code (e.g. a PCF domain) the version is mapped to. */
  itemCode?: string;
  levelCode?: string;
  dateFrom?: string;
  dateTo?: string;
  /** Free text, matched against title and reflections (PostgreSQL web-search syntax). */
  search?: string;
}

export interface ReviewQueueFilter {
  practitionerUserId?: string;
  kind?: EvidenceKind;
  itemCode?: string;
  /** Only versions submitted at or before this instant (waiting at least so long). */
  submittedBefore?: Date;
}

export type NewEvidenceVersion = Omit<
  EvidenceVersionEntity,
  'id' | 'createdAt' | 'updatedAt' | 'revision'
> & {
  revision?: number;
};

const SEARCH_VECTOR = `to_tsvector('english', v.title || ' ' || v.description || ' ' || v.learning || ' ' || v.impact || ' ' || coalesce(v.peer_reflection, ''))`;

@Injectable()
export class EvidenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  async insertEvidence(
    organisationId: string,
    ownerUserId: string,
    manager?: EntityManager,
  ): Promise<EvidenceEntity> {
    const repo = this.manager(manager).getRepository(EvidenceEntity);
    return repo.save(repo.create({ organisationId, ownerUserId }));
  }

  findEvidenceByIds(organisationId: string, ids: readonly string[]): Promise<EvidenceEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(EvidenceEntity)
      .createQueryBuilder('e')
      .where('e.organisation_id = :organisationId AND e.id IN (:...ids)', { organisationId, ids: [...ids] })
      .getMany();
  }

  async insertVersion(version: NewEvidenceVersion, manager?: EntityManager): Promise<EvidenceVersionEntity> {
    const repo = this.manager(manager).getRepository(EvidenceVersionEntity);
    return repo.save(repo.create(version));
  }

  /**
   * The newest version of a piece of evidence, locked for the rest of the transaction so that
   * edits, submissions, withdrawals and decisions on one piece happen one at a time.
   */
  async lockCurrentVersion(
    organisationId: string,
    evidenceId: string,
    manager: EntityManager,
  ): Promise<EvidenceVersionEntity | null> {
    return manager
      .getRepository(EvidenceVersionEntity)
      .createQueryBuilder('v')
      .setLock('pessimistic_write')
      .where('v.organisation_id = :organisationId AND v.evidence_id = :evidenceId', {
        organisationId,
        evidenceId,
      })
      .orderBy('v.version_no', 'DESC')
      .limit(1)
      .getOne();
  }

  async lockVersion(
    organisationId: string,
    versionId: string,
    manager: EntityManager,
  ): Promise<EvidenceVersionEntity | null> {
    return manager
      .getRepository(EvidenceVersionEntity)
      .createQueryBuilder('v')
      .setLock('pessimistic_write')
      .where('v.organisation_id = :organisationId AND v.id = :versionId', { organisationId, versionId })
      .getOne();
  }

  findVersionById(organisationId: string, versionId: string): Promise<EvidenceVersionEntity | null> {
    return this.dataSource.getRepository(EvidenceVersionEntity).findOneBy({ organisationId, id: versionId });
  }

  /**
   * Changes a version only if it is still in `expected` status (and revision, when given): the
   * compare-and-set that makes the loser of two concurrent changes see zero rows and a CONFLICT.
   */
  async updateVersionIf(
    organisationId: string,
    versionId: string,
    expected: { status: EvidenceStatus; revision?: number },
    changes: QueryDeepPartialEntity<EvidenceVersionEntity>,
    manager: EntityManager,
  ): Promise<boolean> {
    const qb = manager
      .createQueryBuilder()
      .update(EvidenceVersionEntity)
      .set(changes)
      .where('organisation_id = :organisationId AND id = :versionId AND status = :status', {
        organisationId,
        versionId,
        status: expected.status,
      });
    if (expected.revision !== undefined) qb.andWhere('revision = :revision', { revision: expected.revision });
    const result = await qb.execute();
    return (result.affected ?? 0) === 1;
  }

  /** Visible versions of many pieces of evidence, newest first within each. */
  findVersionsByEvidenceIds(
    organisationId: string,
    evidenceIds: readonly string[],
    visibility: VersionVisibility,
  ): Promise<EvidenceVersionEntity[]> {
    if (evidenceIds.length === 0) return Promise.resolve([]);
    const qb = this.dataSource
      .getRepository(EvidenceVersionEntity)
      .createQueryBuilder('v')
      .where('v.organisation_id = :organisationId AND v.evidence_id IN (:...evidenceIds)', {
        organisationId,
        evidenceIds: [...evidenceIds],
      })
      .orderBy('v.evidence_id')
      .addOrderBy('v.version_no', 'DESC');
    return applyVisibility(qb, visibility).getMany();
  }

  /**
   * A practitioner's portfolio: the newest visible version of each piece, filtered, newest evidence
   * date first, keyset on (date_from, evidence_id). The inner DISTINCT ON runs on the owner index.
   */
  async pagePortfolio(
    organisationId: string,
    ownerUserId: string,
    visibility: VersionVisibility,
    filter: PortfolioFilter,
    after: [string, string] | null,
    limit: number,
  ): Promise<EvidenceVersionEntity[]> {
    const latest = this.dataSource
      .getRepository(EvidenceVersionEntity)
      .createQueryBuilder('v')
      .select('v.id')
      .distinctOn(['v.evidence_id'])
      .where('v.organisation_id = :organisationId AND v.owner_user_id = :ownerUserId')
      .orderBy('v.evidence_id')
      .addOrderBy('v.version_no', 'DESC');
    applyVisibility(latest, visibility);

    const qb = this.dataSource
      .getRepository(EvidenceVersionEntity)
      .createQueryBuilder('v')
      .where(`v.organisation_id = :organisationId AND v.id IN (${latest.getQuery()})`)
      .setParameters({ ...latest.getParameters(), organisationId, ownerUserId })
      .orderBy('v.date_from', 'DESC')
      .addOrderBy('v.evidence_id', 'DESC')
      .limit(limit);
    if (filter.kind) qb.andWhere('v.kind = :kind', { kind: filter.kind });
    if (filter.status) qb.andWhere('v.status = :status', { status: filter.status });
    if (filter.dateFrom)
      qb.andWhere('coalesce(v.date_to, v.date_from) >= :dateFrom', { dateFrom: filter.dateFrom });
    if (filter.dateTo) qb.andWhere('v.date_from <= :dateTo', { dateTo: filter.dateTo });
    if (filter.search)
      qb.andWhere(`${SEARCH_VECTOR} @@ websearch_to_tsquery('english', :search)`, { search: filter.search });
    if (filter.itemCode || filter.levelCode) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM evidence_mapping m
                   JOIN framework_item i ON i.id = m.framework_item_id
              LEFT JOIN framework_level l ON l.id = coalesce(m.accepted_level_id, m.framework_level_id)
                  WHERE m.organisation_id = v.organisation_id AND m.evidence_version_id = v.id
                    AND (:itemCode::text IS NULL OR i.code = :itemCode)
                    AND (:levelCode::text IS NULL OR l.code = :levelCode))`,
        { itemCode: filter.itemCode ?? null, levelCode: filter.levelCode ?? null },
      );
    }
    if (after) {
      qb.andWhere('(v.date_from, v.evidence_id) < (:afterDate::date, :afterId::uuid)', {
        afterDate: after[0],
        afterId: after[1],
      });
    }
    return qb.getMany();
  }

  /** Versions waiting for this reviewer's decision, oldest submission first, keyset on (submitted_at, id). */
  pageReviewQueue(
    organisationId: string,
    reviewerUserId: string,
    filter: ReviewQueueFilter,
    after: [string, string] | null,
    limit: number,
  ): Promise<EvidenceVersionEntity[]> {
    const qb = this.reviewQueue(organisationId, reviewerUserId, filter)
      .orderBy('v.submitted_at', 'ASC')
      .addOrderBy('v.id', 'ASC')
      .limit(limit);
    if (after) {
      qb.andWhere('(v.submitted_at, v.id) > (:afterAt::timestamptz, :afterId::uuid)', {
        afterAt: after[0],
        afterId: after[1],
      });
    }
    return qb.getMany();
  }

  countReviewQueue(
    organisationId: string,
    reviewerUserId: string,
    filter: ReviewQueueFilter,
  ): Promise<number> {
    return this.reviewQueue(organisationId, reviewerUserId, filter).getCount();
  }

  private reviewQueue(organisationId: string, reviewerUserId: string, filter: ReviewQueueFilter) {
    const qb = this.dataSource
      .getRepository(EvidenceVersionEntity)
      .createQueryBuilder('v')
      .where(
        "v.organisation_id = :organisationId AND v.reviewer_user_id = :reviewerUserId AND v.status = 'SUBMITTED'",
        {
          organisationId,
          reviewerUserId,
        },
      );
    if (filter.practitionerUserId) qb.andWhere('v.owner_user_id = :p', { p: filter.practitionerUserId });
    if (filter.kind) qb.andWhere('v.kind = :kind', { kind: filter.kind });
    if (filter.submittedBefore) qb.andWhere('v.submitted_at <= :before', { before: filter.submittedBefore });
    if (filter.itemCode) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM evidence_mapping m JOIN framework_item i ON i.id = m.framework_item_id
                  WHERE m.organisation_id = v.organisation_id AND m.evidence_version_id = v.id AND i.code = :itemCode)`,
        { itemCode: filter.itemCode },
      );
    }
    return qb;
  }

  /**
   * One row per mapping to `frameworkVersionId` for coverage: the newest visible version of each piece
   * under its status, plus, where that version is not itself approved, the newest approved one (a
   * sign-off stays counted while the practitioner drafts the next version).
   */
  async coverageRows(
    organisationId: string,
    ownerUserId: string,
    frameworkVersionId: string,
    visibility: VersionVisibility,
  ): Promise<
    {
      item_code: string;
      level_code: string | null;
      level_ordinal: number | null;
      status: EvidenceStatus;
      decision: string | null;
    }[]
  > {
    const reviewerUserId = visibility.kind === 'SUBMITTED_TO' ? visibility.reviewerUserId : null;
    return this.dataSource.query(
      `WITH visible AS (
         SELECT v.* FROM evidence_version v
          WHERE v.organisation_id = $1 AND v.owner_user_id = $2
            AND ($4::uuid IS NULL OR (v.reviewer_user_id = $4 AND v.status <> 'DRAFT'))
       ), counted AS (
         (SELECT DISTINCT ON (evidence_id) id, status FROM visible ORDER BY evidence_id, version_no DESC)
         UNION
         (SELECT DISTINCT ON (evidence_id) id, status FROM visible WHERE status = 'APPROVED'
           ORDER BY evidence_id, version_no DESC)
       )
       SELECT i.code AS item_code, l.code AS level_code, l.ordinal AS level_ordinal, c.status, m.decision
         FROM counted c
         JOIN evidence_mapping m ON m.organisation_id = $1 AND m.evidence_version_id = c.id
         JOIN framework_item i ON i.id = m.framework_item_id AND i.framework_version_id = $3
    LEFT JOIN framework_level l
           ON l.id = CASE WHEN c.status = 'APPROVED' THEN m.accepted_level_id ELSE m.framework_level_id END`,
      [organisationId, ownerUserId, frameworkVersionId, reviewerUserId],
    );
  }
}

function applyVisibility<T extends SelectQueryBuilder<EvidenceVersionEntity>>(
  qb: T,
  visibility: VersionVisibility,
): T {
  if (visibility.kind === 'SUBMITTED_TO') {
    qb.andWhere("v.reviewer_user_id = :visibleTo AND v.status <> 'DRAFT'", {
      visibleTo: visibility.reviewerUserId,
    });
  }
  return qb;
}
