import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CpdActivityType, EvidenceKind } from '#app/domain';
import { newestVersionPerEvidence } from './evidence-version.sql.js';

/** The newest approved version of a piece of evidence, with the text a portfolio PDF prints. */
export interface ApprovedPieceRow {
  evidenceId: string;
  versionId: string;
  versionNo: number;
  kind: EvidenceKind;
  cpdActivityType: CpdActivityType | null;
  title: string;
  dateFrom: string;
  dateTo: string | null;
  hours: string | null;
  description: string;
  learning: string;
  impact: string;
  peerReflection: string | null;
  peerRole: string | null;
}

/** One CPD activity as the regulator's online record asks for it. */
export interface CpdLogRow {
  evidenceId: string;
  title: string;
  date: string;
  type: CpdActivityType;
  description: string;
  learning: string;
  impact: string;
  peerReflection: string | null;
}

/** The practitioner's stage on a pathway on a day. */
export interface StageOnDay {
  pathwayId: string;
  stageKey: string;
  fromDate: string;
}

/**
 * Reads for portfolios that leave the system (PDF, CPD log): whole portfolios in a few statements,
 * never one per piece.
 */
@Injectable()
export class PortfolioExportRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  /** The newest APPROVED version of each piece of the practitioner's evidence, newest first. */
  async findApprovedPieces(
    organisationId: string,
    ownerUserId: string,
    manager?: EntityManager,
  ): Promise<ApprovedPieceRow[]> {
    const rows: Record<string, unknown>[] = await this.manager(manager).query(
      `SELECT * FROM (
         ${newestVersionPerEvidence({
           columns: `v.evidence_id, v.id, v.version_no, v.kind, v.cpd_activity_type, v.title,
                to_char(v.date_from, 'YYYY-MM-DD') AS date_from, to_char(v.date_to, 'YYYY-MM-DD') AS date_to, v.hours,
                v.description, v.learning, v.impact, v.peer_reflection, v.peer_role`,
           from: 'evidence_version v',
           where: "v.organisation_id = $1 AND v.owner_user_id = $2 AND v.status = 'APPROVED'",
           alias: 'v',
         })}) approved
        ORDER BY date_from DESC, evidence_id`,
      [organisationId, ownerUserId],
    );
    return rows.map((r) => ({
      evidenceId: r.evidence_id as string,
      versionId: r.id as string,
      versionNo: r.version_no as number,
      kind: r.kind as EvidenceKind,
      cpdActivityType: r.cpd_activity_type as CpdActivityType | null,
      title: r.title as string,
      dateFrom: r.date_from as string,
      dateTo: r.date_to as string | null,
      hours: r.hours as string | null,
      description: r.description as string,
      learning: r.learning as string,
      impact: r.impact as string,
      peerReflection: r.peer_reflection as string | null,
      peerRole: r.peer_role as string | null,
    }));
  }

  /**
   * The newest version of each CPD activity dated within [from, to] (a registration year), oldest
   * first, whatever its sign-off status: CPD is recorded with the regulator, not signed off.
   */
  async findCpdLog(
    organisationId: string,
    ownerUserId: string,
    from: string,
    to: string,
  ): Promise<CpdLogRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT * FROM (
         ${newestVersionPerEvidence({
           columns: `v.evidence_id, v.title, to_char(v.date_from, 'YYYY-MM-DD') AS date_from,
                v.cpd_activity_type, v.description, v.learning, v.impact, v.peer_reflection`,
           from: 'evidence_version v',
           where: "v.organisation_id = $1 AND v.owner_user_id = $2 AND v.kind = 'CPD_ACTIVITY'",
           alias: 'v',
         })}) current
        WHERE date_from BETWEEN $3 AND $4
        ORDER BY date_from, evidence_id`,
      [organisationId, ownerUserId, from, to],
    );
    return rows.map((r) => ({
      evidenceId: r.evidence_id as string,
      title: r.title as string,
      date: r.date_from as string,
      type: r.cpd_activity_type as CpdActivityType,
      description: r.description as string,
      learning: r.learning as string,
      impact: r.impact as string,
      peerReflection: r.peer_reflection as string | null,
    }));
  }

  /** The stage the practitioner holds on `day` on each pathway that has a spell covering it. */
  async findStagesOn(organisationId: string, userId: string, day: string): Promise<StageOnDay[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT pathway_id, stage_key, to_char(from_date, 'YYYY-MM-DD') AS from_date
         FROM practitioner_stage
        WHERE organisation_id = $1 AND user_id = $2 AND from_date <= $3 AND (to_date IS NULL OR to_date >= $3)
        ORDER BY from_date DESC, id`,
      [organisationId, userId, day],
    );
    return rows.map((r) => ({
      pathwayId: r.pathway_id as string,
      stageKey: r.stage_key as string,
      fromDate: r.from_date as string,
    }));
  }
}
