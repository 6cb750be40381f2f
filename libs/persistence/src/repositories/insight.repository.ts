import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { newestVersionPerEvidence } from './evidence-version.sql.js';

/** Who an insight query is about: an organisation, optionally one team, over a date range. */
export interface InsightScope {
  organisationId: string;
  teamId: string | null;
  /** First and last day, both inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
}

export interface TeamSize {
  teamId: string | null;
  teamName: string | null;
  practitioners: number;
}

export interface CoverageCount {
  /** One item at one level, one item at every level, or everything. */
  grouping: 'CELL' | 'ITEM' | 'ALL';
  itemCode: string | null;
  levelCode: string | null;
  pieces: number;
  people: number;
}

export interface TurnaroundRow {
  /** Which grouping the row is: everything, one reviewer, or one team (of the practitioner). */
  grouping: 'ALL' | 'REVIEWER' | 'TEAM';
  reviewerUserId: string | null;
  reviewerName: string | null;
  teamId: string | null;
  decisions: number;
  medianDays: number | null;
  p90Days: number | null;
}

export interface BacklogRow {
  teamId: string | null;
  bucket: number;
  waiting: number;
}

export interface StageCountRow {
  stageKey: string | null;
  pcfLevelCode: string | null;
  people: number;
}

export interface StageMovementRow {
  month: string;
  fromStageKey: string;
  toStageKey: string;
  people: number;
}

export interface ApplicationCountRow {
  routeKey: string;
  submitted: number;
  open: number;
  approved: number;
  deferred: number;
  declined: number;
  withdrawn: number;
}

/** Backlog age buckets in days since submission: lower bounds, each up to the next one. */
export const BACKLOG_BUCKETS = [0, 8, 15, 29] as const;

/**
 * Workforce insight for Principal Social Workers: every figure aggregated in PostgreSQL (GROUP BY,
 * GROUPING SETS, percentile_cont), one statement per question, whatever the organisation's size.
 * "Practitioners" are active members with the PRACTITIONER role; a team filter applies to the
 * practitioner the record is about.
 */
@Injectable()
export class InsightRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Active practitioners per team (and without one), for headcounts and small-group suppression. */
  async teamSizes(organisationId: string): Promise<TeamSize[]> {
    const rows: { team_id: string | null; name: string | null; n: number }[] = await this.dataSource.query(
      `SELECT m.team_id, t.name, count(*)::int AS n
         FROM membership m LEFT JOIN team t ON t.organisation_id = m.organisation_id AND t.id = m.team_id
        WHERE m.organisation_id = $1 AND m.active AND 'PRACTITIONER' = ANY(m.roles)
        GROUP BY m.team_id, t.name
        ORDER BY t.name NULLS LAST`,
      [organisationId],
    );
    return rows.map((r) => ({ teamId: r.team_id, teamName: r.name, practitioners: r.n }));
  }

  /**
   * Approved evidence per framework item and accepted level, per item (all levels) and in total: the
   * newest approved version of each piece, signed off within the range, counted as distinct pieces
   * and distinct practitioners (GROUPING SETS, so no total is a sum that counts a piece twice).
   */
  async coverage(scope: InsightScope, frameworkVersionId: string): Promise<CoverageCount[]> {
    const rows: {
      item_bit: number;
      level_bit: number;
      item_code: string | null;
      level_code: string | null;
      pieces: number;
      people: number;
    }[] = await this.dataSource.query(
      `WITH approved AS (
         ${newestVersionPerEvidence({
           columns: 'v.id, v.evidence_id, v.owner_user_id',
           from: `evidence_version v
           JOIN membership m ON m.organisation_id = v.organisation_id AND m.user_id = v.owner_user_id`,
           where: "v.organisation_id = $1 AND v.status = 'APPROVED' AND ($2::uuid IS NULL OR m.team_id = $2)",
           alias: 'v',
         })})
       SELECT GROUPING(i.code) AS item_bit, GROUPING(l.code) AS level_bit, i.code AS item_code, l.code AS level_code,
              count(DISTINCT a.evidence_id)::int AS pieces, count(DISTINCT a.owner_user_id)::int AS people
         FROM approved a
         JOIN evidence_review r ON r.organisation_id = $1 AND r.evidence_version_id = a.id
                               AND r.decided_on BETWEEN $3 AND $4
         JOIN evidence_mapping em ON em.organisation_id = $1 AND em.evidence_version_id = a.id
                                 AND em.decision IN ('ACCEPTED', 'ACCEPTED_AT_OTHER_LEVEL')
         JOIN framework_item i ON i.id = em.framework_item_id AND i.framework_version_id = $5
         LEFT JOIN framework_level l ON l.id = em.accepted_level_id
        GROUP BY GROUPING SETS ((i.code, l.code), (i.code), ())`,
      [scope.organisationId, scope.teamId, scope.from, scope.to, frameworkVersionId],
    );
    return rows.map((r) => ({
      grouping: r.item_bit === 1 ? 'ALL' : r.level_bit === 1 ? 'ITEM' : 'CELL',
      itemCode: r.item_code,
      levelCode: r.level_code,
      pieces: r.pieces,
      people: r.people,
    }));
  }

  /**
   * Days from submission to decision for decisions made within the range: overall, per reviewer
   * and per team of the practitioner, with the median and the 90th percentile.
   */
  async turnaround(scope: InsightScope): Promise<TurnaroundRow[]> {
    const rows: {
      reviewer_bits: number;
      team_bit: number;
      reviewer_user_id: string | null;
      reviewer_name: string | null;
      team_id: string | null;
      decisions: number;
      median: number | null;
      p90: number | null;
    }[] = await this.dataSource.query(
      `WITH decided AS (
         SELECT r.reviewer_user_id, ru.full_name AS reviewer_name, m.team_id,
                extract(epoch FROM (r.decided_at - v.submitted_at)) / 86400.0 AS days
           FROM evidence_review r
           JOIN evidence_version v ON v.organisation_id = r.organisation_id AND v.id = r.evidence_version_id
           JOIN membership m ON m.organisation_id = r.organisation_id AND m.user_id = r.practitioner_user_id
           JOIN app_user ru ON ru.id = r.reviewer_user_id
          WHERE r.organisation_id = $1 AND ($2::uuid IS NULL OR m.team_id = $2)
            AND r.decided_at >= $3::date AND r.decided_at < $4::date + 1)
       SELECT GROUPING(reviewer_user_id, reviewer_name) AS reviewer_bits, GROUPING(team_id) AS team_bit,
              reviewer_user_id, reviewer_name, team_id, count(*)::int AS decisions,
              round(percentile_cont(0.5) WITHIN GROUP (ORDER BY days)::numeric, 1)::float8 AS median,
              round(percentile_cont(0.9) WITHIN GROUP (ORDER BY days)::numeric, 1)::float8 AS p90
         FROM decided
        GROUP BY GROUPING SETS ((), (reviewer_user_id, reviewer_name), (team_id))
        ORDER BY reviewer_name NULLS FIRST, team_id NULLS FIRST`,
      [scope.organisationId, scope.teamId, scope.from, scope.to],
    );
    return rows.map((r) => ({
      // GROUPING() sets a bit for each column the row is NOT grouped by.
      grouping: r.reviewer_bits === 0 ? 'REVIEWER' : r.team_bit === 0 ? 'TEAM' : 'ALL',
      reviewerUserId: r.reviewer_user_id,
      reviewerName: r.reviewer_name,
      teamId: r.team_id,
      decisions: r.decisions,
      medianDays: r.median,
      p90Days: r.p90,
    }));
  }

  /** Submissions waiting for a decision at `asOf`, per team and age bucket (index into BACKLOG_BUCKETS). */
  async backlog(scope: InsightScope, asOf: Date): Promise<BacklogRow[]> {
    const rows: { team_id: string | null; bucket: number; waiting: number }[] = await this.dataSource.query(
      `SELECT m.team_id,
              width_bucket(extract(epoch FROM ($3::timestamptz - v.submitted_at)) / 86400.0, $4::float8[]) - 1 AS bucket,
              count(*)::int AS waiting
         FROM evidence_version v
         JOIN membership m ON m.organisation_id = v.organisation_id AND m.user_id = v.owner_user_id
        WHERE v.organisation_id = $1 AND v.status = 'SUBMITTED' AND ($2::uuid IS NULL OR m.team_id = $2)
        GROUP BY 1, 2`,
      [scope.organisationId, scope.teamId, asOf, [...BACKLOG_BUCKETS]],
    );
    return rows.map((r) => ({ teamId: r.team_id, bucket: Math.max(0, r.bucket), waiting: r.waiting }));
  }

  /** Practitioners per stage and per PCF level of their stage on the range's last day. */
  async stageCounts(
    scope: InsightScope,
    pathwayId: string,
    pathwayVersionId: string,
  ): Promise<StageCountRow[]> {
    const rows: { stage_key: string | null; level: string | null; by_level: number; people: number }[] =
      await this.dataSource.query(
        `SELECT s.stage_key, st.level, GROUPING(s.stage_key) AS by_level, count(DISTINCT s.user_id)::int AS people
           FROM practitioner_stage s
           JOIN membership m ON m.organisation_id = s.organisation_id AND m.user_id = s.user_id AND m.active
           JOIN pathway_version pv ON pv.organisation_id = s.organisation_id AND pv.id = $4
           LEFT JOIN LATERAL (
             SELECT x->>'pcfLevelCode' AS level FROM jsonb_array_elements(pv.design->'stages') x
              WHERE x->>'key' = s.stage_key) st ON true
          WHERE s.organisation_id = $1 AND s.pathway_id = $3 AND ($2::uuid IS NULL OR m.team_id = $2)
            AND s.from_date <= $5 AND (s.to_date IS NULL OR s.to_date >= $5)
          GROUP BY GROUPING SETS ((s.stage_key), (st.level))`,
        [scope.organisationId, scope.teamId, pathwayId, pathwayVersionId, scope.to],
      );
    return rows.map((r) =>
      r.by_level === 1
        ? { stageKey: null, pcfLevelCode: r.level, people: r.people }
        : { stageKey: r.stage_key, pcfLevelCode: null, people: r.people },
    );
  }

  /** Moves from one stage to the next that started within the range, per month. */
  async stageMovements(scope: InsightScope, pathwayId: string): Promise<StageMovementRow[]> {
    const rows: { month: string; from_stage: string; to_stage: string; people: number }[] =
      await this.dataSource.query(
        `WITH spells AS (
           SELECT s.user_id, s.stage_key, s.from_date,
                  lag(s.stage_key) OVER (PARTITION BY s.user_id ORDER BY s.from_date, s.created_at) AS previous
             FROM practitioner_stage s
             JOIN membership m ON m.organisation_id = s.organisation_id AND m.user_id = s.user_id
            WHERE s.organisation_id = $1 AND s.pathway_id = $3 AND ($2::uuid IS NULL OR m.team_id = $2))
         SELECT to_char(date_trunc('month', from_date), 'YYYY-MM') AS month, previous AS from_stage,
                stage_key AS to_stage, count(*)::int AS people
           FROM spells
          WHERE previous IS NOT NULL AND previous <> stage_key AND from_date BETWEEN $4 AND $5
          GROUP BY 1, 2, 3
          ORDER BY 1, 2, 3`,
        [scope.organisationId, scope.teamId, pathwayId, scope.from, scope.to],
      );
    return rows.map((r) => ({
      month: r.month,
      fromStageKey: r.from_stage,
      toStageKey: r.to_stage,
      people: r.people,
    }));
  }

  /**
   * Applications per route of a pathway (any of its versions): submitted within the range, open
   * now, and decided within the range by outcome.
   */
  async applications(scope: InsightScope, pathwayId: string): Promise<ApplicationCountRow[]> {
    const rows: Record<string, string | number>[] = await this.dataSource.query(
      `WITH a AS (
         SELECT a.route_key, a.status, a.submitted_at::date BETWEEN $4 AND $5 AS submitted_in,
                a.decided_at IS NOT NULL AND a.decided_at >= $4::date AND a.decided_at < $5::date + 1 AS decided_in
           FROM progression_application a
           JOIN pathway_version pv ON pv.organisation_id = a.organisation_id AND pv.id = a.pathway_version_id
           JOIN membership m ON m.organisation_id = a.organisation_id AND m.user_id = a.user_id
          WHERE a.organisation_id = $1 AND pv.pathway_id = $3 AND ($2::uuid IS NULL OR m.team_id = $2))
       SELECT route_key,
              count(*) FILTER (WHERE submitted_in)::int AS submitted,
              count(*) FILTER (WHERE status = 'OPEN')::int AS open,
              count(*) FILTER (WHERE status = 'APPROVED' AND decided_in)::int AS approved,
              count(*) FILTER (WHERE status = 'DEFERRED' AND decided_in)::int AS deferred,
              count(*) FILTER (WHERE status = 'DECLINED' AND decided_in)::int AS declined,
              count(*) FILTER (WHERE status = 'WITHDRAWN' AND submitted_in)::int AS withdrawn
         FROM a GROUP BY route_key`,
      [scope.organisationId, scope.teamId, pathwayId, scope.from, scope.to],
    );
    return rows.map((r) => ({
      routeKey: r.route_key as string,
      submitted: r.submitted as number,
      open: r.open as number,
      approved: r.approved as number,
      deferred: r.deferred as number,
      declined: r.declined as number,
      withdrawn: r.withdrawn as number,
    }));
  }
}
