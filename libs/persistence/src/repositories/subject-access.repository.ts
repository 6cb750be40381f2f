import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { SubjectAccessExportStatus } from '#app/domain';
import { SubjectAccessExportEntity } from '../entities/subject-access-export.entity.js';

/**
 * What a subject access export holds about one person in one organisation, one statement per kind of
 * record ($1 the organisation, $2 the person). Secrets never leave (password hash, refresh-token
 * hashes); text other people wrote about third parties stays out (the comment on a review the person
 * gave, the notes of a supervision they led).
 */
export const SUBJECT_ACCESS_SOURCES = [
  {
    kind: 'profile',
    sql: `SELECT id, email, full_name, regulator, registration_number, date_qualified, created_at, updated_at
            FROM app_user WHERE id = $2 AND EXISTS (SELECT 1 FROM membership WHERE organisation_id = $1 AND user_id = $2)`,
  },
  {
    kind: 'memberships',
    sql: `SELECT m.id, m.organisation_id, o.name AS organisation_name, m.roles, m.team_id, t.name AS team_name, m.active, m.created_at
            FROM membership m JOIN organisation o ON o.id = m.organisation_id
            LEFT JOIN team t ON t.organisation_id = m.organisation_id AND t.id = m.team_id
           WHERE m.organisation_id = $1 AND m.user_id = $2`,
  },
  {
    kind: 'evidence',
    sql: `SELECT * FROM evidence WHERE organisation_id = $1 AND owner_user_id = $2 ORDER BY created_at, id`,
  },
  {
    kind: 'evidenceVersions',
    sql: `SELECT * FROM evidence_version WHERE organisation_id = $1 AND owner_user_id = $2 ORDER BY evidence_id, version_no`,
  },
  {
    kind: 'evidenceMappings',
    sql: `SELECT m.*, i.code AS item_code, f.code AS framework_code, fv.version AS framework_version
            FROM evidence_mapping m JOIN evidence_version v ON v.organisation_id = m.organisation_id AND v.id = m.evidence_version_id
            JOIN framework_item i ON i.id = m.framework_item_id JOIN framework_version fv ON fv.id = i.framework_version_id
            JOIN framework f ON f.id = fv.framework_id
           WHERE m.organisation_id = $1 AND v.owner_user_id = $2 ORDER BY m.evidence_version_id, m.position`,
  },
  {
    // Mappings a remap derived from theirs onto another framework version; their standing is worked out from the source.
    kind: 'derivedEvidenceMappings',
    sql: `SELECT d.*, i.code AS item_code, f.code AS framework_code, fv.version AS framework_version
            FROM derived_evidence_mapping d
            JOIN evidence_mapping m ON m.organisation_id = d.organisation_id AND m.id = d.source_mapping_id
            JOIN evidence_version v ON v.organisation_id = m.organisation_id AND v.id = m.evidence_version_id
            JOIN framework_item i ON i.id = d.framework_item_id JOIN framework_version fv ON fv.id = i.framework_version_id
            JOIN framework f ON f.id = fv.framework_id
           WHERE d.organisation_id = $1 AND v.owner_user_id = $2 ORDER BY d.source_mapping_id, d.created_at, d.id`,
  },
  {
    kind: 'attachments',
    sql: `SELECT a.id, a.evidence_version_id, a.file_name, a.content_type, a.size_bytes, a.sha256, a.storage_key, a.uploaded_by_user_id, a.created_at
            FROM attachment a JOIN evidence_version v ON v.organisation_id = a.organisation_id AND v.id = a.evidence_version_id
           WHERE a.organisation_id = $1 AND v.owner_user_id = $2 ORDER BY a.created_at, a.id`,
  },
  {
    kind: 'reviews',
    sql: `SELECT r.id, r.evidence_version_id, r.reviewer_user_id, r.practitioner_user_id, r.outcome,
                 CASE WHEN r.practitioner_user_id = $2 THEN r.comment END AS comment,
                 r.assessment_context, r.capacity, r.decided_on, r.decided_at, r.standing,
                 CASE WHEN r.practitioner_user_id = $2 THEN 'ABOUT_THEM' ELSE 'GIVEN_BY_THEM' END AS party
            FROM evidence_review r WHERE r.organisation_id = $1 AND (r.practitioner_user_id = $2 OR r.reviewer_user_id = $2)
           ORDER BY r.decided_at, r.id`,
  },
  {
    // The feedback and countersignatures they asked for by one-time link, with who answered; never the link's hash.
    kind: 'contributionRequests',
    sql: `SELECT id, evidence_id, evidence_version_id, purpose, contributor_name, contributor_email, contributor_role,
                 expires_at, used_at, revoked_at, stated_name, stated_role, stated_relationship, stated_regulator,
                 stated_registration_number, resulting_evidence_id, countersigned_review_id, countersigns,
                 countersign_comment, created_at
            FROM contribution_request WHERE organisation_id = $1 AND practitioner_user_id = $2 ORDER BY created_at, id`,
  },
  {
    // How a disputed sign-off of their evidence was reconciled (who, which way, why).
    kind: 'signOffReconciliations',
    sql: `SELECT id, review_id, outcome, reason, reconciled_by_user_id, reconciled_at
            FROM sign_off_reconciliation WHERE organisation_id = $1 AND practitioner_user_id = $2 ORDER BY reconciled_at, id`,
  },
  {
    kind: 'qualifications',
    sql: `SELECT * FROM qualification WHERE organisation_id = $1 AND user_id = $2 ORDER BY awarded_on, id`,
  },
  {
    kind: 'assessorRelationships',
    sql: `SELECT * FROM assessor_relationship WHERE organisation_id = $1 AND ($2 IN (assessor_user_id, practitioner_user_id))
           ORDER BY starts_on, id`,
  },
  {
    kind: 'stages',
    sql: `SELECT * FROM practitioner_stage WHERE organisation_id = $1 AND user_id = $2 ORDER BY from_date, id`,
  },
  {
    kind: 'applications',
    sql: `SELECT * FROM progression_application WHERE organisation_id = $1 AND user_id = $2 ORDER BY submitted_at, id`,
  },
  {
    kind: 'supervision',
    sql: `SELECT id, supervisor_user_id, supervisee_user_id, held_on, minutes, kind,
                 CASE WHEN supervisee_user_id = $2 THEN notes END AS notes, reflection_evidence_id, recorded_by_user_id, created_at,
                 CASE WHEN supervisee_user_id = $2 THEN 'SUPERVISEE' ELSE 'SUPERVISOR' END AS party
            FROM supervision WHERE organisation_id = $1 AND ($2 IN (supervisor_user_id, supervisee_user_id)) ORDER BY held_on, id`,
  },
  {
    kind: 'asyeProgrammes',
    sql: `SELECT p.*,
                 (SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.starts_on), '[]') FROM asye_pause x WHERE x.organisation_id = p.organisation_id AND x.programme_id = p.id) AS pauses,
                 (SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.held_on), '[]') FROM asye_review_point x WHERE x.organisation_id = p.organisation_id AND x.programme_id = p.id) AS review_points,
                 (SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.date), '[]') FROM asye_protected_time x WHERE x.organisation_id = p.organisation_id AND x.programme_id = p.id) AS protected_time
            FROM asye_programme p WHERE p.organisation_id = $1 AND p.practitioner_user_id = $2 ORDER BY p.start_date, p.id`,
  },
  {
    kind: 'cpdDeclarations',
    sql: `SELECT * FROM cpd_declaration WHERE organisation_id = $1 AND user_id = $2 ORDER BY made_on, id`,
  },
  {
    kind: 'notifications',
    sql: `SELECT * FROM notification WHERE organisation_id = $1 AND recipient_user_id = $2 ORDER BY created_at, id`,
  },
  {
    kind: 'credentials',
    sql: `SELECT id, kind, source_id, verification_code, kid, jwt, issued_at, valid_until, issued_by_user_id
            FROM issued_credential WHERE organisation_id = $1 AND subject_user_id = $2 ORDER BY issued_at, id`,
  },
  {
    kind: 'auditEvents',
    sql: `SELECT id, occurred_at, actor_user_id, actor_role, action, entity_type, entity_id, subject_user_id, changes
            FROM audit_event WHERE organisation_id = $1 AND (subject_user_id = $2 OR actor_user_id = $2) ORDER BY id`,
  },
  {
    kind: 'signInSessions',
    sql: `SELECT id, family_id, created_at, expires_at, revoked_at FROM auth_session WHERE organisation_id = $1 AND user_id = $2
           ORDER BY created_at, id`,
  },
] as const;

export type SubjectAccessKind = (typeof SUBJECT_ACCESS_SOURCES)[number]['kind'];

/** What an erasure removed and what the organisation keeps, per kind, for the audit entry. */
export interface ErasureCounts {
  deleted: Record<string, number>;
  retained: Record<string, number>;
  profilePseudonymised: boolean;
  /** Attachment files no other record refers to any more: the caller removes their bytes. */
  orphanedStorageKeys: string[];
}

@Injectable()
export class SubjectAccessRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(SubjectAccessExportEntity);
  }

  async insertExport(
    row: Pick<
      SubjectAccessExportEntity,
      'organisationId' | 'subjectUserId' | 'requestedByUserId' | 'requestedAt'
    >,
    manager: EntityManager,
  ): Promise<SubjectAccessExportEntity> {
    const repo = this.repo(manager);
    return repo.save(repo.create({ ...row, status: 'QUEUED' }));
  }

  findExport(organisationId: string, id: string): Promise<SubjectAccessExportEntity | null> {
    return this.repo().findOneBy({ organisationId, id });
  }

  findExportsFor(organisationId: string, subjectUserId: string): Promise<SubjectAccessExportEntity[]> {
    return this.repo().find({
      where: { organisationId, subjectUserId },
      order: { requestedAt: 'DESC', id: 'ASC' },
    });
  }

  /** Moves an export from one status to another; false when it was not in `from` (another worker has it). */
  async transition(
    organisationId: string,
    id: string,
    from: SubjectAccessExportStatus[],
    changes: Partial<SubjectAccessExportEntity>,
  ): Promise<boolean> {
    const result = await this.repo()
      .createQueryBuilder()
      .update()
      .set(changes as QueryDeepPartialEntity<SubjectAccessExportEntity>)
      .where('organisation_id = :organisationId AND id = :id AND status IN (:...from)', {
        organisationId,
        id,
        from,
      })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Every kind of record about the person, in one repeatable-read snapshot. */
  async collect(
    organisationId: string,
    userId: string,
  ): Promise<Record<SubjectAccessKind, Record<string, unknown>[]>> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const records = {} as Record<SubjectAccessKind, Record<string, unknown>[]>;
      for (const source of SUBJECT_ACCESS_SOURCES) {
        records[source.kind] = await manager.query(source.sql, [organisationId, userId]);
      }
      return records;
    });
  }

  /** Other organisations the person belongs to (their profile is shared with them). */
  async countOtherMemberships(
    organisationId: string,
    userId: string,
    manager: EntityManager,
  ): Promise<number> {
    const [row] = await manager.query(
      `SELECT count(*)::int AS n FROM membership WHERE user_id = $2 AND organisation_id <> $1`,
      [organisationId, userId],
    );
    return row.n as number;
  }

  /**
   * Erases a person who has left: deletes what the organisation holds about them, keeps what it must
   * (the sign-offs, verifications, decisions and supervision they gave others, relationships in which
   * they assessed, the audit trail) with their profile pseudonymised. Runs in the caller's transaction.
   */
  async erase(
    organisationId: string,
    userId: string,
    pseudonym: { fullName: string; email: string },
    manager: EntityManager,
  ): Promise<ErasureCounts> {
    const deleted: Record<string, number> = {};
    const run = async (kind: string, sql: string) => {
      const rows: unknown[] = await manager.query(
        `WITH gone AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM gone`,
        [organisationId, userId],
      );
      deleted[kind] = (rows[0] as { n: number }).n;
    };
    const keys: { storage_key: string }[] = await manager.query(
      `SELECT DISTINCT a.storage_key FROM attachment a
         JOIN evidence_version v ON v.organisation_id = a.organisation_id AND v.id = a.evidence_version_id
        WHERE a.organisation_id = $1 AND v.owner_user_id = $2`,
      [organisationId, userId],
    );
    await run(
      'credentials',
      `DELETE FROM issued_credential WHERE organisation_id = $1 AND subject_user_id = $2`,
    );
    await run(
      'subjectAccessExports',
      `DELETE FROM subject_access_export WHERE organisation_id = $1 AND subject_user_id = $2`,
    );
    await run(
      'notifications',
      `DELETE FROM notification WHERE organisation_id = $1 AND recipient_user_id = $2`,
    );
    await run(
      'supervision',
      `DELETE FROM supervision WHERE organisation_id = $1 AND supervisee_user_id = $2`,
    );
    await run(
      'asyeProgrammes',
      `DELETE FROM asye_programme WHERE organisation_id = $1 AND practitioner_user_id = $2`,
    );
    await run('cpdDeclarations', `DELETE FROM cpd_declaration WHERE organisation_id = $1 AND user_id = $2`);
    await run('stages', `DELETE FROM practitioner_stage WHERE organisation_id = $1 AND user_id = $2`);
    await run(
      'applications',
      `DELETE FROM progression_application WHERE organisation_id = $1 AND user_id = $2`,
    );
    await run('qualifications', `DELETE FROM qualification WHERE organisation_id = $1 AND user_id = $2`);
    // Their requests for feedback by one-time link, and who answered them (the feedback itself is their evidence).
    await run(
      'contributionRequests',
      `DELETE FROM contribution_request WHERE organisation_id = $1 AND practitioner_user_id = $2`,
    );
    await run(
      'signOffReconciliations',
      `DELETE FROM sign_off_reconciliation WHERE organisation_id = $1 AND practitioner_user_id = $2`,
    );
    await run(
      'reviewsOfTheirEvidence',
      `DELETE FROM evidence_review WHERE organisation_id = $1 AND practitioner_user_id = $2`,
    );
    await run(
      'attachments',
      `DELETE FROM attachment a USING evidence_version v
                                WHERE a.organisation_id = $1 AND v.organisation_id = a.organisation_id
                                  AND v.id = a.evidence_version_id AND v.owner_user_id = $2`,
    );
    await run(
      'derivedEvidenceMappings',
      `DELETE FROM derived_evidence_mapping d USING evidence_mapping m, evidence_version v
                                     WHERE d.organisation_id = $1 AND m.organisation_id = d.organisation_id
                                       AND m.id = d.source_mapping_id AND v.organisation_id = m.organisation_id
                                       AND v.id = m.evidence_version_id AND v.owner_user_id = $2`,
    );
    await run(
      'evidenceMappings',
      `DELETE FROM evidence_mapping m USING evidence_version v
                                     WHERE m.organisation_id = $1 AND v.organisation_id = m.organisation_id
                                       AND v.id = m.evidence_version_id AND v.owner_user_id = $2`,
    );
    await run(
      'evidenceVersions',
      `DELETE FROM evidence_version WHERE organisation_id = $1 AND owner_user_id = $2`,
    );
    await run('evidence', `DELETE FROM evidence WHERE organisation_id = $1 AND owner_user_id = $2`);
    await run(
      'assessorRelationshipsAsPractitioner',
      `DELETE FROM assessor_relationship WHERE organisation_id = $1 AND practitioner_user_id = $2`,
    );
    await run('signInSessions', `DELETE FROM auth_session WHERE organisation_id = $1 AND user_id = $2`);
    await manager.query(
      `UPDATE membership SET team_id = NULL, active = false WHERE organisation_id = $1 AND user_id = $2`,
      [organisationId, userId],
    );
    const profilePseudonymised = (await this.countOtherMemberships(organisationId, userId, manager)) === 0;
    if (profilePseudonymised) {
      await manager.query(
        `UPDATE app_user SET full_name = $2, email = $3, password_hash = NULL, registration_number = NULL,
                             regulator = NULL, date_qualified = NULL, updated_at = now()
          WHERE id = $1`,
        [userId, pseudonym.fullName, pseudonym.email],
      );
    }
    const [retained] = await manager.query(
      `SELECT (SELECT count(*)::int FROM evidence_review WHERE organisation_id = $1 AND reviewer_user_id = $2) AS "signOffsGiven",
              (SELECT count(*)::int FROM qualification WHERE organisation_id = $1 AND verified_by_user_id = $2) AS "qualificationsVerified",
              (SELECT count(*)::int FROM progression_application WHERE organisation_id = $1 AND decided_by_user_id = $2) AS "applicationsDecided",
              (SELECT count(*)::int FROM supervision WHERE organisation_id = $1 AND supervisor_user_id = $2) AS "supervisionGiven",
              (SELECT count(*)::int FROM assessor_relationship WHERE organisation_id = $1 AND assessor_user_id = $2) AS "assessorRelationships",
              (SELECT count(*)::int FROM audit_event WHERE organisation_id = $1 AND (subject_user_id = $2 OR actor_user_id = $2)) AS "auditEvents"`,
      [organisationId, userId],
    );
    const stillUsed: { storage_key: string }[] = await manager.query(
      `SELECT DISTINCT storage_key FROM attachment WHERE storage_key = ANY($1::text[])`,
      [keys.map((k) => k.storage_key)],
    );
    const used = new Set(stillUsed.map((k) => k.storage_key));
    return {
      deleted,
      retained: retained as Record<string, number>,
      profilePseudonymised,
      orphanedStorageKeys: keys.map((k) => k.storage_key).filter((k) => !used.has(k)),
    };
  }
}
