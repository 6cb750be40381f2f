interface Person {
  fullName: string;
}

/** One route of the what-if, in words: how eligibility would change if the draft were published. */
export interface WhatIfRow {
  routeKey: string;
  published: number | null;
  draft: number;
  gained: number;
  lost: number;
  change: string;
  /** "Ana Able and Ben Bold": who would gain, and who would lose, eligibility. */
  gainedNames: string;
  lostNames: string;
}

/** Names in a sentence: "A", "A and B", "A, B and C". */
export function namesInWords(people: Person[]): string {
  const names = people.map((p) => p.fullName);
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function whatIfRows(
  routes: {
    routeKey: string;
    eligibleUnderDraft: number;
    eligibleUnderPublished: number | null;
    gained: Person[];
    lost: Person[];
  }[],
): WhatIfRow[] {
  return routes.map((r) => {
    const before = r.eligibleUnderPublished;
    const delta = r.eligibleUnderDraft - (before ?? 0);
    // Counts can stand still while one person gains and another loses: the names tell.
    const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;
    const change =
      before === null
        ? `New route: ${people(r.eligibleUnderDraft)} eligible`
        : delta > 0
          ? `${people(delta)} more eligible`
          : delta < 0
            ? `${people(-delta)} fewer eligible`
            : r.gained.length > 0
              ? 'As many eligible, not the same people'
              : 'No change';
    return {
      routeKey: r.routeKey,
      published: before,
      draft: r.eligibleUnderDraft,
      gained: r.gained.length,
      lost: r.lost.length,
      change,
      gainedNames: namesInWords(r.gained),
      lostNames: namesInWords(r.lost),
    };
  });
}
