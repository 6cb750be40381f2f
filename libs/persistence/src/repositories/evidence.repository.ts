import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { EvidenceKind, EvidenceStatus } from '#app/domain';
import { EvidenceEntity } from '../entities/evidence.entity.js';
import { EvidenceVersionEntity } from '../entities/evidence-version.entity.js';
import type { AttachmentEntity } from '../entities/attachment.entity.js';
import type { EvidenceMappingEntity } from '../entities/evidence-mapping.entity.js';
import type { EvidenceReviewEntity } from '../entities/evidence-review.entity.js';
import type { FrameworkItemEntity } from '../entities/framework-item.entity.js';
import type { FrameworkLevelEntity } from '../entities/framework-level.entity.js';
import type { FrameworkLevelPathwayEntity } from '../entities/framework-level-pathway.entity.js';
import type { UserEntity } from '../entities/user.entity.js';
import {
  ATTACHMENTS_JSON,
  MAPPINGS_JSON,
  newestVersionPerEvidence,
  REVIEW_JSON,
  SEARCH_VECTOR,
  VERSION_COLUMNS,
  visibleToReviewer,
} from './evidence-version.sql.js';
import { keysetPage, type KeysetPage } from './keyset.js';

/**
 * Which versions a reader may see: all of them (the owner, a PSW), or only those submitted to
 * one reviewer (a withdrawn version returns to draft and leaves the reviewer's sight).
 */
export type VersionVisibility = { kind: 'ALL' } | { kind: 'SUBMITTED_TO'; reviewerUserId: string };

/** A version as `findVersionsWithDetails` reads it: the entity's fields, and each part asked for. */
export type EvidenceVersionWithDetails = EvidenceVersionEntity & {
  mappings?: EvidenceMappingEntity[];
  review?: EvidenceReviewEntity | null;
  attachments?: AttachmentEntity[];
};

/** What `findReferences` finds: entities' fields (people without their sign-in details). */
export interface EvidenceReferences {
  items: FrameworkItemEntity[];
  levels: FrameworkLevelEntity[];
  pathways: FrameworkLevelPathwayEntity[];
  users: Pick<
    UserEntity,
    'id' | 'email' | 'fullName' | 'regulator' | 'registrationNumber' | 'dateQualified'
  >[];
}

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

  /** These versions, those of them the reader may see (the same visibility as every other read). */
  findVersionsByIds(
    organisationId: string,
    versionIds: readonly string[],
    visibility: VersionVisibility,
  ): Promise<EvidenceVersionEntity[]> {
    if (versionIds.length === 0) return Promise.resolve([]);
    const qb = this.dataSource
      .getRepository(EvidenceVersionEntity)
      .createQueryBuilder('v')
      .where('v.organisation_id = :organisationId AND v.id IN (:...versionIds)', {
        organisationId,
        versionIds: [...versionIds],
      });
    return applyVisibility(qb, visibility).getMany();
  }

  /**
   * The versions of these pieces the reader may see, ordered as `findVersionsByEvidenceIds`, each with
   * the parts asked for (mappings in order, its review, attachments oldest first) aggregated as JSON in
   * the same statement: a page's nested data in one read, as plain rows without entity hydration.
   */
  async findVersionsWithDetails(
    organisationId: string,
    evidenceIds: readonly string[],
    visibility: VersionVisibility,
    include: { mappings: boolean; review: boolean; attachments: boolean },
  ): Promise<EvidenceVersionWithDetails[]> {
    if (evidenceIds.length === 0) return [];
    const params: unknown[] = [organisationId, [...evidenceIds]];
    let visible = '';
    if (visibility.kind === 'SUBMITTED_TO') {
      params.push(visibility.reviewerUserId);
      visible = `AND ${visibleToReviewer('$3')}`;
    }
    const rows: EvidenceVersionWithDetails[] = await this.dataSource.query(
      `SELECT ${VERSION_COLUMNS}
              ${include.mappings ? `, (${MAPPINGS_JSON}) AS mappings` : ''}
              ${include.review ? `, (${REVIEW_JSON}) AS review` : ''}
              ${include.attachments ? `, (${ATTACHMENTS_JSON}) AS attachments` : ''}
         FROM evidence_version v
        WHERE v.organisation_id = $1 AND v.evidence_id = ANY($2::uuid[]) ${visible}
        ORDER BY v.evidence_id, v.version_no DESC`,
      params,
    );
    // Instants inside JSON arrive as text; entities carry them as Dates.
    for (const row of rows) {
      if (row.review) row.review.decidedAt = new Date(row.review.decidedAt);
      for (const a of row.attachments ?? []) a.createdAt = new Date(a.createdAt);
    }
    return rows;
  }

  /**
   * The framework items, levels and pathways, and the organisation's people, that a page of evidence
   * refers to, in one statement (as the finders by ids of the framework and user repositories would
   * find them one statement each; people only if they belong to the organisation).
   */
  async findReferences(
    organisationId: string,
    ids: { items: string[]; levels: string[]; pathways: string[]; users: string[] },
  ): Promise<EvidenceReferences> {
    if (Object.values(ids).every((list) => list.length === 0)) {
      return { items: [], levels: [], pathways: [], users: [] };
    }
    const [row] = await this.dataSource.query(
      `SELECT (SELECT coalesce(json_agg(json_build_object(
                 'id', i.id, 'frameworkVersionId', i.framework_version_id, 'parentId', i.parent_id, 'code', i.code,
                 'kind', i.kind, 'ordinal', i.ordinal, 'title', i.title, 'description', i.description,
                 'confirmed', i.confirmed, 'attributes', i.attributes)), '[]')
                 FROM framework_item i WHERE i.id = ANY($1::uuid[])) AS items,
              (SELECT coalesce(json_agg(json_build_object(
                 'id', l.id, 'frameworkVersionId', l.framework_version_id, 'code', l.code, 'ordinal', l.ordinal,
                 'name', l.name, 'groupName', l.group_name, 'description', l.description, 'confirmed', l.confirmed)), '[]')
                 FROM framework_level l WHERE l.id = ANY($2::uuid[])) AS levels,
              (SELECT coalesce(json_agg(json_build_object(
                 'id', p.id, 'frameworkLevelId', p.framework_level_id, 'code', p.code, 'ordinal', p.ordinal,
                 'name', p.name, 'description', p.description, 'confirmed', p.confirmed)), '[]')
                 FROM framework_level_pathway p WHERE p.id = ANY($3::uuid[])) AS pathways,
              (SELECT coalesce(json_agg(json_build_object(
                 'id', u.id, 'email', u.email, 'fullName', u.full_name, 'regulator', u.regulator,
                 'registrationNumber', u.registration_number, 'dateQualified', u.date_qualified)), '[]')
                 FROM app_user u WHERE u.id = ANY($4::uuid[])
                  AND EXISTS (SELECT 1 FROM membership m WHERE m.organisation_id = $5 AND m.user_id = u.id)) AS users`,
      [ids.items, ids.levels, ids.pathways, ids.users, organisationId],
    );
    return row as EvidenceReferences;
  }

  /**
   * A practitioner's portfolio: the newest visible version of each piece, filtered, newest evidence
   * date first, keyset on (date_from, evidence_id) either way from the cursor. The inner DISTINCT ON
   * runs on the owner index.
   */
  async pagePortfolio(
    organisationId: string,
    ownerUserId: string,
    visibility: VersionVisibility,
    filter: PortfolioFilter,
    page: KeysetPage<[string, string]>,
  ): Promise<EvidenceVersionEntity[]> {
    const reviewerOnly = visibility.kind === 'SUBMITTED_TO';
    const latest = newestVersionPerEvidence({
      columns: 'v.id',
      from: 'evidence_version v',
      where: `v.organisation_id = :organisationId AND v.owner_user_id = :ownerUserId${
        reviewerOnly ? ` AND ${visibleToReviewer(':visibleTo')}` : ''
      }`,
      alias: 'v',
    });

    const qb = this.dataSource
      .getRepository(EvidenceVersionEntity)
      .createQueryBuilder('v')
      .where(`v.organisation_id = :organisationId AND v.id IN (${latest})`)
      .setParameters({
        organisationId,
        ownerUserId,
        ...(reviewerOnly ? { visibleTo: visibility.reviewerUserId } : {}),
      });
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
    return keysetPage(
      qb,
      [
        { expression: 'v.date_from', type: 'date' },
        { expression: 'v.evidence_id', type: 'uuid' },
      ],
      'DESC',
      page,
    );
  }

  /**
   * Versions waiting for this reviewer's decision, oldest submission first, keyset on
   * (submitted_at, id) either way from the cursor.
   */
  pageReviewQueue(
    organisationId: string,
    reviewerUserId: string,
    filter: ReviewQueueFilter,
    page: KeysetPage<[string, string]>,
  ): Promise<EvidenceVersionEntity[]> {
    return keysetPage(
      this.reviewQueue(organisationId, reviewerUserId, filter),
      [
        { expression: 'v.submitted_at', type: 'timestamptz' },
        { expression: 'v.id', type: 'uuid' },
      ],
      'ASC',
      page,
    );
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
      `${countedVersions('id, status')}
       SELECT i.code AS item_code, l.code AS level_code, l.ordinal AS level_ordinal, c.status, m.decision
         FROM counted c
         JOIN evidence_mapping m ON m.organisation_id = $1 AND m.evidence_version_id = c.id
         JOIN framework_item i ON i.id = m.framework_item_id AND i.framework_version_id = $3
    LEFT JOIN framework_level l
           ON l.id = CASE WHEN c.status = 'APPROVED' THEN m.accepted_level_id ELSE m.framework_level_id END`,
      [organisationId, ownerUserId, frameworkVersionId, reviewerUserId],
    );
  }

  /**
   * The derived mappings (see `derived_evidence_mapping`) onto items of `frameworkVersionId` of the
   * versions coverage counts (`coverageRows`), with the state of each one's source, for the caller to
   * weigh by the remap rule.
   */
  derivedCoverageRows(
    organisationId: string,
    ownerUserId: string,
    frameworkVersionId: string,
    visibility: VersionVisibility,
  ): Promise<
    {
      item_code: string;
      evidence_id: string;
      status: EvidenceStatus;
      decision: string | null;
      via: 'exactMatchOf' | 'replacedBy';
    }[]
  > {
    const reviewerUserId = visibility.kind === 'SUBMITTED_TO' ? visibility.reviewerUserId : null;
    return this.dataSource.query(
      `${countedVersions('id, evidence_id, status')}
       SELECT i.code AS item_code, c.evidence_id, c.status, m.decision, d.via
         FROM counted c
         JOIN evidence_mapping m ON m.organisation_id = $1 AND m.evidence_version_id = c.id
         JOIN derived_evidence_mapping d ON d.organisation_id = $1 AND d.source_mapping_id = m.id
         JOIN framework_item i ON i.id = d.framework_item_id AND i.framework_version_id = $3`,
      [organisationId, ownerUserId, frameworkVersionId, reviewerUserId],
    );
  }

  /**
   * Approved pieces that cover items of the version only through the organisation's confirmed
   * links: a mapping accepted for an item (of any framework) counts for each item of this version
   * it is linked to, once per piece, unless the piece was accepted for that item directly too.
   */
  coverageThroughAlignmentsRows(
    organisationId: string,
    ownerUserId: string,
    frameworkVersionId: string,
    visibility: VersionVisibility,
  ): Promise<{ item_code: string; approved: number }[]> {
    const reviewerUserId = visibility.kind === 'SUBMITTED_TO' ? visibility.reviewerUserId : null;
    const accepted = `IN ('ACCEPTED', 'ACCEPTED_AT_OTHER_LEVEL')`;
    return this.dataSource.query(
      `WITH visible AS (
         SELECT v.* FROM evidence_version v
          WHERE v.organisation_id = $1 AND v.owner_user_id = $2
            AND ($4::uuid IS NULL OR (${visibleToReviewer('$4')}))
       ), approved AS (
         ${newestVersionPerEvidence({ columns: 'id, evidence_id', from: 'visible', where: "status = 'APPROVED'" })}
       )
       SELECT i.code AS item_code, count(DISTINCT a.evidence_id)::int AS approved
         FROM approved a
         JOIN evidence_mapping m ON m.organisation_id = $1 AND m.evidence_version_id = a.id AND m.decision ${accepted}
         JOIN framework_alignment l
           ON l.organisation_id = $1 AND l.from_item_id = m.framework_item_id AND l.confirmed
         JOIN framework_item i ON i.id = l.to_item_id AND i.framework_version_id = $3
        WHERE NOT EXISTS (
              SELECT 1 FROM evidence_mapping d
               WHERE d.organisation_id = $1 AND d.evidence_version_id = a.id
                 AND d.framework_item_id = l.to_item_id AND d.decision ${accepted})
        GROUP BY i.code`,
      [organisationId, ownerUserId, frameworkVersionId, reviewerUserId],
    );
  }
}

function applyVisibility<T extends SelectQueryBuilder<EvidenceVersionEntity>>(
  qb: T,
  visibility: VersionVisibility,
): T {
  if (visibility.kind === 'SUBMITTED_TO') {
    qb.andWhere(visibleToReviewer(':visibleTo'), {
      visibleTo: visibility.reviewerUserId,
    });
  }
  return qb;
}

/**
 * `visible` and `counted`, the versions coverage counts of one practitioner as the caller may see
 * them: each piece's newest, and its newest approved ($1 organisation, $2 owner, $4 the reviewer
 * who sees only what was submitted to them, or null).
 */
function countedVersions(columns: string): string {
  return `WITH visible AS (
         SELECT v.* FROM evidence_version v
          WHERE v.organisation_id = $1 AND v.owner_user_id = $2
            AND ($4::uuid IS NULL OR (${visibleToReviewer('$4')}))
       ), counted AS (
         (${newestVersionPerEvidence({ columns, from: 'visible', where: 'true' })})
         UNION
         (${newestVersionPerEvidence({ columns, from: 'visible', where: "status = 'APPROVED'" })})
       )`;
}
