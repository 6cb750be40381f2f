import { derivedMappingStanding } from './derived-mapping-standing.js';
import type { EvidenceStatus, MappingDecision } from './portfolio.types.js';
import type { RemapLinkType } from './remap.types.js';

/** A derived mapping of a version coverage counts, with its source's state. */
export interface DerivedCoverageRow {
  itemCode: string;
  evidenceId: string;
  status: EvidenceStatus;
  decision: MappingDecision | null;
  via: RemapLinkType;
}

/**
 * Pieces per item that map to it through a remap, apart from the judged cells: carried (approved
 * evidence of the item, at no level) or unjudged, as `derivedMappingStanding` says. A piece carried
 * for an item is not counted unjudged for it too.
 */
export function countDerivedCoverage(
  rows: readonly DerivedCoverageRow[],
): Map<string, { carried: number; unjudged: number }> {
  const carried = new Map<string, Set<string>>();
  const unjudged = new Map<string, Set<string>>();
  for (const r of rows) {
    const into = derivedMappingStanding(r) === 'CARRIED' ? carried : unjudged;
    into.set(r.itemCode, (into.get(r.itemCode) ?? new Set()).add(r.evidenceId));
  }
  const counts = new Map<string, { carried: number; unjudged: number }>();
  for (const code of new Set([...carried.keys(), ...unjudged.keys()])) {
    const yes = carried.get(code) ?? new Set<string>();
    const open = [...(unjudged.get(code) ?? [])].filter((id) => !yes.has(id));
    counts.set(code, { carried: yes.size, unjudged: open.length });
  }
  return counts;
}
