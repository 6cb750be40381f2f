// What every page of the pathway designer shares: the pathways as the API gives them, and a version found by id.
import type { Request } from 'express';
import {
  PathwaysDocument,
  type PathwaysQuery,
  type ProgressionMechanism,
} from '../../data/generated/graphql.js';
import { ApiError } from '../../data/apiError.js';
import { ladderSvg } from '../../presenters/pathways/ladderSvg.js';

export type Pathway = PathwaysQuery['pathways'][number];
export type Version = Pathway['versions'][number];

export const MECHANISM_NAMES: Record<ProgressionMechanism, string> = {
  APPRAISAL: 'Agreed in appraisal',
  AUTOMATIC: 'Automatic once the criteria are met',
  PANEL: 'Career progression panel',
  RECRUITMENT: 'Vacancy-led: apply for a post',
};

export const STATUS_NAMES = { DRAFT: 'Draft', PUBLISHED: 'Published', RETIRED: 'Retired' } as const;

export const notFound = (): ApiError => new ApiError('Not found', 'NOT_FOUND', undefined, [], undefined, 404);

export async function findVersion(
  req: Request,
  versionId: string,
): Promise<{ pathway: Pathway; version: Version }> {
  const { pathways } = await req.api(PathwaysDocument, {});
  for (const pathway of pathways) {
    const version = pathway.versions.find((v) => v.id === versionId);
    if (version) return { pathway, version };
  }
  throw notFound();
}

export const stageNames = (version: Version) => new Map(version.stages.map((s) => [s.key, s.name]));

/** The ladder picture and the same routes as table rows. */
export function ladderOf(version: Version) {
  const names = stageNames(version);
  return {
    svg: ladderSvg(version.stages, version.routes, {
      title: `The ladder of version ${version.versionNo}`,
    }),
    routes: version.routes.map((r) => ({
      key: r.key,
      from: names.get(r.fromStageKey) ?? r.fromStageKey,
      to: names.get(r.toStageKey) ?? r.toStageKey,
      mechanism: MECHANISM_NAMES[r.mechanism],
    })),
  };
}

export async function draftOrNotFound(req: Request): Promise<{ pathway: Pathway; version: Version }> {
  const found = await findVersion(req, String(req.params.versionId));
  if (found.version.status !== 'DRAFT') throw notFound();
  return found;
}
