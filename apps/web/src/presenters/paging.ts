import type { PageLinksFragment } from '../data/generated/graphql.js';

/** A cursor the API gave us earlier (base64url); anything else is ignored and the list starts at the top. */
export function cursorParam(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9_=-]{1,500}$/.test(value) ? value : undefined;
}

/** The page arguments of a list that pages both ways. */
export interface PageRequest {
  first?: number;
  after?: string;
  last?: number;
  before?: string;
}

/**
 * The page an address asks for: `?after=` the page after a cursor, `?before=` the one before it (the
 * Previous link), neither the first page. `before` wins if both are given, as the API takes only one.
 */
export function pageRequest(query: { after?: unknown; before?: unknown }, size: number): PageRequest {
  const before = cursorParam(query.before);
  if (before) return { last: size, before };
  const after = cursorParam(query.after);
  return after ? { first: size, after } : { first: size };
}

export interface PageLinks {
  previous?: string;
  next?: string;
  /** Back to the top: only when the page came from a cursor and there is no Previous (an empty page). */
  first?: string;
}

export type PageCursor = { after: string } | { before: string } | Record<string, never>;

/**
 * Links to the pages either side of this one, from the API's page info; `href` makes the address from
 * the cursor parameter. A list asked for from the top has no Previous; one asked for backwards to its
 * start has none either, as the API says no page comes before it.
 */
export function pageLinks(
  pageInfo: PageLinksFragment,
  request: PageRequest,
  href: (cursor: PageCursor) => string,
): PageLinks {
  const previous =
    pageInfo.hasPreviousPage && pageInfo.startCursor ? href({ before: pageInfo.startCursor }) : undefined;
  const fromCursor = request.after !== undefined || request.before !== undefined;
  return {
    ...(previous ? { previous } : fromCursor && !pageInfo.startCursor ? { first: href({}) } : {}),
    ...(pageInfo.hasNextPage && pageInfo.endCursor ? { next: href({ after: pageInfo.endCursor }) } : {}),
  };
}
