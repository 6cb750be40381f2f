import { derivedMappingStanding } from './derived-mapping-standing.js';
import type { RemapCoverageChange, RemapCoverageDerived, RemapCoverageMapping } from './remap.types.js';

const ACCEPTED = new Set(['ACCEPTED', 'ACCEPTED_AT_OTHER_LEVEL']);

/**
 * Each practitioner's coverage of the version remapped to, now and after a remap, as eligibility
 * reads evidence: an item is approved when the newest approved version of a piece has an accepted
 * original mapping to it, or a derived one the remap rule carries (`derivedMappingStanding`). A
 * derived mapping that is not carried shows as unjudged evidence when its version is one the
 * practitioner's coverage reads (the newest, or the newest approved) and nothing approved covers
 * the item. Only the planned derived mappings differ between before and after, so a remap never
 * takes coverage away.
 */
export function compareRemapCoverage(
  originals: readonly RemapCoverageMapping[],
  derived: readonly RemapCoverageDerived[],
): Map<string, RemapCoverageChange> {
  const changes = new Map<string, RemapCoverageChange>();
  const of = (userId: string) => {
    let change = changes.get(userId);
    if (!change) {
      change = {
        approvedBefore: new Set(),
        approvedAfter: new Set(),
        unjudgedAfter: new Set(),
        plannedDerived: 0,
      };
      changes.set(userId, change);
    }
    return change;
  };
  for (const m of originals) {
    if (m.newestApproved && m.status === 'APPROVED' && m.decision !== null && ACCEPTED.has(m.decision)) {
      of(m.ownerUserId).approvedBefore.add(m.itemId);
      of(m.ownerUserId).approvedAfter.add(m.itemId);
    }
  }
  const unjudged: RemapCoverageDerived[] = [];
  for (const d of derived) {
    const change = of(d.ownerUserId);
    if (d.planned) change.plannedDerived += 1;
    if (d.newestApproved && derivedMappingStanding(d) === 'CARRIED') {
      if (!d.planned) change.approvedBefore.add(d.itemId);
      change.approvedAfter.add(d.itemId);
    } else if (d.newest || d.newestApproved) {
      unjudged.push(d);
    }
  }
  for (const d of unjudged) {
    const change = of(d.ownerUserId);
    if (!change.approvedAfter.has(d.itemId)) change.unjudgedAfter.add(d.itemId);
  }
  return changes;
}
