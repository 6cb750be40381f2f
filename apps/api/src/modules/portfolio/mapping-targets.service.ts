import { Injectable } from '@nestjs/common';
import { DomainError } from '#app/domain';
import {
  FrameworkRepository,
  type FrameworkItemEntity,
  type FrameworkLevelEntity,
  type FrameworkLevelPathwayEntity,
} from '#app/persistence';
import type { EvidenceMappingInput } from './dto/evidence-mapping.input.js';

export interface ResolvedMapping {
  frameworkItemId: string;
  frameworkLevelId: string | null;
  frameworkLevelPathwayId: string | null;
  rationale: string;
}

interface VersionReference {
  status: string;
  items: Map<string, FrameworkItemEntity>;
  levels: Map<string, FrameworkLevelEntity>;
  pathways: Map<string, FrameworkLevelPathwayEntity[]>;
}

/**
 * Turns mappings given by codes ("PCF" "2018" "PROFESSIONALISM" at "ASYE") into reference ids,
 * refusing unknown or retired versions, unknown items, levels a framework does not have, and
 * the same item twice. Each error names the input field at fault.
 */
@Injectable()
export class MappingTargetsService {
  constructor(private readonly frameworks: FrameworkRepository) {}

  async resolve(
    inputs: readonly EvidenceMappingInput[],
    field = 'input.mappings',
    /** Also the frameworks this organisation imported; the reference frameworks only when omitted. */
    organisationId?: string,
  ): Promise<ResolvedMapping[]> {
    const versions = new Map<string, VersionReference | null>();
    const seen = new Set<string>();
    const resolved: ResolvedMapping[] = [];
    for (const [index, input] of inputs.entries()) {
      const at = `${field}[${index}]`;
      const key = `${input.frameworkCode}\u0000${input.version}`;
      if (!versions.has(key))
        versions.set(key, await this.load(input.frameworkCode, input.version, organisationId));
      const reference = versions.get(key)!;
      if (!reference) {
        throw new DomainError(
          'FRAMEWORK_NOT_FOUND',
          `There is no ${input.frameworkCode} ${input.version}.`,
          `${at}.version`,
        );
      }
      if (reference.status === 'RETIRED') {
        throw new DomainError(
          'FRAMEWORK_VERSION_RETIRED',
          `${input.frameworkCode} ${input.version} is retired; map new evidence to the current version.`,
          `${at}.version`,
        );
      }
      const item = reference.items.get(input.itemCode);
      if (!item) {
        throw new DomainError(
          'FRAMEWORK_ITEM_NOT_FOUND',
          `${input.frameworkCode} ${input.version} has no item ${input.itemCode}.`,
          `${at}.itemCode`,
        );
      }
      if (seen.has(item.id)) {
        throw new DomainError('DUPLICATE_MAPPING', `${input.itemCode} is mapped twice.`, `${at}.itemCode`);
      }
      seen.add(item.id);
      const { levelId, pathwayId } = this.level(
        reference,
        input.levelCode ?? null,
        input.pathwayCode ?? null,
        at,
      );
      resolved.push({
        frameworkItemId: item.id,
        frameworkLevelId: levelId,
        frameworkLevelPathwayId: pathwayId,
        rationale: input.rationale ?? '',
      });
    }
    return resolved;
  }

  /**
   * A level (and pathway) of the version that holds `itemId`, for a reviewer accepting a mapping at
   * another level than claimed.
   */
  async resolveLevelOfItem(
    itemId: string,
    levelCode: string,
    pathwayCode: string | null,
    at: string,
  ): Promise<{ levelId: string | null; pathwayId: string | null }> {
    const [item] = await this.frameworks.findItemsByIds([itemId]);
    const levels = await this.frameworks.findLevelsByVersionIds([item!.frameworkVersionId]);
    const pathways = await this.frameworks.findPathwaysByLevelIds(levels.map((l) => l.id));
    return this.level(
      {
        status: 'CURRENT',
        items: new Map(),
        levels: new Map(levels.map((l) => [l.code, l])),
        pathways: groupPathways(pathways),
      },
      levelCode,
      pathwayCode,
      at,
    );
  }

  private level(
    reference: VersionReference,
    levelCode: string | null,
    pathwayCode: string | null,
    at: string,
  ) {
    if (reference.levels.size === 0) {
      if (levelCode !== null) {
        throw new DomainError(
          'FRAMEWORK_LEVEL_NOT_FOUND',
          'This framework has no levels.',
          `${at}.levelCode`,
        );
      }
      return { levelId: null, pathwayId: null };
    }
    if (levelCode === null) {
      throw new DomainError(
        'FRAMEWORK_LEVEL_NOT_FOUND',
        'Say which level this evidence shows.',
        `${at}.levelCode`,
      );
    }
    const level = reference.levels.get(levelCode);
    if (!level) {
      throw new DomainError(
        'FRAMEWORK_LEVEL_NOT_FOUND',
        `There is no level ${levelCode}.`,
        `${at}.levelCode`,
        {
          levels: [...reference.levels.keys()],
        },
      );
    }
    if (pathwayCode === null) return { levelId: level.id, pathwayId: null };
    const pathway = (reference.pathways.get(level.id) ?? []).find((p) => p.code === pathwayCode);
    if (!pathway) {
      throw new DomainError(
        'FRAMEWORK_PATHWAY_NOT_FOUND',
        `Level ${levelCode} has no pathway ${pathwayCode}.`,
        `${at}.pathwayCode`,
      );
    }
    return { levelId: level.id, pathwayId: pathway.id };
  }

  private async load(
    frameworkCode: string,
    version: string,
    organisationId?: string,
  ): Promise<VersionReference | null> {
    const found = await this.frameworks.findVersionByCodes(frameworkCode, version, organisationId);
    if (!found) return null;
    const [items, levels] = await Promise.all([
      this.frameworks.findItemsByVersionIds([found.id]),
      this.frameworks.findLevelsByVersionIds([found.id]),
    ]);
    const pathways = await this.frameworks.findPathwaysByLevelIds(levels.map((l) => l.id));
    return {
      status: found.status,
      items: new Map(items.map((i) => [i.code, i])),
      levels: new Map(levels.map((l) => [l.code, l])),
      pathways: groupPathways(pathways),
    };
  }
}

function groupPathways(pathways: FrameworkLevelPathwayEntity[]): Map<string, FrameworkLevelPathwayEntity[]> {
  const byLevel = new Map<string, FrameworkLevelPathwayEntity[]>();
  for (const p of pathways) byLevel.set(p.frameworkLevelId, [...(byLevel.get(p.frameworkLevelId) ?? []), p]);
  return byLevel;
}
