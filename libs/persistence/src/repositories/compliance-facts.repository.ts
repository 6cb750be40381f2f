import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { EvidenceKind, EvidenceStatus, Regulator, Role } from '#app/domain';
import { EvidenceVersionEntity } from '../entities/evidence-version.entity.js';
import { newestVersionPerEvidence } from './evidence-version.sql.js';
import { TRIMMED_CHARACTERS } from './trimmed-characters.js';

/** A member with what the CPD, ASYE and supervision rules need to know about their registration. */
export interface MemberFacts {
  userId: string;
  roles: Role[];
  teamId: string | null;
  active: boolean;
  regulator: Regulator | null;
  registrationNumber: string | null;
  dateQualified: string | null;
  memberSince: Date;
}

/** The newest approved version of a piece of evidence (what the ASYE counts). */
export interface ApprovedEvidenceFacts {
  ownerUserId: string;
  evidenceId: string;
  kind: EvidenceKind;
  date: string;
  status: EvidenceStatus;
}

/** The newest version of a CPD activity, as the CPD rules and duplicate warnings read it. */
export type CpdPieceRow = Pick<
  EvidenceVersionEntity,
  | 'evidenceId'
  | 'ownerUserId'
  | 'kind'
  | 'dateFrom'
  | 'dateTo'
  | 'hours'
  | 'title'
  | 'description'
  | 'learning'
  | 'impact'
  | 'peerReflection'
  | 'status'
>;

interface CpdPieceSqlRow {
  evidence_id: string;
  owner_user_id: string;
  kind: EvidenceKind;
  date_from: string;
  date_to: string | null;
  hours: string | null;
  title: string;
  description: string;
  learning: string;
  impact: string;
  peer_reflection: string | null;
  status: EvidenceStatus;
}

function toCpdPieceRow(r: CpdPieceSqlRow): CpdPieceRow {
  return {
    evidenceId: r.evidence_id,
    ownerUserId: r.owner_user_id,
    kind: r.kind,
    dateFrom: r.date_from,
    dateTo: r.date_to,
    hours: r.hours,
    title: r.title,
    description: r.description,
    learning: r.learning,
    impact: r.impact,
    peerReflection: r.peer_reflection,
    status: r.status,
  };
}

/** A submission waiting for its reviewer's decision. */
export interface WaitingSubmission {
  organisationId: string;
  versionId: string;
  reviewerUserId: string;
  submittedAt: Date;
}

/**
 * Read-only facts for the compliance rules, loaded for many people at once: a few statements for a
 * whole organisation, never one per person.
 */
@Injectable()
export class ComplianceFactsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Members of the organisation (all, one team's, or the given people), with their registration. */
  async findMembers(
    organisationId: string,
    filter: { teamId?: string; userIds?: readonly string[]; role?: Role } = {},
    manager?: EntityManager,
  ): Promise<MemberFacts[]> {
    const rows: {
      user_id: string;
      roles: Role[];
      team_id: string | null;
      active: boolean;
      regulator: Regulator | null;
      registration_number: string | null;
      date_qualified: string | null;
      created_at: Date;
    }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT m.user_id, m.roles::text[] AS roles, m.team_id, m.active, u.regulator, u.registration_number,
              to_char(u.date_qualified, 'YYYY-MM-DD') AS date_qualified, m.created_at
         FROM membership m JOIN app_user u ON u.id = m.user_id
        WHERE m.organisation_id = $1
          AND ($2::uuid IS NULL OR m.team_id = $2)
          AND ($3::uuid[] IS NULL OR m.user_id = ANY($3))
          AND ($4::text IS NULL OR $4 = ANY(m.roles::text[]))
        ORDER BY m.user_id`,
      [
        organisationId,
        filter.teamId ?? null,
        filter.userIds ? [...filter.userIds] : null,
        filter.role ?? null,
      ],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      roles: r.roles,
      teamId: r.team_id,
      active: r.active,
      regulator: r.regulator,
      registrationNumber: r.registration_number,
      dateQualified: r.date_qualified,
      memberSince: r.created_at,
    }));
  }

  /**
   * The newest version of each CPD activity of the given practitioners (one statement), with just
   * the fields the CPD rules read: plain rows, since hydrating entities is slow for a whole council.
   */
  async findCurrentCpdPieces(
    organisationId: string,
    ownerUserIds: readonly string[],
  ): Promise<CpdPieceRow[]> {
    if (ownerUserIds.length === 0) return [];
    const rows: CpdPieceSqlRow[] = await this.dataSource.query(
      newestVersionPerEvidence({
        columns: `evidence_id, owner_user_id, kind, to_char(date_from, 'YYYY-MM-DD') AS date_from,
              to_char(date_to, 'YYYY-MM-DD') AS date_to, hours, title, description, learning, impact, peer_reflection, status`,
        from: 'evidence_version',
        where: "organisation_id = $1 AND owner_user_id = ANY($2) AND kind = 'CPD_ACTIVITY'",
      }),
      [organisationId, [...ownerUserIds]],
    );
    return rows.map(toCpdPieceRow);
  }

  /**
   * As `findCurrentCpdPieces`, for the CPD rules alone, which read of the text only whether each field
   * is blank (`trim()` leaves nothing) and, for pieces sharing their day with another of the same
   * person's, the whole text (the duplicate check). So the text of a piece alone on its day, and every
   * peer reflection, comes cut to its first character after the characters `trim()` removes: blank
   * stays blank, anything else stays not blank, and an organisation-wide read ships a fiftieth of the
   * text. Not for showing: the text of most pieces is cut.
   */
  async findCpdPiecesForRules(
    organisationId: string,
    ownerUserIds: readonly string[],
  ): Promise<CpdPieceRow[]> {
    if (ownerUserIds.length === 0) return [];
    const cut = (column: string) => `left(btrim(${column}, $3), 1)`;
    const whole = (column: string) => `CASE WHEN shares_day THEN ${column} ELSE ${cut(column)} END`;
    const rows: CpdPieceSqlRow[] = await this.dataSource.query(
      `SELECT evidence_id, owner_user_id, kind, to_char(date_from, 'YYYY-MM-DD') AS date_from,
              to_char(date_to, 'YYYY-MM-DD') AS date_to, hours, status,
              ${whole('title')} AS title, ${whole('description')} AS description,
              ${whole('learning')} AS learning, ${whole('impact')} AS impact,
              ${cut('peer_reflection')} AS peer_reflection
         FROM (SELECT newest.*, count(*) OVER (PARTITION BY owner_user_id, date_from) > 1 AS shares_day
                 FROM (${newestVersionPerEvidence({
                   columns:
                     'evidence_id, owner_user_id, kind, date_from, date_to, hours, title, description, learning, impact, peer_reflection, status',
                   from: 'evidence_version',
                   where: "organisation_id = $1 AND owner_user_id = ANY($2) AND kind = 'CPD_ACTIVITY'",
                 })}) newest) pieces`,
      [organisationId, [...ownerUserIds], TRIMMED_CHARACTERS],
    );
    return rows.map(toCpdPieceRow);
  }

  /**
   * The newest APPROVED version of each piece of evidence of the given practitioners (one
   * statement): a sign-off stays counted while the practitioner drafts the next version.
   */
  async findApprovedEvidence(
    organisationId: string,
    ownerUserIds: readonly string[],
    manager?: EntityManager,
  ): Promise<ApprovedEvidenceFacts[]> {
    if (ownerUserIds.length === 0) return [];
    const rows: { owner_user_id: string; evidence_id: string; kind: EvidenceKind; date_from: string }[] =
      await (manager ?? this.dataSource.manager).query(
        newestVersionPerEvidence({
          columns: "v.owner_user_id, v.evidence_id, v.kind, to_char(v.date_from, 'YYYY-MM-DD') AS date_from",
          from: 'evidence_version v',
          where: "v.organisation_id = $1 AND v.owner_user_id = ANY($2::uuid[]) AND v.status = 'APPROVED'",
          alias: 'v',
        }),
        [organisationId, [...ownerUserIds]],
      );
    return rows.map((r) => ({
      ownerUserId: r.owner_user_id,
      evidenceId: r.evidence_id,
      kind: r.kind,
      date: r.date_from,
      status: 'APPROVED',
    }));
  }

  /** Submissions in every organisation (or one) still waiting for a decision, submitted at or before `before`. */
  async findWaitingForReview(
    before: Date,
    organisationId: string | null = null,
  ): Promise<WaitingSubmission[]> {
    const rows: { organisation_id: string; id: string; reviewer_user_id: string; submitted_at: Date }[] =
      await this.dataSource.query(
        `SELECT v.organisation_id, v.id, v.reviewer_user_id, v.submitted_at
           FROM evidence_version v
          WHERE v.status = 'SUBMITTED' AND v.submitted_at <= $1
            AND ($2::uuid IS NULL OR v.organisation_id = $2)
          ORDER BY v.organisation_id, v.submitted_at, v.id`,
        [before, organisationId],
      );
    return rows.map((r) => ({
      organisationId: r.organisation_id,
      versionId: r.id,
      reviewerUserId: r.reviewer_user_id,
      submittedAt: r.submitted_at,
    }));
  }

  /**
   * Who supervises whom on `activeOn`: assessor relationships in the SUPERVISOR capacity in force
   * that day (one statement).
   */
  async findSupervisorRelationships(
    organisationId: string,
    activeOn: string,
  ): Promise<{ supervisorUserId: string; superviseeUserId: string }[]> {
    const rows: { assessor_user_id: string; practitioner_user_id: string }[] = await this.dataSource.query(
      `SELECT assessor_user_id, practitioner_user_id FROM assessor_relationship
        WHERE organisation_id = $1 AND capacity = 'SUPERVISOR'
          AND starts_on <= $2 AND (ends_on IS NULL OR ends_on >= $2)
        ORDER BY starts_on DESC, id`,
      [organisationId, activeOn],
    );
    return rows.map((r) => ({
      supervisorUserId: r.assessor_user_id,
      superviseeUserId: r.practitioner_user_id,
    }));
  }

  /** Ids of organisations with at least one active member (what the reminder scan walks). */
  async findOrganisationIds(): Promise<string[]> {
    const rows: { organisation_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT organisation_id FROM membership WHERE active ORDER BY organisation_id`,
    );
    return rows.map((r) => r.organisation_id);
  }
}
