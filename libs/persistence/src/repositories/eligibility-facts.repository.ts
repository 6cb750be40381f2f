import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isNewestApproved } from './evidence-version.sql.js';

export interface PractitionerRow {
  user_id: string;
  full_name: string;
  date_qualified: string | null;
  team_id: string | null;
}

export interface QualificationRow {
  user_id: string;
  type: string;
  awarded_on: string;
  expires_on: string | null;
  credits: number | null;
  verified: boolean;
}

/** A piece of approved evidence with its accepted mappings, as `approvedEvidence` gives them. */
export interface ApprovedEvidenceMappings {
  evidenceId: string;
  kind: string;
  /** YYYY-MM-DD */
  date: string;
  /**
   * The k-th mapping's item and accepted level as positions (from 1) in the lists given, level 0
   * when none was accepted: small numbers instead of ids, since a council has hundreds of thousands.
   */
  items: number[];
  levels: number[];
}

/**
 * The facts eligibility is evaluated on, loaded set-based for one practitioner or a whole
 * organisation: a handful of statements whatever the number of people or pieces.
 * `userIds = null` means every active practitioner of the organisation.
 */
@Injectable()
export class EligibilityFactsRepository {
  constructor(private readonly dataSource: DataSource) {}

  practitioners(organisationId: string, userIds: readonly string[] | null): Promise<PractitionerRow[]> {
    return this.dataSource.query(
      `SELECT m.user_id, u.full_name, to_char(u.date_qualified, 'YYYY-MM-DD') AS date_qualified, m.team_id
         FROM membership m JOIN app_user u ON u.id = m.user_id
        WHERE m.organisation_id = $1 AND m.active AND 'PRACTITIONER' = ANY(m.roles)
          AND ($2::uuid[] IS NULL OR m.user_id = ANY($2))
        ORDER BY m.user_id`,
      [organisationId, userIds],
    );
  }

  qualifications(organisationId: string, userIds: readonly string[] | null): Promise<QualificationRow[]> {
    return this.dataSource.query(
      `SELECT user_id, type, to_char(awarded_on, 'YYYY-MM-DD') AS awarded_on, to_char(expires_on, 'YYYY-MM-DD') AS expires_on,
              credits, verified_by_user_id IS NOT NULL AS verified
         FROM qualification
        WHERE organisation_id = $1 AND ($2::uuid[] IS NULL OR user_id = ANY($2))`,
      [organisationId, userIds],
    );
  }

  /**
   * Accepted mappings of each piece's newest approved version (a sign-off stays counted while the
   * practitioner drafts the next version), dated by the end of the evidence's date range, by
   * practitioner. Mappings to items not in `itemIds` are left out, and so is a piece left with none.
   *
   * One row per practitioner, each piece `evidenceId kind date item level item level …` and pieces
   * separated by `;`, decoded here: the driver then makes a few thousand strings instead of a row
   * object and six strings per mapping, the costliest part of an organisation-wide evaluation. The
   * newest approved version is the one with no later approved version (an anti-join, which costs
   * PostgreSQL less than sorting every approved version: `isNewestApproved`).
   */
  async approvedEvidence(
    organisationId: string,
    userIds: readonly string[] | null,
    itemIds: readonly string[],
    levelIds: readonly string[],
  ): Promise<Map<string, ApprovedEvidenceMappings[]>> {
    const rows: { user_id: string; pieces: string }[] = await this.dataSource.query(
      `WITH pieces AS (
         SELECT v.owner_user_id,
                v.evidence_id || ' ' || v.kind || ' ' || to_char(coalesce(v.date_to, v.date_from), 'YYYY-MM-DD')
                  || ' ' || string_agg(i.position || ' ' || coalesce(l.position, 0), ' ') AS piece
           FROM evidence_version v
           JOIN evidence_mapping m ON m.organisation_id = $1 AND m.evidence_version_id = v.id
           JOIN unnest($3::uuid[]) WITH ORDINALITY AS i(id, position) ON i.id = m.framework_item_id
           LEFT JOIN unnest($4::uuid[]) WITH ORDINALITY AS l(id, position) ON l.id = m.accepted_level_id
          WHERE v.organisation_id = $1 AND ${isNewestApproved('v')} AND ($2::uuid[] IS NULL OR v.owner_user_id = ANY($2))
            AND m.decision IN ('ACCEPTED', 'ACCEPTED_AT_OTHER_LEVEL')
          GROUP BY v.organisation_id, v.id
       )
       SELECT owner_user_id AS user_id, string_agg(piece, ';') AS pieces FROM pieces GROUP BY owner_user_id`,
      [organisationId, userIds, itemIds, levelIds],
    );
    const byUser = new Map<string, ApprovedEvidenceMappings[]>();
    for (const row of rows) byUser.set(row.user_id, decodePieces(row.pieces));
    return byUser;
  }
}

/**
 * Decodes `evidenceId kind date item level item level …;…` (see `approvedEvidence`) reading the
 * numbers digit by digit: splitting would make a string for every number of every mapping.
 */
function decodePieces(text: string): ApprovedEvidenceMappings[] {
  const pieces: ApprovedEvidenceMappings[] = [];
  for (let at = 0; at < text.length;) {
    const found = text.indexOf(';', at);
    const end = found === -1 ? text.length : found;
    const afterId = text.indexOf(' ', at);
    const afterKind = text.indexOf(' ', afterId + 1);
    const afterDate = text.indexOf(' ', afterKind + 1);
    const items: number[] = [];
    const levels: number[] = [];
    let value = 0;
    for (let k = afterDate + 1; k <= end; k++) {
      const code = k < end ? text.charCodeAt(k) : 32;
      if (code !== 32) {
        value = value * 10 + (code - 48);
        continue;
      }
      (items.length === levels.length ? items : levels).push(value);
      value = 0;
    }
    pieces.push({
      evidenceId: text.slice(at, afterId),
      kind: text.slice(afterId + 1, afterKind),
      date: text.slice(afterKind + 1, afterDate),
      items,
      levels,
    });
    at = end + 1;
  }
  return pieces;
}
