import DataLoader from 'dataloader';
import type {
  FrameworkItemEntity,
  FrameworkLevelEntity,
  FrameworkLevelPathwayEntity,
  FrameworkVersionEntity,
} from '#app/persistence';
import { FrameworkAlignmentRepository, FrameworkRepository } from '#app/persistence';
import { manyByKey } from '../../graphql/group-by-key.js';
import { toFrameworkItemAlignment } from './framework-alignment.mapper.js';
import type { FrameworkItemAlignment } from './models/framework-alignment.model.js';

/**
 * Frameworks are shared reference data (or the caller's organisation's imports, already scoped by
 * the query that found them); links between items are read for the caller's organisation only,
 * when the batch runs (after the guard).
 */
export function createFrameworkLoaders(
  organisationOf: () => string,
  repos: { frameworks: FrameworkRepository; alignments: FrameworkAlignmentRepository },
) {
  const { frameworks } = repos;
  return {
    versionsByFramework: new DataLoader<string, FrameworkVersionEntity[]>(async (ids) =>
      manyByKey(ids, await frameworks.findVersionsByFrameworkIds(ids), (v) => v.frameworkId),
    ),
    itemsByVersion: new DataLoader<string, FrameworkItemEntity[]>(async (ids) =>
      manyByKey(ids, await frameworks.findItemsByVersionIds(ids), (i) => i.frameworkVersionId),
    ),
    levelsByVersion: new DataLoader<string, FrameworkLevelEntity[]>(async (ids) =>
      manyByKey(ids, await frameworks.findLevelsByVersionIds(ids), (l) => l.frameworkVersionId),
    ),
    pathwaysByLevel: new DataLoader<string, FrameworkLevelPathwayEntity[]>(async (ids) =>
      manyByKey(ids, await frameworks.findPathwaysByLevelIds(ids), (p) => p.frameworkLevelId),
    ),
    alignmentsByItem: new DataLoader<string, FrameworkItemAlignment[]>(async (ids) => {
      const rows = await repos.alignments.findFromItems(organisationOf(), ids);
      const byItem = manyByKey(ids, rows, (r) => r.fromItemId);
      return byItem.map((list) => list.map(toFrameworkItemAlignment));
    }),
  };
}
