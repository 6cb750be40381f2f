import { readdirSync, readFileSync } from 'node:fs';
import { IsNull, type EntityManager } from 'typeorm';
import { FrameworkEntity } from '../entities/framework.entity.js';
import type { FrameworkVersionStatus } from '../entities/framework-version.entity.js';
import { FrameworkExchangeRepository } from '../repositories/framework-exchange.repository.js';

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
  // The same writer as a framework import, so a seeded version is stored exactly as an imported one.
  const versions = new FrameworkExchangeRepository(manager.connection);
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
      if (await versions.versionExists(framework.id, v.version, manager)) continue;
      await versions.insertVersion(
        null,
        framework.id,
        {
          framework: { code: file.code, name: file.name, owner: file.owner, description: file.description },
          version: {
            version: v.version,
            status: v.status,
            effectiveFrom: v.effectiveFrom,
            effectiveTo: v.effectiveTo,
            notes: v.notes,
          },
          items: parentsFirst(`${file.code}@${v.version}`, v.items).map((i) => ({
            ...i,
            attributes: i.attributes ?? {},
            alignments: [],
          })),
          levels: v.levels,
        },
        manager,
      );
      inserted.push(`${file.code}@${v.version}`);
    }
  }
  return inserted;
}

/** The items with every parent before its children, as `insertVersion` needs them. */
function parentsFirst<T extends { code: string; parentCode: string | null }>(label: string, items: T[]): T[] {
  const ordered: T[] = [];
  const placed = new Set<string>();
  let pending = items;
  while (pending.length > 0) {
    const ready = pending.filter((i) => i.parentCode === null || placed.has(i.parentCode));
    if (ready.length === 0) throw new Error(`${label}: item parents form a cycle or are missing`);
    for (const i of ready) {
      ordered.push(i);
      placed.add(i.code);
    }
    pending = pending.filter((i) => !placed.has(i.code));
  }
  return ordered;
}
