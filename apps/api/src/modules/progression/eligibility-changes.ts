import {
  evaluateEligibility,
  type IsoDate,
  type PathwayDesign,
  type PractitionerFacts,
  type ProgressionReference,
} from '#app/domain';
import type { WhatIfPerson } from './models/eligibility.model.js';

/** Who is eligible for each route of `design` on `asOf`, by user id. */
export function eligibleByRoute(
  people: readonly { userId: string; facts: PractitionerFacts }[],
  design: PathwayDesign,
  asOf: IsoDate,
  reference: ProgressionReference,
): Map<string, Set<string>> {
  const eligible = new Map<string, Set<string>>();
  for (const { userId, facts } of people) {
    for (const r of evaluateEligibility(facts, design, asOf, reference).routes) {
      if (!r.eligible) continue;
      if (!eligible.has(r.routeKey)) eligible.set(r.routeKey, new Set());
      eligible.get(r.routeKey)!.add(userId);
    }
  }
  return eligible;
}

/**
 * The people in `then` and not in `now`, by name: who gains eligibility for a route (swap the two
 * for who loses it), so the PSW sees by name whom a change would affect.
 */
export function peopleOnlyIn(
  then: ReadonlySet<string>,
  now: ReadonlySet<string>,
  names: ReadonlyMap<string, string>,
): WhatIfPerson[] {
  return [...then]
    .filter((id) => !now.has(id))
    .map((userId) => ({ userId, fullName: names.get(userId)! }))
    .sort((a, b) => a.fullName.localeCompare(b.fullName));
}
