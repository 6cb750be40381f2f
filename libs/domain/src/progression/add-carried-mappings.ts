import { derivedMappingStanding } from '../portfolio/derived-mapping-standing.js';
import type { EvidenceKind, MappingDecision } from '../portfolio/portfolio.types.js';
import type { RemapLinkType } from '../portfolio/remap.types.js';
import type { ApprovedEvidenceFacts } from './progression.types.js';

/** A mapping a remap derived from an accepted mapping of a piece's newest approved version. */
export interface DerivedEvidenceFact {
  evidenceId: string;
  kind: EvidenceKind;
  /** The end of the evidence's date range, YYYY-MM-DD. */
  date: string;
  via: RemapLinkType;
  /** The decision on the mapping it was derived from. */
  decision: MappingDecision | null;
  /** The item it maps to, by codes; absent when the organisation cannot read that framework. */
  item: { frameworkCode: string; version: string; itemCode: string } | undefined;
}

/**
 * Approved evidence as eligibility reads it once remapped: each derived mapping the remap rule
 * carries (`derivedMappingStanding`: exactMatchOf from an accepted mapping) is added to its piece as
 * the new item with no level, so a criterion at a level never counts it and one on a framework's
 * items (FRAMEWORK_COVERAGE) does. A piece with no mapping of its own that eligibility reads is
 * added with these alone. The rest (replacedBy, or not judged) are left out, as unjudged evidence
 * is. `evidence` is not changed.
 */
export function addCarriedMappings(
  evidence: readonly ApprovedEvidenceFacts[],
  derived: readonly DerivedEvidenceFact[],
): ApprovedEvidenceFacts[] {
  const carried = derived.filter(
    (d) =>
      d.item !== undefined &&
      derivedMappingStanding({ via: d.via, status: 'APPROVED', decision: d.decision }) === 'CARRIED',
  );
  if (carried.length === 0) return [...evidence];
  const byId = new Map(evidence.map((e) => [e.evidenceId, { ...e, mappings: [...e.mappings] }]));
  for (const d of carried) {
    let piece = byId.get(d.evidenceId);
    if (!piece) {
      piece = { evidenceId: d.evidenceId, kind: d.kind, date: d.date, mappings: [] };
      byId.set(d.evidenceId, piece);
    }
    piece.mappings.push({
      frameworkCode: d.item!.frameworkCode,
      frameworkVersion: d.item!.version,
      itemCode: d.item!.itemCode,
      acceptedLevelOrdinal: null,
      acceptedLevelCode: null,
    });
  }
  return [...byId.values()];
}
