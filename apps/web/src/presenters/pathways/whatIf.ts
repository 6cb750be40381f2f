/** One route of the what-if, in words: how eligibility would change if the draft were published. */
export interface WhatIfRow {
  routeKey: string;
  published: number | null;
  draft: number;
  gained: number;
  lost: number;
  change: string;
}

export function whatIfRows(
  routes: { routeKey: string; eligibleUnderDraft: number; eligibleUnderPublished: number | null }[],
): WhatIfRow[] {
  return routes.map((r) => {
    const before = r.eligibleUnderPublished;
    const delta = r.eligibleUnderDraft - (before ?? 0);
    const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;
    const change =
      before === null
        ? `New route: ${people(r.eligibleUnderDraft)} eligible`
        : delta > 0
          ? `${people(delta)} more eligible`
          : delta < 0
            ? `${people(-delta)} fewer eligible`
            : 'No change';
    return {
      routeKey: r.routeKey,
      published: before,
      draft: r.eligibleUnderDraft,
      gained: Math.max(0, delta),
      lost: Math.max(0, -delta),
      change,
    };
  });
}
