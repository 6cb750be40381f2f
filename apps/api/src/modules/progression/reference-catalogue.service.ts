import { Injectable } from '@nestjs/common';
import type { ProgressionReference, ReferenceFramework } from '#app/domain';
import { FrameworkRepository } from '#app/persistence';

export interface ReferenceCatalogue {
  reference: ProgressionReference;
  /** Framework item id → the framework version it belongs to and its code. */
  items: Map<string, { frameworkCode: string; version: string; itemCode: string }>;
  /** Framework level id → its code and ordinal. */
  levels: Map<string, { code: string; ordinal: number }>;
}

/**
 * The reference frameworks in the shape the eligibility engine reads. They are seeded at start-up and
 * read-only to the API, so one load per process serves every request.
 */
@Injectable()
export class ReferenceCatalogueService {
  private loading?: Promise<ReferenceCatalogue>;

  constructor(private readonly frameworks: FrameworkRepository) {}

  get(): Promise<ReferenceCatalogue> {
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  private async load(): Promise<ReferenceCatalogue> {
    const frameworks = await this.frameworks.findAll();
    const versions = await this.frameworks.findVersionsByFrameworkIds(frameworks.map((f) => f.id));
    const versionIds = versions.map((v) => v.id);
    const [items, levels] = await Promise.all([
      this.frameworks.findItemsByVersionIds(versionIds),
      this.frameworks.findLevelsByVersionIds(versionIds),
    ]);
    const pathways = await this.frameworks.findPathwaysByLevelIds(levels.map((l) => l.id));
    const codeOf = new Map(frameworks.map((f) => [f.id, f]));
    const catalogue: ReferenceCatalogue = {
      reference: { frameworks: [] },
      items: new Map(),
      levels: new Map(),
    };
    const out: ReferenceFramework[] = [];
    for (const version of versions) {
      const framework = codeOf.get(version.frameworkId)!;
      const versionItems = items.filter((i) => i.frameworkVersionId === version.id);
      const versionLevels = levels.filter((l) => l.frameworkVersionId === version.id);
      for (const item of versionItems) {
        catalogue.items.set(item.id, {
          frameworkCode: framework.code,
          version: version.version,
          itemCode: item.code,
        });
      }
      for (const level of versionLevels)
        catalogue.levels.set(level.id, { code: level.code, ordinal: level.ordinal });
      out.push({
        code: framework.code,
        version: version.version,
        name: framework.name,
        items: versionItems.map((i) => ({ code: i.code, kind: i.kind, title: i.title })),
        levels: versionLevels.map((l) => ({
          code: l.code,
          ordinal: l.ordinal,
          name: l.name,
          pathways: pathways
            .filter((p) => p.frameworkLevelId === l.id)
            .map((p) => ({ code: p.code, name: p.name })),
        })),
      });
    }
    catalogue.reference = { frameworks: out };
    return catalogue;
  }
}
