import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AlignmentItemOwner, AlignmentType } from '#app/domain';
import { FrameworkAlignmentEntity } from '../entities/framework-alignment.entity.js';
import { ALIGNMENTS_ATTRIBUTE } from './framework-exchange.repository.js';

/** A link from an item, as read: imported with its CASE package, or made by the organisation. */
export interface FrameworkItemAlignmentRow {
  origin: 'IMPORTED' | 'ORGANISATION';
  fromItemId: string;
  /** The organisation's link; null for an imported alignment. */
  id: string | null;
  type: AlignmentType;
  confirmed: boolean;
  /** The organisation's citation or note; null for an imported alignment. */
  source: string | null;
  createdByUserId: string | null;
  createdAt: Date | null;
  target: {
    frameworkCode: string;
    version: string;
    itemCode: string;
    /** Null when no readable item answers to the codes (an imported alignment only). */
    itemId: string | null;
    title: string | null;
  };
}

interface RawAlignmentRow {
  origin: 'IMPORTED' | 'ORGANISATION';
  from_item_id: string;
  id: string | null;
  type: AlignmentType;
  confirmed: boolean;
  source: string | null;
  created_by_user_id: string | null;
  created_at: Date | null;
  framework_code: string;
  version: string;
  item_code: string;
  to_item_id: string | null;
  to_item_title: string | null;
}

/**
 * Links between framework items: those an organisation's PSWs made (framework_alignment, tenant
 * key first), read together with those that came in with a CASE import (kept in the item's
 * attributes). Another organisation's links are never read.
 */
@Injectable()
export class FrameworkAlignmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(FrameworkAlignmentEntity);
  }

  /**
   * Every link from the items, in one statement: the imported ones in the order of the package
   * (their targets looked up by codes among the frameworks the organisation can see), then the
   * organisation's own, oldest first.
   */
  async findFromItems(
    organisationId: string,
    itemIds: readonly string[],
  ): Promise<FrameworkItemAlignmentRow[]> {
    if (itemIds.length === 0) return [];
    const rows: RawAlignmentRow[] = await this.dataSource.query(
      `SELECT 'IMPORTED' AS origin, s.id AS from_item_id, NULL::uuid AS id, a.value->>'type' AS type,
              true AS confirmed, NULL::varchar AS source, NULL::uuid AS created_by_user_id,
              NULL::timestamptz AS created_at, a.value->>'frameworkCode' AS framework_code,
              a.value->>'version' AS version, a.value->>'itemCode' AS item_code,
              t.id AS to_item_id, t.title AS to_item_title, a.position
         FROM framework_item s
        CROSS JOIN LATERAL jsonb_array_elements(
                CASE WHEN jsonb_typeof(s.attributes->'${ALIGNMENTS_ATTRIBUTE}') = 'array'
                     THEN s.attributes->'${ALIGNMENTS_ATTRIBUTE}' ELSE '[]'::jsonb END
              ) WITH ORDINALITY AS a(value, position)
         LEFT JOIN LATERAL (
              SELECT ti.id, ti.title
                FROM framework f
                JOIN framework_version v ON v.framework_id = f.id AND v.version = a.value->>'version'
                JOIN framework_item ti ON ti.framework_version_id = v.id AND ti.code = a.value->>'itemCode'
               WHERE f.code = a.value->>'frameworkCode'
                 AND (f.organisation_id IS NULL OR f.organisation_id = $1)
               LIMIT 1
              ) t ON true
        WHERE s.id = ANY($2::uuid[])
       UNION ALL
       SELECT 'ORGANISATION', l.from_item_id, l.id, l.type::text, l.confirmed, l.source,
              l.created_by_user_id, l.created_at, f.code, v.version, ti.code, ti.id, ti.title, NULL
         FROM framework_alignment l
         JOIN framework_item ti ON ti.id = l.to_item_id
         JOIN framework_version v ON v.id = ti.framework_version_id
         JOIN framework f ON f.id = v.framework_id
        WHERE l.organisation_id = $1 AND l.from_item_id = ANY($2::uuid[])
        ORDER BY origin, position, created_at, id`,
      [organisationId, [...itemIds]],
    );
    return rows.map((r) => ({
      origin: r.origin,
      fromItemId: r.from_item_id,
      id: r.id,
      type: r.type,
      confirmed: r.confirmed,
      source: r.source,
      createdByUserId: r.created_by_user_id,
      createdAt: r.created_at,
      target: {
        frameworkCode: r.framework_code,
        version: r.version,
        itemCode: r.item_code,
        itemId: r.to_item_id,
        title: r.to_item_title,
      },
    }));
  }

  /** The items that exist, each with the organisation whose framework it belongs to (null: reference). */
  async findItemOwners(itemIds: readonly string[], manager?: EntityManager): Promise<AlignmentItemOwner[]> {
    if (itemIds.length === 0) return [];
    return (manager ?? this.dataSource.manager).query(
      `SELECT i.id, f.organisation_id AS "organisationId"
         FROM framework_item i
         JOIN framework_version v ON v.id = i.framework_version_id
         JOIN framework f ON f.id = v.framework_id
        WHERE i.id = ANY($1::uuid[])`,
      [[...itemIds]],
    );
  }

  exists(
    organisationId: string,
    link: { fromItemId: string; toItemId: string; type: AlignmentType },
    manager?: EntityManager,
  ): Promise<boolean> {
    return this.repo(manager).existsBy({ organisationId, ...link });
  }

  async insert(
    organisationId: string,
    link: Omit<FrameworkAlignmentEntity, 'organisationId' | 'id' | 'createdAt'>,
    manager?: EntityManager,
  ): Promise<FrameworkAlignmentEntity> {
    const repo = this.repo(manager);
    return repo.save(repo.create({ organisationId, ...link }));
  }

  findById(
    organisationId: string,
    id: string,
    manager?: EntityManager,
  ): Promise<FrameworkAlignmentEntity | null> {
    return this.repo(manager).findOne({ where: { organisationId, id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(
    organisationId: string,
    id: string,
    change: Pick<FrameworkAlignmentEntity, 'confirmed' | 'source'>,
    manager?: EntityManager,
  ): Promise<void> {
    await this.repo(manager).update({ organisationId, id }, change);
  }

  async delete(organisationId: string, id: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).delete({ organisationId, id });
  }
}
