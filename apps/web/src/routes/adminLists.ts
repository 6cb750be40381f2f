import type { Request } from 'express';
import {
  AdminMembersDocument,
  AdminRelationshipsDocument,
  AdminSubjectAccessExportsDocument,
  AdminTeamsDocument,
  type AdminMembersQuery,
  type AdminRelationshipsQuery,
  type AdminSubjectAccessExportsQuery,
  type AdminTeamsQuery,
} from '../data/generated/graphql.js';

/** Enough for any council's select lists; the API pages at 100 at most. */
const PAGE = 100;
const MAX_PAGES = 20;

async function everyPage<T>(
  load: (after: string | undefined) => Promise<{
    nodes: T[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  }>,
): Promise<T[]> {
  const all: T[] = [];
  let after: string | undefined;
  for (let n = 0; n < MAX_PAGES; n += 1) {
    const page = await load(after);
    all.push(...page.nodes);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  return all;
}

export type AdminMember = AdminMembersQuery['members']['nodes'][number];
export type AdminTeam = AdminTeamsQuery['teams']['nodes'][number];
export type AdminRelationship = AdminRelationshipsQuery['assessorRelationships']['nodes'][number];

export const allMembers = (req: Request): Promise<AdminMember[]> =>
  everyPage(async (after) => (await req.api(AdminMembersDocument, { first: PAGE, after })).members);

export const allTeams = (req: Request): Promise<AdminTeam[]> =>
  everyPage(async (after) => (await req.api(AdminTeamsDocument, { first: PAGE, after })).teams);

export const allRelationships = (req: Request): Promise<AdminRelationship[]> =>
  everyPage(
    async (after) =>
      (await req.api(AdminRelationshipsDocument, { first: PAGE, after })).assessorRelationships,
  );

/** The API's ids are UUIDs; anything else in a path is a page that does not exist. */
export const isId = (value: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** A person's subject access exports, newest first (an administrator's view of anyone here). */
export async function subjectAccessExportsOf(
  req: Request,
  userId: string,
): Promise<AdminSubjectAccessExportsQuery['subjectAccessExports']> {
  return (await req.api(AdminSubjectAccessExportsDocument, { userId })).subjectAccessExports;
}
