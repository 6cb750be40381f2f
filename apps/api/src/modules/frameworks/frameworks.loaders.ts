import DataLoader from 'dataloader';
import type {
  FrameworkItemEntity,
  FrameworkLevelEntity,
  FrameworkLevelPathwayEntity,
  FrameworkVersionEntity,
} from '#app/persistence';
import { FrameworkRepository } from '#app/persistence';
import { manyByKey } from '../../graphql/group-by-key.js';

export function createFrameworkLoaders(frameworks: FrameworkRepository) {
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
  };
}
