import { readdirSync, readFileSync } from 'node:fs';
import { IsNull, type EntityManager } from 'typeorm';
import { FrameworkEntity } from '../entities/framework.entity.js';
import { FrameworkItemEntity } from '../entities/framework-item.entity.js';
import { FrameworkLevelEntity } from '../entities/framework-level.entity.js';
import { FrameworkLevelPathwayEntity } from '../entities/framework-level-pathway.entity.js';
import { FrameworkVersionEntity, type FrameworkVersionStatus } from '../entities/framework-version.entity.js';

interface FrameworkFile {
  code: string;
  name: string;
  owner: string;
  description: string;
  versions: {
    version: string;
    status: FrameworkVersionStatus;
    effectiveFrom: string;
    effectiveTo: string | null;
    notes: string | null;
    items: {
      code: string;
      kind: string;
      parentCode: string | null;
      ordinal: number;
      title: string;
      description: string;
      confirmed: boolean;
      attributes: Record<string, unknown>;
    }[];
    levels: {
      code: string;
      ordinal: number;
      name: string;
      group: string;
      description: string;
      confirmed: boolean;
      pathways: { code: string; name: string; description: string; confirmed: boolean }[];
    }[];
  }[];
}

const FRAMEWORKS_DIR = new URL('./frameworks/', import.meta.url);

export function readFrameworkFiles(): FrameworkFile[] {
  return readdirSync(FRAMEWORKS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(new URL(f, FRAMEWORKS_DIR), 'utf8')) as FrameworkFile);
}

/**
 * Loads the reference frameworks shipped with Pathways. A version that is already
 * present is left alone: published versions are immutable, and a change to a
 * framework arrives as a new version.
 * Returns the versions inserted, as `CODE@version`.
 */
export async function seedReferenceFrameworks(manager: EntityManager): Promise<string[]> {
  const inserted: string[] = [];
  for (const file of readFrameworkFiles()) {
    await manager.upsert(
      FrameworkEntity,
      { code: file.code, name: file.name, owner: file.owner, description: file.description },
      { conflictPaths: ['code'], indexPredicate: '"organisation_id" IS NULL' },
    );
    const framework = await manager.findOneByOrFail(FrameworkEntity, {
      code: file.code,
      organisationId: IsNull(),
    });
    for (const v of file.versions) {
      const exists = await manager.existsBy(FrameworkVersionEntity, {
        frameworkId: framework.id,
        version: v.version,
      });
      if (exists) continue;
      const version = await manager.save(
        manager.create(FrameworkVersionEntity, {
          frameworkId: framework.id,
          version: v.version,
          status: v.status,
          effectiveFrom: v.effectiveFrom,
          effectiveTo: v.effectiveTo,
          notes: v.notes,
        }),
      );
      // Parents first, so each child can point at its parent's id.
      const idByCode = new Map<string, string>();
      const pending = [...v.items];
      while (pending.length > 0) {
        const ready = pending.filter((i) => i.parentCode === null || idByCode.has(i.parentCode));
        if (ready.length === 0)
          throw new Error(`${file.code}@${v.version}: item parents form a cycle or are missing`);
        const saved = await manager.save(
          ready.map((i) =>
            manager.create(FrameworkItemEntity, {
              frameworkVersionId: version.id,
              parentId: i.parentCode === null ? null : idByCode.get(i.parentCode)!,
              code: i.code,
              kind: i.kind,
              ordinal: i.ordinal,
              title: i.title,
              description: i.description,
              confirmed: i.confirmed,
              attributes: i.attributes ?? {},
            }),
          ),
        );
        saved.forEach((s) => idByCode.set(s.code, s.id));
        ready.forEach((r) => pending.splice(pending.indexOf(r), 1));
      }
      for (const l of v.levels) {
        const level = await manager.save(
          manager.create(FrameworkLevelEntity, {
            frameworkVersionId: version.id,
            code: l.code,
            ordinal: l.ordinal,
            name: l.name,
            groupName: l.group,
            description: l.description,
            confirmed: l.confirmed,
          }),
        );
        if (l.pathways.length > 0) {
          await manager.save(
            l.pathways.map((p, i) =>
              manager.create(FrameworkLevelPathwayEntity, {
                ...p,
                ordinal: i + 1,
                frameworkLevelId: level.id,
              }),
            ),
          );
        }
      }
      inserted.push(`${file.code}@${v.version}`);
    }
  }
  return inserted;
}
