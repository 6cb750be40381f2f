import type { EvidenceStatus, MappingDecision } from './portfolio.types.js';

/** The two CASE association types a remap follows from one framework version to another. */
export const REMAP_LINK_TYPES = ['exactMatchOf', 'replacedBy'] as const;
export type RemapLinkType = (typeof REMAP_LINK_TYPES)[number];

/** A link between two framework items, as read (imported with a CASE package or the organisation's). */
export interface RemapLinkCandidate {
  fromItemId: string;
  toItemId: string;
  /** Any CASE association type; only exactMatchOf and replacedBy are followed. */
  type: string;
  /** An organisation's unconfirmed link is the PSW's judgement still to be checked: not followed. */
  confirmed: boolean;
}

/** A mapping of evidence to an item of the version remapped from. */
export interface RemapSourceMapping {
  mappingId: string;
  evidenceVersionId: string;
  itemId: string;
}

export interface PlanFrameworkRemapInput {
  fromVersionId: string;
  toVersionId: string;
  /** Every item of the version remapped from. */
  fromItemIds: readonly string[];
  /** Every item of the version remapped to. */
  toItemIds: readonly string[];
  links: readonly RemapLinkCandidate[];
  sources: readonly RemapSourceMapping[];
  /**
   * Items of the version remapped to that each evidence version already maps to itself: an
   * original mapping, judged on its own, is never shadowed by a derived one.
   */
  originalTargets: ReadonlyMap<string, ReadonlySet<string>>;
}

/** A mapping to derive: the source mapping it comes from, the item it maps to and the link followed. */
export interface PlannedDerivedMapping {
  sourceMappingId: string;
  evidenceVersionId: string;
  toItemId: string;
  via: RemapLinkType;
}

export interface FrameworkRemapPlan {
  /** The links followed, from an item remapped from to an item remapped to, one per pair. */
  links: { fromItemId: string; toItemId: string; via: RemapLinkType }[];
  derived: PlannedDerivedMapping[];
  /** Source mappings whose item has no target: reported, never dropped silently. */
  unmapped: RemapSourceMapping[];
  /**
   * Source mappings whose every target the evidence version already maps to directly: nothing to
   * derive, since the original mapping (and its judgement) stands for that item.
   */
  alreadyMapped: RemapSourceMapping[];
  /** Items remapped from with no target, in the order given. */
  itemsWithoutTarget: string[];
}

/**
 * Where a derived mapping stands, worked out whenever it is read from its source's current state:
 * CARRIED counts as approved evidence of the item (never at any level); UNJUDGED is evidence for the
 * item that nobody has judged against it.
 */
export const DERIVED_MAPPING_STANDINGS = ['CARRIED', 'UNJUDGED'] as const;
export type DerivedMappingStanding = (typeof DERIVED_MAPPING_STANDINGS)[number];

export interface DerivedMappingSource {
  via: RemapLinkType;
  /** The status of the evidence version the source mapping belongs to. */
  status: EvidenceStatus;
  /** The reviewer's decision on the source mapping. */
  decision: MappingDecision | null;
}

/** A mapping as the coverage comparison reads it: whose, which item, and where its version stands. */
export interface RemapCoverageMapping {
  ownerUserId: string;
  itemId: string;
  status: EvidenceStatus;
  decision: MappingDecision | null;
  /** Its evidence version is the piece's newest. */
  newest: boolean;
  /** Its evidence version is the piece's newest approved one. */
  newestApproved: boolean;
}

/** A derived mapping (written by an earlier run, or planned) with the state of its source. */
export interface RemapCoverageDerived extends RemapCoverageMapping {
  via: RemapLinkType;
  /** Planned by this remap and not written yet. */
  planned: boolean;
}

/** One practitioner's coverage of the version remapped to, now and after the remap. */
export interface RemapCoverageChange {
  /** Items with approved evidence now: judged originals, and derived mappings already carried. */
  approvedBefore: Set<string>;
  /** The same after the remap: never fewer than before. */
  approvedAfter: Set<string>;
  /** Items with only unjudged derived evidence after the remap. */
  unjudgedAfter: Set<string>;
  /** Planned derived mappings of this practitioner's evidence. */
  plannedDerived: number;
}
