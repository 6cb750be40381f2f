import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  AssessorCapacity,
  EvidenceKind,
  PathwayDesign,
  QualificationType,
  ReviewOutcome,
} from '#app/domain';
import type { ReviewerStandingRecord } from '../entities/evidence-review.entity.js';

/** A reviewer's decision with the names a credential or a PDF prints. */
export interface SignOffFacts {
  reviewId: string;
  evidenceVersionId: string;
  evidenceKind: EvidenceKind;
  practitionerUserId: string;
  practitionerName: string;
  practitionerRegulator: string | null;
  practitionerRegistrationNumber: string | null;
  reviewerUserId: string;
  reviewerName: string;
  outcome: ReviewOutcome;
  capacity: AssessorCapacity;
  decidedOn: string;
  standing: ReviewerStandingRecord;
  /** The reviewer's comment: printed in the portfolio PDF, never put in a credential. */
  comment: string;
}

/** A mapping of a version to a framework item, with the level accepted (or claimed). */
export interface MappingFacts {
  evidenceVersionId: string;
  position: number;
  decision: string | null;
  frameworkCode: string;
  frameworkVersion: string;
  itemCode: string;
  itemTitle: string;
  levelCode: string | null;
  levelName: string | null;
  pathwayName: string | null;
  rationale: string;
  /** The reviewer's comment on their decision about this mapping. */
  decisionComment: string | null;
}

/** A stage held from an approved application, with who decided it. */
export interface StageAwardFacts {
  stageId: string;
  userId: string;
  practitionerName: string;
  practitionerRegulator: string | null;
  practitionerRegistrationNumber: string | null;
  stageKey: string;
  fromDate: string;
  howDecided: string;
  applicationStatus: string;
  decidedByUserId: string | null;
  decidedByName: string | null;
  decidedByRegulator: string | null;
  decidedByRegistrationNumber: string | null;
  pathwayName: string;
  design: PathwayDesign;
}

export interface QualificationFacts {
  qualificationId: string;
  userId: string;
  practitionerName: string;
  practitionerRegulator: string | null;
  practitionerRegistrationNumber: string | null;
  type: QualificationType;
  title: string;
  awardedOn: string;
  expiresOn: string | null;
  credits: number | null;
  verifiedByUserId: string | null;
  verifiedByName: string | null;
  verifiedByRegulator: string | null;
  verifiedByRegistrationNumber: string | null;
}

/**
 * What signed credentials and portfolio PDFs say about sign-offs, stage awards and qualifications,
 * loaded for many records at once (one statement per kind, never one per record).
 */
@Injectable()
export class CredentialFactsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  /** Reviews by id, or every review of the given versions. */
  async findSignOffs(
    organisationId: string,
    by: { reviewIds: readonly string[] } | { versionIds: readonly string[] },
    manager?: EntityManager,
  ): Promise<SignOffFacts[]> {
    const ids = 'reviewIds' in by ? by.reviewIds : by.versionIds;
    if (ids.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.manager(manager).query(
      `SELECT r.id AS review_id, r.evidence_version_id, v.kind, r.practitioner_user_id, pu.full_name AS practitioner_name,
              pu.regulator AS practitioner_regulator, pu.registration_number AS practitioner_registration_number,
              r.reviewer_user_id, ru.full_name AS reviewer_name, r.outcome, r.capacity,
              to_char(r.decided_on, 'YYYY-MM-DD') AS decided_on, r.standing, r.comment
         FROM evidence_review r
         JOIN evidence_version v ON v.organisation_id = r.organisation_id AND v.id = r.evidence_version_id
         JOIN app_user pu ON pu.id = r.practitioner_user_id
         JOIN app_user ru ON ru.id = r.reviewer_user_id
        WHERE r.organisation_id = $1 AND ${'reviewIds' in by ? 'r.id' : 'r.evidence_version_id'} = ANY($2::uuid[])
        ORDER BY r.decided_on, r.id`,
      [organisationId, [...ids]],
    );
    return rows.map((r) => ({
      reviewId: r.review_id as string,
      evidenceVersionId: r.evidence_version_id as string,
      evidenceKind: r.kind as EvidenceKind,
      practitionerUserId: r.practitioner_user_id as string,
      practitionerName: r.practitioner_name as string,
      practitionerRegulator: r.practitioner_regulator as string | null,
      practitionerRegistrationNumber: r.practitioner_registration_number as string | null,
      reviewerUserId: r.reviewer_user_id as string,
      reviewerName: r.reviewer_name as string,
      outcome: r.outcome as ReviewOutcome,
      capacity: r.capacity as AssessorCapacity,
      decidedOn: r.decided_on as string,
      standing: r.standing as ReviewerStandingRecord,
      comment: r.comment as string,
    }));
  }

  /** The mappings of many versions, in the practitioner's order, with framework labels. */
  async findMappings(
    organisationId: string,
    versionIds: readonly string[],
    manager?: EntityManager,
  ): Promise<MappingFacts[]> {
    if (versionIds.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.manager(manager).query(
      `SELECT m.evidence_version_id, m.position, m.decision, f.code AS framework_code, fv.version AS framework_version,
              i.code AS item_code, i.title AS item_title, l.code AS level_code, l.name AS level_name,
              p.name AS pathway_name, m.rationale, m.decision_comment
         FROM evidence_mapping m
         JOIN framework_item i ON i.id = m.framework_item_id
         JOIN framework_version fv ON fv.id = i.framework_version_id
         JOIN framework f ON f.id = fv.framework_id
         LEFT JOIN framework_level l ON l.id = COALESCE(m.accepted_level_id, m.framework_level_id)
         LEFT JOIN framework_level_pathway p ON p.id = COALESCE(m.accepted_pathway_id, m.framework_level_pathway_id)
        WHERE m.organisation_id = $1 AND m.evidence_version_id = ANY($2::uuid[])
        ORDER BY m.evidence_version_id, m.position`,
      [organisationId, [...versionIds]],
    );
    return rows.map((r) => ({
      evidenceVersionId: r.evidence_version_id as string,
      position: r.position as number,
      decision: r.decision as string | null,
      frameworkCode: r.framework_code as string,
      frameworkVersion: r.framework_version as string,
      itemCode: r.item_code as string,
      itemTitle: r.item_title as string,
      levelCode: r.level_code as string | null,
      levelName: r.level_name as string | null,
      pathwayName: r.pathway_name as string | null,
      rationale: r.rationale as string,
      decisionComment: r.decision_comment as string | null,
    }));
  }

  async findStageAwards(
    organisationId: string,
    stageIds: readonly string[],
    manager?: EntityManager,
  ): Promise<StageAwardFacts[]> {
    if (stageIds.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.manager(manager).query(
      `SELECT s.id AS stage_id, s.user_id, pu.full_name AS practitioner_name, pu.regulator AS practitioner_regulator,
              pu.registration_number AS practitioner_registration_number, s.stage_key,
              to_char(s.from_date, 'YYYY-MM-DD') AS from_date, s.how_decided, a.status AS application_status,
              a.decided_by_user_id, du.full_name AS decided_by_name, du.regulator AS decided_by_regulator,
              du.registration_number AS decided_by_registration_number, p.name AS pathway_name, pv.design
         FROM practitioner_stage s
         JOIN app_user pu ON pu.id = s.user_id
         JOIN progression_application a ON a.organisation_id = s.organisation_id AND a.id = s.application_id
         JOIN pathway_version pv ON pv.organisation_id = a.organisation_id AND pv.id = a.pathway_version_id
         JOIN pathway p ON p.organisation_id = pv.organisation_id AND p.id = pv.pathway_id
         LEFT JOIN app_user du ON du.id = a.decided_by_user_id
        WHERE s.organisation_id = $1 AND s.id = ANY($2::uuid[])`,
      [organisationId, [...stageIds]],
    );
    return rows.map((r) => ({
      stageId: r.stage_id as string,
      userId: r.user_id as string,
      practitionerName: r.practitioner_name as string,
      practitionerRegulator: r.practitioner_regulator as string | null,
      practitionerRegistrationNumber: r.practitioner_registration_number as string | null,
      stageKey: r.stage_key as string,
      fromDate: r.from_date as string,
      howDecided: r.how_decided as string,
      applicationStatus: r.application_status as string,
      decidedByUserId: r.decided_by_user_id as string | null,
      decidedByName: r.decided_by_name as string | null,
      decidedByRegulator: r.decided_by_regulator as string | null,
      decidedByRegistrationNumber: r.decided_by_registration_number as string | null,
      pathwayName: r.pathway_name as string,
      design: r.design as PathwayDesign,
    }));
  }

  async findQualifications(
    organisationId: string,
    qualificationIds: readonly string[],
    manager?: EntityManager,
  ): Promise<QualificationFacts[]> {
    if (qualificationIds.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.manager(manager).query(
      `SELECT q.id AS qualification_id, q.user_id, pu.full_name AS practitioner_name, pu.regulator AS practitioner_regulator,
              pu.registration_number AS practitioner_registration_number, q.type, q.title,
              to_char(q.awarded_on, 'YYYY-MM-DD') AS awarded_on, to_char(q.expires_on, 'YYYY-MM-DD') AS expires_on,
              q.credits, q.verified_by_user_id, vu.full_name AS verified_by_name, vu.regulator AS verified_by_regulator,
              vu.registration_number AS verified_by_registration_number
         FROM qualification q
         JOIN app_user pu ON pu.id = q.user_id
         LEFT JOIN app_user vu ON vu.id = q.verified_by_user_id
        WHERE q.organisation_id = $1 AND q.id = ANY($2::uuid[])`,
      [organisationId, [...qualificationIds]],
    );
    return rows.map((r) => ({
      qualificationId: r.qualification_id as string,
      userId: r.user_id as string,
      practitionerName: r.practitioner_name as string,
      practitionerRegulator: r.practitioner_regulator as string | null,
      practitionerRegistrationNumber: r.practitioner_registration_number as string | null,
      type: r.type as QualificationType,
      title: r.title as string,
      awardedOn: r.awarded_on as string,
      expiresOn: r.expires_on as string | null,
      credits: r.credits as number | null,
      verifiedByUserId: r.verified_by_user_id as string | null,
      verifiedByName: r.verified_by_name as string | null,
      verifiedByRegulator: r.verified_by_regulator as string | null,
      verifiedByRegistrationNumber: r.verified_by_registration_number as string | null,
    }));
  }
}
