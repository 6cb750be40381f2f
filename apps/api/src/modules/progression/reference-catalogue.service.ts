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

/** How long a catalogue serves before it is read again, so another instance's imports show up. */
const REREAD_AFTER_MS = 60_000;

/**
 * The frameworks an organisation can use (the reference frameworks and those it imported as CASE
 * packages) in the shape the eligibility engine reads. They change only by import, so each
 * organisation's catalogue is read once and served from memory: dropped at once when this instance
 * imports, and read again after a minute in case another instance did.
 */
@Injectable()
export class ReferenceCatalogueService {
  private readonly catalogues = new Map<string, { loading: Promise<ReferenceCatalogue>; readAt: number }>();

  constructor(private readonly frameworks: FrameworkRepository) {}

  get(organisationId: string): Promise<ReferenceCatalogue> {
    const cached = this.catalogues.get(organisationId);
    if (cached && Date.now() - cached.readAt < REREAD_AFTER_MS) return cached.loading;
    const loading = this.load(organisationId).catch((error: unknown) => {
      this.catalogues.delete(organisationId);
      throw error;
    });
    this.catalogues.set(organisationId, { loading, readAt: Date.now() });
    return loading;
  }

  /** After an import: the organisation's next request reads its frameworks again. */
  invalidate(organisationId: string): void {
    this.catalogues.delete(organisationId);
  }

  private async load(organisationId: string): Promise<ReferenceCatalogue> {
    const frameworks = await this.frameworks.findAll(organisationId);
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
