import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { EvidenceStatus, MappingDecision, PlannedDerivedMapping, RemapLinkType } from '#app/domain';
import { FrameworkRemapRunEntity } from '../entities/framework-remap-run.entity.js';
import { isNewestApproved } from './evidence-version.sql.js';

/** A mapping `m` of evidence version `v` and where that version stands (the organisation is `$1`). */
const SOURCE_STATE = `m.id AS "mappingId", m.evidence_version_id AS "evidenceVersionId", v.evidence_id AS "evidenceId",
       v.owner_user_id AS "ownerUserId", v.status, m.decision, v.kind,
       to_char(coalesce(v.date_to, v.date_from), 'YYYY-MM-DD') AS date,
       NOT EXISTS (
         SELECT 1 FROM evidence_version later
          WHERE later.organisation_id = $1 AND later.evidence_id = v.evidence_id
            AND later.version_no > v.version_no) AS newest,
       ${isNewestApproved('v')} AS "newestApproved"`;

/** A mapping of the organisation's evidence to an item of one of the versions a remap joins. */
export interface RemapMappingRow {
  mappingId: string;
  evidenceVersionId: string;
  evidenceId: string;
  ownerUserId: string;
  itemId: string;
  frameworkVersionId: string;
  status: EvidenceStatus;
  decision: MappingDecision | null;
  kind: string;
  /** The end of the evidence's date range, YYYY-MM-DD. */
  date: string;
  /** The version is its piece's newest one. */
  newest: boolean;
  /** The version is its piece's newest approved one (what eligibility reads). */
  newestApproved: boolean;
}

/**
 * A mapping derived by an earlier remap onto an item of the version remapped to, with the state of
 * its source (`itemId` is the item derived onto).
 */
export interface ExistingDerivedRow extends RemapMappingRow {
  sourceMappingId: string;
  toItemId: string;
  via: RemapLinkType;
}

/** A derived mapping as read with the evidence it belongs to, for showing. */
export interface DerivedMappingRow {
  id: string;
  evidenceVersionId: string;
  sourceMappingId: string;
  via: RemapLinkType;
  remapRunId: string;
  createdAt: Date;
  status: EvidenceStatus;
  sourceDecision: MappingDecision | null;
  item: { id: string; code: string; title: string; frameworkCode: string; version: string };
}

/** A carried-or-not derived mapping of a piece's newest approved version, for eligibility. */
export interface DerivedApprovedRow {
  userId: string;
  evidenceId: string;
  kind: string;
  date: string;
  itemId: string;
  via: RemapLinkType;
  decision: MappingDecision | null;
}

/**
 * Remaps of an organisation's evidence between framework versions: the mappings a remap reads, the
 * derived mappings it writes (never touching the originals) and its runs. Tenant key first; each
 * read is one statement whatever the number of practitioners.
 */
@Injectable()
export class FrameworkRemapRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every mapping of the organisation's evidence to an item of the given versions, with its
   * evidence version's state, in one statement.
   */
  mappingsToVersions(
    organisationId: string,
    versionIds: readonly string[],
    manager?: EntityManager,
  ): Promise<RemapMappingRow[]> {
    return (manager ?? this.dataSource.manager).query(
      `SELECT ${SOURCE_STATE}, m.framework_item_id AS "itemId", i.framework_version_id AS "frameworkVersionId"
         FROM evidence_mapping m
         JOIN framework_item i ON i.id = m.framework_item_id AND i.framework_version_id = ANY($2::uuid[])
         JOIN evidence_version v ON v.organisation_id = $1 AND v.id = m.evidence_version_id
        WHERE m.organisation_id = $1
        ORDER BY v.owner_user_id, v.evidence_id, v.version_no, m.position`,
      [organisationId, [...versionIds]],
    );
  }

  /** The mappings earlier remaps derived onto items of `toVersionId`, from any version, with their sources' state. */
  derivedOnto(
    organisationId: string,
    toVersionId: string,
    manager?: EntityManager,
  ): Promise<ExistingDerivedRow[]> {
    return (manager ?? this.dataSource.manager).query(
      `SELECT d.source_mapping_id AS "sourceMappingId", d.framework_item_id AS "toItemId", d.via,
              ${SOURCE_STATE}, d.framework_item_id AS "itemId", s.framework_version_id AS "frameworkVersionId"
         FROM derived_evidence_mapping d
         JOIN framework_item i ON i.id = d.framework_item_id AND i.framework_version_id = $2
         JOIN evidence_mapping m ON m.organisation_id = $1 AND m.id = d.source_mapping_id
         JOIN framework_item s ON s.id = m.framework_item_id
         JOIN evidence_version v ON v.organisation_id = $1 AND v.id = m.evidence_version_id
        WHERE d.organisation_id = $1`,
      [organisationId, toVersionId],
    );
  }

  /**
   * Serialises remaps of one organisation between one pair of versions until the transaction ends,
   * so two PSWs applying at once cannot both count the same mappings as new.
   */
  async lockPair(organisationId: string, fromVersionId: string, toVersionId: string, manager: EntityManager) {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `framework-remap:${organisationId}:${fromVersionId}:${toVersionId}`,
    ]);
  }

  async insertRun(
    organisationId: string,
    run: Omit<FrameworkRemapRunEntity, 'organisationId' | 'id' | 'createdAt'>,
    manager: EntityManager,
  ): Promise<FrameworkRemapRunEntity> {
    const repo = manager.getRepository(FrameworkRemapRunEntity);
    return repo.save(repo.create({ organisationId, ...run }));
  }

  /** Writes the derived mappings not written before (one statement); returns how many were new. */
  async insertDerived(
    organisationId: string,
    remapRunId: string,
    derived: readonly PlannedDerivedMapping[],
    manager: EntityManager,
  ): Promise<number> {
    if (derived.length === 0) return 0;
    const rows: unknown[] = await manager.query(
      `INSERT INTO derived_evidence_mapping (organisation_id, source_mapping_id, framework_item_id, via, remap_run_id)
       SELECT $1, s, t, v::remap_link_type, $2
         FROM unnest($3::uuid[], $4::uuid[], $5::text[]) AS d(s, t, v)
       ON CONFLICT ON CONSTRAINT derived_evidence_mapping_unique DO NOTHING
       RETURNING id`,
      [
        organisationId,
        remapRunId,
        derived.map((d) => d.sourceMappingId),
        derived.map((d) => d.toItemId),
        derived.map((d) => d.via),
      ],
    );
    return rows.length;
  }

  /** The derived mappings of the given evidence versions, oldest first, with their items (one statement). */
  async derivedOfVersions(
    organisationId: string,
    evidenceVersionIds: readonly string[],
  ): Promise<DerivedMappingRow[]> {
    if (evidenceVersionIds.length === 0) return [];
    const rows: (Omit<DerivedMappingRow, 'item'> & {
      item_id: string;
      item_code: string;
      item_title: string;
      framework_code: string;
      version: string;
    })[] = await this.dataSource.query(
      `SELECT d.id, m.evidence_version_id AS "evidenceVersionId", d.source_mapping_id AS "sourceMappingId",
              d.via, d.remap_run_id AS "remapRunId", d.created_at AS "createdAt", v.status,
              m.decision AS "sourceDecision", i.id AS item_id, i.code AS item_code, i.title AS item_title,
              f.code AS framework_code, fv.version
         FROM derived_evidence_mapping d
         JOIN evidence_mapping m ON m.organisation_id = $1 AND m.id = d.source_mapping_id
         JOIN evidence_version v ON v.organisation_id = $1 AND v.id = m.evidence_version_id
         JOIN framework_item i ON i.id = d.framework_item_id
         JOIN framework_version fv ON fv.id = i.framework_version_id
         JOIN framework f ON f.id = fv.framework_id
        WHERE d.organisation_id = $1 AND m.evidence_version_id = ANY($2::uuid[])
        ORDER BY m.position, i.ordinal, d.created_at, d.id`,
      [organisationId, [...evidenceVersionIds]],
    );
    return rows.map(({ item_id, item_code, item_title, framework_code, version, ...row }) => ({
      ...row,
      item: { id: item_id, code: item_code, title: item_title, frameworkCode: framework_code, version },
    }));
  }

  /**
   * The derived mappings of each piece's newest approved version whose source was accepted, by
   * practitioner (`userIds = null`: everyone), for eligibility to count as the remap rule says.
   */
  derivedOfApprovedEvidence(
    organisationId: string,
    userIds: readonly string[] | null,
  ): Promise<DerivedApprovedRow[]> {
    return this.dataSource.query(
      `SELECT v.owner_user_id AS "userId", v.evidence_id AS "evidenceId", v.kind,
              to_char(coalesce(v.date_to, v.date_from), 'YYYY-MM-DD') AS date,
              d.framework_item_id AS "itemId", d.via, m.decision
         FROM derived_evidence_mapping d
         JOIN evidence_mapping m ON m.organisation_id = $1 AND m.id = d.source_mapping_id
         JOIN evidence_version v ON v.organisation_id = $1 AND v.id = m.evidence_version_id
        WHERE d.organisation_id = $1 AND ${isNewestApproved('v')}
          AND m.decision IN ('ACCEPTED', 'ACCEPTED_AT_OTHER_LEVEL')
          AND ($2::uuid[] IS NULL OR v.owner_user_id = ANY($2))`,
      [organisationId, userIds],
    );
  }
}
