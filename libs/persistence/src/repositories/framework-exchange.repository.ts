import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { FrameworkAlignment, FrameworkVersionContent } from '#app/domain';
import { FrameworkEntity } from '../entities/framework.entity.js';
import { FrameworkItemEntity } from '../entities/framework-item.entity.js';
import { FrameworkLevelEntity } from '../entities/framework-level.entity.js';
import { FrameworkLevelPathwayEntity } from '../entities/framework-level-pathway.entity.js';
import { FrameworkVersionEntity } from '../entities/framework-version.entity.js';

/** Key in an item's `attributes` where alignments to other items (CASE associations) are kept. */
export const ALIGNMENTS_ATTRIBUTE = 'alignments';

/**
 * Reads a framework version as a whole (for export) and writes a whole imported version at once:
 * a handful of statements whatever the number of items.
 */
@Injectable()
export class FrameworkExchangeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Serialises imports of one framework code within an organisation for the rest of the
   * transaction, so two imports cannot both create the framework or the same version.
   */
  async lockCode(organisationId: string, code: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('framework:' || $1 || ':' || $2, 0))`,
      [organisationId, code],
    );
  }

  /** The reference framework with this code, or the organisation's own. */
  findFrameworks(organisationId: string, code: string, manager: EntityManager): Promise<FrameworkEntity[]> {
    return manager
      .getRepository(FrameworkEntity)
      .createQueryBuilder('f')
      .where('f.code = :code AND (f.organisation_id IS NULL OR f.organisation_id = :organisationId)', {
        code,
        organisationId,
      })
      .getMany();
  }

  versionExists(frameworkId: string, version: string, manager: EntityManager): Promise<boolean> {
    return manager.getRepository(FrameworkVersionEntity).existsBy({ frameworkId, version });
  }

  /**
   * Inserts the framework (when new) and the version with its items, levels and pathways.
   * `organisationId` owns a new framework; `null` is a reference framework, shared by all.
   */
  async insertVersion(
    organisationId: string | null,
    existingFrameworkId: string | null,
    content: FrameworkVersionContent,
    manager: EntityManager,
  ): Promise<FrameworkVersionEntity> {
    let frameworkId = existingFrameworkId;
    if (!frameworkId) {
      const repo = manager.getRepository(FrameworkEntity);
      const framework = await repo.save(
        repo.create({
          organisationId,
          code: content.framework.code,
          name: content.framework.name,
          owner: content.framework.owner,
          description: content.framework.description,
        }),
      );
      frameworkId = framework.id;
    }
    const versionRepo = manager.getRepository(FrameworkVersionEntity);
    const version = await versionRepo.save(
      versionRepo.create({
        frameworkId,
        version: content.version.version,
        status: content.version.status,
        effectiveFrom: content.version.effectiveFrom,
        effectiveTo: content.version.effectiveTo,
        notes: content.version.notes,
      }),
    );
    // Ids are made here so parents are known before the one insert (items come parents first).
    const idOf = new Map(content.items.map((i) => [i.code, randomUUID()]));
    const items = content.items.map((i) => ({
      id: idOf.get(i.code)!,
      frameworkVersionId: version.id,
      parentId: i.parentCode === null ? null : idOf.get(i.parentCode)!,
      code: i.code,
      kind: i.kind,
      ordinal: i.ordinal,
      title: i.title,
      description: i.description,
      confirmed: i.confirmed,
      attributes:
        i.alignments.length > 0 ? { ...i.attributes, [ALIGNMENTS_ATTRIBUTE]: i.alignments } : i.attributes,
    }));
    for (let start = 0; start < items.length; start += 500) {
      await manager
        .getRepository(FrameworkItemEntity)
        .insert(items.slice(start, start + 500) as QueryDeepPartialEntity<FrameworkItemEntity>[]);
    }
    const levels = content.levels.map((l) => ({
      id: randomUUID(),
      frameworkVersionId: version.id,
      code: l.code,
      ordinal: l.ordinal,
      name: l.name,
      groupName: l.group,
      description: l.description,
      confirmed: l.confirmed,
    }));
    if (levels.length > 0) await manager.getRepository(FrameworkLevelEntity).insert(levels);
    const pathways = content.levels.flatMap((l, index) =>
      l.pathways.map((p, position) => ({
        frameworkLevelId: levels[index]!.id,
        code: p.code,
        ordinal: position + 1,
        name: p.name,
        description: p.description,
        confirmed: p.confirmed,
      })),
    );
    if (pathways.length > 0) await manager.getRepository(FrameworkLevelPathwayEntity).insert(pathways);
    return version;
  }

  /** Item codes of a version, for checking alignments that point at it. */
  async findItemCodes(versionId: string, manager?: EntityManager): Promise<Set<string>> {
    const rows: { code: string }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT code FROM framework_item WHERE framework_version_id = $1`,
      [versionId],
    );
    return new Set(rows.map((r) => r.code));
  }
}

/** Splits stored attributes into the free attributes and the alignments kept beside them. */
export function splitAlignments(attributes: Record<string, unknown>): {
  attributes: Record<string, unknown>;
  alignments: FrameworkAlignment[];
} {
  const { [ALIGNMENTS_ATTRIBUTE]: alignments, ...rest } = attributes;
  return {
    attributes: rest,
    alignments: Array.isArray(alignments) ? (alignments as FrameworkAlignment[]) : [],
  };
}
