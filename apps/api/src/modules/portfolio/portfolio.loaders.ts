import DataLoader from 'dataloader';
import {
  AttachmentRepository,
  EvidenceMappingRepository,
  EvidenceRepository,
  EvidenceReviewRepository,
  FrameworkRemapRepository,
  FrameworkRepository,
  type AttachmentEntity,
  type DerivedMappingRow,
  type EvidenceMappingEntity,
  type EvidenceReviewEntity,
  type EvidenceVersionEntity,
  type FrameworkItemEntity,
  type FrameworkLevelEntity,
  type FrameworkLevelPathwayEntity,
  type FrameworkVersionEntity,
  type VersionVisibility,
} from '#app/persistence';
import { manyByKey, oneByKey } from '../../graphql/group-by-key.js';

export interface VersionsKey {
  evidenceId: string;
  visibility: VersionVisibility;
}

/**
 * Per-request loaders for portfolio fields. Each batch is one statement (two for versions when one
 * request mixes what a reviewer and an owner may see), whatever the number of pieces.
 */
export function createPortfolioLoaders(
  organisationOf: () => string,
  repos: {
    evidence: EvidenceRepository;
    mappings: EvidenceMappingRepository;
    reviews: EvidenceReviewRepository;
    attachments: AttachmentRepository;
    frameworks: FrameworkRepository;
    remaps: FrameworkRemapRepository;
  },
) {
  return {
    versionsByEvidence: new DataLoader<VersionsKey, EvidenceVersionEntity[], string>(
      async (keys) => {
        const groups = new Map<string, { visibility: VersionVisibility; ids: string[] }>();
        for (const key of keys) {
          const id = JSON.stringify(key.visibility);
          const group = groups.get(id) ?? { visibility: key.visibility, ids: [] };
          group.ids.push(key.evidenceId);
          groups.set(id, group);
        }
        const found = new Map<string, EvidenceVersionEntity[]>();
        for (const [id, group] of groups) {
          const rows = await repos.evidence.findVersionsByEvidenceIds(
            organisationOf(),
            group.ids,
            group.visibility,
          );
          manyByKey(group.ids, rows, (v) => v.evidenceId).forEach((list, i) =>
            found.set(`${id}|${group.ids[i]}`, list),
          );
        }
        return keys.map((k) => found.get(`${JSON.stringify(k.visibility)}|${k.evidenceId}`) ?? []);
      },
      { cacheKeyFn: (k) => `${JSON.stringify(k.visibility)}|${k.evidenceId}` },
    ),
    mappingsByVersion: new DataLoader<string, EvidenceMappingEntity[]>(async (ids) =>
      manyByKey(
        ids,
        await repos.mappings.findByVersionIds(organisationOf(), ids),
        (m) => m.evidenceVersionId,
      ),
    ),
    derivedMappingsByVersion: new DataLoader<string, DerivedMappingRow[]>(async (ids) =>
      manyByKey(ids, await repos.remaps.derivedOfVersions(organisationOf(), ids), (d) => d.evidenceVersionId),
    ),
    attachmentsByVersion: new DataLoader<string, AttachmentEntity[]>(async (ids) =>
      manyByKey(
        ids,
        await repos.attachments.findByVersionIds(organisationOf(), ids),
        (a) => a.evidenceVersionId,
      ),
    ),
    reviewByVersion: new DataLoader<string, EvidenceReviewEntity | null>(async (ids) =>
      oneByKey(ids, await repos.reviews.findByVersionIds(organisationOf(), ids), (r) => r.evidenceVersionId),
    ),
    frameworkItem: new DataLoader<string, FrameworkItemEntity | null>(async (ids) =>
      oneByKey(ids, await repos.frameworks.findItemsByIds(ids), (i) => i.id),
    ),
    frameworkLevel: new DataLoader<string, FrameworkLevelEntity | null>(async (ids) =>
      oneByKey(ids, await repos.frameworks.findLevelsByIds(ids), (l) => l.id),
    ),
    frameworkPathway: new DataLoader<string, FrameworkLevelPathwayEntity | null>(async (ids) =>
      oneByKey(ids, await repos.frameworks.findPathwaysByIds(ids), (p) => p.id),
    ),
    frameworkVersionRef: new DataLoader<string, (FrameworkVersionEntity & { frameworkCode: string }) | null>(
      async (ids) => oneByKey(ids, await repos.frameworks.findVersionRefsByIds(ids), (v) => v.id),
    ),
  };
}
