import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { newestVersionPerEvidence } from './evidence-version.sql.js';

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

export interface ApprovedMappingRow {
  user_id: string;
  evidence_id: string;
  kind: string;
  date: string;
  /**
   * The item and the accepted level as positions (from 1) in the lists given; level 0 when none was
   * accepted. Small numbers instead of ids: a council has hundreds of thousands of rows, and every
   * id would be a string to allocate and hash.
   */
  item: number;
  level: number;
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
   * practitioner drafts the next version), dated by the end of the evidence's date range.
   */
  approvedMappings(
    organisationId: string,
    userIds: readonly string[] | null,
    itemIds: readonly string[],
    levelIds: readonly string[],
  ): Promise<ApprovedMappingRow[]> {
    return this.dataSource.query(
      `WITH approved AS (
         ${newestVersionPerEvidence({
           columns: 'id, evidence_id, owner_user_id, kind, coalesce(date_to, date_from) AS date',
           from: 'evidence_version',
           where:
             "organisation_id = $1 AND status = 'APPROVED' AND ($2::uuid[] IS NULL OR owner_user_id = ANY($2))",
         })}
       )
       SELECT user_id, evidence_id, kind, date, item, coalesce(level, 0) AS level
         FROM (SELECT a.owner_user_id AS user_id, a.evidence_id, a.kind, to_char(a.date, 'YYYY-MM-DD') AS date,
                      array_position($3::uuid[], m.framework_item_id) AS item,
                      array_position($4::uuid[], m.accepted_level_id) AS level
                 FROM approved a
                 JOIN evidence_mapping m ON m.organisation_id = $1 AND m.evidence_version_id = a.id
                WHERE m.decision IN ('ACCEPTED', 'ACCEPTED_AT_OTHER_LEVEL')) mapped
        WHERE item IS NOT NULL`,
      [organisationId, userIds, itemIds, levelIds],
    );
  }
}
