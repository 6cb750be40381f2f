import type { IsoDate } from '../calendar/iso-date.js';
import type { EvidenceKind, QualificationFacts, QualificationType } from '../portfolio/portfolio.types.js';

/*
 * Career progression routes and their eligibility (reference §7, §10 rules 3, 4 and 8).
 *
 * Progression criteria are local: a PSW configures them per employer, and no threshold here is a
 * national rule. "Eligible" means only that the practitioner may apply or be put forward; counts of
 * evidence never promote anyone (reference §10 rule 3). A person or panel decides.
 */

/** The framework code of the PCF in reference data; APPROVED_EVIDENCE counts mappings to it. */
export const PCF_FRAMEWORK_CODE = 'PCF';

/** The item kind of the nine PCF domains in reference data. */
export const PCF_DOMAIN_ITEM_KIND = 'DOMAIN';

/** How a route is decided (reference §7.2, §7.3). */
export const PROGRESSION_MECHANISMS = ['AUTOMATIC', 'APPRAISAL', 'PANEL', 'RECRUITMENT'] as const;
export type ProgressionMechanism = (typeof PROGRESSION_MECHANISMS)[number];

export const CRITERION_TYPES = [
  'ALL_OF',
  'ANY_OF',
  'MIN_POST_QUALIFYING_MONTHS',
  'MIN_MONTHS_IN_STAGE',
  'APPROVED_EVIDENCE',
  'FRAMEWORK_COVERAGE',
  'QUALIFICATION',
  'CPD_COMPLIANCE',
  'HOLDS_STAGE',
] as const;
export type CriterionType = (typeof CRITERION_TYPES)[number];

/** Met when every child is met (vacuously true when empty, which validation refuses). */
export interface AllOfCriterion {
  type: 'ALL_OF';
  criteria: readonly Criterion[];
}

/** Met when at least one child is met. */
export interface AnyOfCriterion {
  type: 'ANY_OF';
  criteria: readonly Criterion[];
}

/** Whole calendar months from the date qualified to the evaluation date. */
export interface MinPostQualifyingMonthsCriterion {
  type: 'MIN_POST_QUALIFYING_MONTHS';
  months: number;
}

/** Whole calendar months in the route's starting stage, counted from the start of the current spell. */
export interface MinMonthsInStageCriterion {
  type: 'MIN_MONTHS_IN_STAGE';
  months: number;
}

/**
 * Approved evidence with an accepted PCF mapping (at the pathway's PCF version) at a level or above,
 * in each of the given domains. One piece of evidence counts once per domain it maps to and may count
 * in several domains (reference §1.1).
 */
export interface ApprovedEvidenceCriterion {
  type: 'APPROVED_EVIDENCE';
  /** The lowest PCF level that counts, by ordinal; give this or `minLevelCode` (if both, they must agree). */
  minLevelOrdinal?: number;
  /** The lowest PCF level that counts, by code. */
  minLevelCode?: string;
  /** PCF domain codes, or `'ALL'` for all nine. */
  domainCodes: readonly string[] | 'ALL';
  minPiecesPerDomain: number;
  /**
   * Only evidence dated within the last M months counts: after the day M calendar months before the
   * evaluation date, up to and including the evaluation date (12 months to 30 June 2025 starts on
   * 1 July 2024).
   */
  withinMonths?: number;
  /** Only evidence of these kinds counts (e.g. service-user feedback). */
  kinds?: readonly EvidenceKind[];
}

/** A share of a framework version's items (optionally of one kind) evidenced by approved evidence. */
export interface FrameworkCoverageCriterion {
  type: 'FRAMEWORK_COVERAGE';
  frameworkCode: string;
  version: string;
  /** In (0, 1]: 0.6 means at least 60% of the items. */
  minShare: number;
  /** Only items of this kind (e.g. `STATEMENT`) are counted, on both sides of the share. */
  itemKind?: string;
}

/**
 * A verified qualification awarded on or before the evaluation date. A PEPS Stage 2 qualification
 * also satisfies a PEPS Stage 1 criterion (Stage 2 includes what Stage 1 allows, reference §6).
 */
export interface QualificationCriterion {
  type: 'QUALIFICATION';
  qualificationType: QualificationType;
  /** PQ_CREDITS only: the total credits of the counted records must reach this. */
  minCredits?: number;
  /** The qualification must be current (awarded and not expired) on the evaluation date. */
  currentOnEvaluationDate?: boolean;
  /** The qualification must be current on this day. Not together with `currentOnEvaluationDate`. */
  currentOn?: IsoDate | null;
}

/**
 * CPD requirements met with the practitioner's regulator in each of the last N completed registration
 * years. Whether a year was met is computed elsewhere and arrives as facts.
 */
export interface CpdComplianceCriterion {
  type: 'CPD_COMPLIANCE';
  registrationYears: number;
}

/** The practitioner holds the given stage on the evaluation date. */
export interface HoldsStageCriterion {
  type: 'HOLDS_STAGE';
  stageKey: string;
}

export type Criterion =
  | AllOfCriterion
  | AnyOfCriterion
  | MinPostQualifyingMonthsCriterion
  | MinMonthsInStageCriterion
  | ApprovedEvidenceCriterion
  | FrameworkCoverageCriterion
  | QualificationCriterion
  | CpdComplianceCriterion
  | HoldsStageCriterion;

// ---- pathway design ------------------------------------------------------------------------------

/** A role on the ladder. */
export interface PathwayStage {
  /** Stable within a pathway and across its versions; routes and stage history refer to it. */
  key: string;
  name: string;
  description: string;
  pcfLevelCode: string | null;
  pcfPathwayCode: string | null;
  /** Free text: grades are local (e.g. "Grade 10 / Level 2"). */
  typicalGrade: string | null;
}

/** A way from one stage to another. Routes form a directed acyclic graph over the stages. */
export interface PathwayRoute {
  /** Stable within a pathway and across its versions. */
  key: string;
  fromStageKey: string;
  toStageKey: string;
  mechanism: ProgressionMechanism;
  criteria: Criterion;
}

/** The content of one pathway version. */
export interface PathwayDesign {
  /** The PCF version levels and domains refer to (reference §10 rule 5), e.g. `2018`. */
  pcfVersion: string;
  stages: readonly PathwayStage[];
  routes: readonly PathwayRoute[];
}

// ---- reference data ------------------------------------------------------------------------------

export interface ReferenceItem {
  code: string;
  kind: string;
  title: string;
}

export interface ReferencePathway {
  code: string;
  name: string;
}

export interface ReferenceLevel {
  code: string;
  ordinal: number;
  name: string;
  pathways: readonly ReferencePathway[];
}

/** One version of a framework, as seeded. */
export interface ReferenceFramework {
  code: string;
  version: string;
  name: string;
  items: readonly ReferenceItem[];
  levels: readonly ReferenceLevel[];
}

/** The framework versions a design is checked against and gap texts are worded from. */
export interface ProgressionReference {
  frameworks: readonly ReferenceFramework[];
}

// ---- practitioner facts --------------------------------------------------------------------------

/** A spell in a stage. Someone may hold two stages at once (e.g. social worker and practice educator). */
export interface StageHistoryEntry {
  stageKey: string;
  from: IsoDate;
  /** Last day in the stage, inclusive; `null` while open. */
  to: IsoDate | null;
}

/** A qualification, with credits for PQ_CREDITS records. */
export interface PractitionerQualificationFacts extends QualificationFacts {
  credits?: number | null;
}

/** A mapping of approved evidence the reviewer accepted. Mappings not accepted are left out. */
export interface EvidenceMappingFacts {
  frameworkCode: string;
  frameworkVersion: string;
  itemCode: string;
  /** The accepted level; `null` for frameworks without levels. The ordinal wins if both are given. */
  acceptedLevelOrdinal: number | null;
  acceptedLevelCode: string | null;
}

export interface ApprovedEvidenceFacts {
  evidenceId: string;
  kind: EvidenceKind;
  date: IsoDate;
  mappings: readonly EvidenceMappingFacts[];
}

/** Whether CPD requirements were met for one registration year, computed elsewhere. */
export interface CpdComplianceYear {
  /** How people name the year, e.g. `2023–24`. */
  periodLabel: string;
  periodEnd: IsoDate;
  met: boolean;
}

export interface PractitionerFacts {
  /** `null` while not qualified. */
  dateQualified: IsoDate | null;
  stageHistory: readonly StageHistoryEntry[];
  qualifications: readonly PractitionerQualificationFacts[];
  /** Approved evidence only. */
  approvedEvidence: readonly ApprovedEvidenceFacts[];
  /** `null` when not known yet. */
  cpdCompliance: readonly CpdComplianceYear[] | null;
}

// ---- results -------------------------------------------------------------------------------------

export const PROGRESS_UNITS = [
  'CRITERIA',
  'MONTHS',
  'PIECES',
  'ITEMS',
  'QUALIFICATIONS',
  'CREDITS',
  'REGISTRATION_YEARS',
  'STAGES',
] as const;
export type ProgressUnit = (typeof PROGRESS_UNITS)[number];

/** "3 of 5 pieces". */
export interface CriterionProgress {
  current: number;
  required: number;
  unit: ProgressUnit;
}

/** One domain of APPROVED_EVIDENCE or one registration year of CPD_COMPLIANCE. */
export interface ProgressPart {
  code: string;
  label: string;
  current: number;
  required: number;
  met: boolean;
}

/** How one criterion stands; mirrors the criterion tree. */
export interface CriterionOutcome {
  type: CriterionType;
  /** What the criterion asks, in plain English. */
  label: string;
  met: boolean;
  progress: CriterionProgress;
  /** What is missing, in plain English; `null` when met. */
  gap: string | null;
  parts: readonly ProgressPart[];
  children: readonly CriterionOutcome[];
}

export interface RouteEligibility {
  routeKey: string;
  fromStageKey: string;
  toStageKey: string;
  mechanism: ProgressionMechanism;
  /** May apply or be put forward; never a promotion. */
  eligible: boolean;
  /** In [0, 1], 1 exactly when eligible; see `measureCloseness`. */
  closeness: number;
  outcome: CriterionOutcome;
}

/**
 * Which stages routes were taken from: the stages held on the evaluation date, or, when none is held,
 * the entry stages of the pathway (stages no route leads into).
 */
export const ELIGIBILITY_BASES = ['CURRENT_STAGES', 'ENTRY_STAGES'] as const;
export type EligibilityBasis = (typeof ELIGIBILITY_BASES)[number];

export interface EligibilityResult {
  asOf: IsoDate;
  basis: EligibilityBasis;
  /** Stage keys held on the evaluation date, sorted. */
  currentStageKeys: string[];
  /** In design order. */
  routes: RouteEligibility[];
}

/** A piece of approved evidence as the evidence criteria read it on one evaluation date. */
export interface IndexedEvidence {
  evidenceId: string;
  kind: EvidenceKind;
  /** Whole calendar months from the piece's date to the evaluation date. */
  monthsOld: number;
  /** Its accepted mappings to the design's PCF version, with the level as an ordinal. */
  pcfMappings: readonly { itemCode: string; acceptedLevelOrdinal: number | null }[];
  /** All its accepted mappings, any framework. */
  mappings: readonly EvidenceMappingFacts[];
}

/** What a criterion is evaluated against. */
export interface CriterionContext {
  asOf: IsoDate;
  facts: PractitionerFacts;
  design: PathwayDesign;
  reference: ProgressionReference;
  /** The PCF version the design names. */
  pcf: ReferenceFramework;
  /** The stage the route starts from. */
  fromStageKey: string;
  /**
   * `facts.approvedEvidence` as `indexApprovedEvidence` gives it for `asOf` and `pcf`, worked out once
   * for all the routes of one evaluation; the evidence criteria work it out themselves when absent.
   */
  evidence?: readonly IndexedEvidence[];
}

/** What a CRITERION_INVALID error is about, in `meta.reason`. */
export const CRITERION_PROBLEMS = [
  'UNKNOWN_TYPE',
  'EMPTY_GROUP',
  'TOO_DEEP',
  'TOO_LARGE',
  'NOT_A_POSITIVE_WHOLE_NUMBER',
  'SHARE_OUT_OF_RANGE',
  'EMPTY_LIST',
  'DUPLICATE_CODE',
  'UNKNOWN_DOMAIN',
  'LEVEL_REQUIRED',
  'UNKNOWN_LEVEL',
  'LEVEL_MISMATCH',
  'UNKNOWN_EVIDENCE_KIND',
  'UNKNOWN_FRAMEWORK_VERSION',
  'UNKNOWN_ITEM_KIND',
  'UNKNOWN_QUALIFICATION_TYPE',
  'CREDITS_NOT_APPLICABLE',
  'CONFLICTING_CURRENCY',
  'INVALID_DATE',
] as const;
export type CriterionProblem = (typeof CRITERION_PROBLEMS)[number];

/** What criteria are checked against when a design is saved. */
export interface CriterionValidationScope {
  reference: ProgressionReference;
  /** The PCF version the design names. */
  pcf: ReferenceFramework;
  stageKeys: ReadonlySet<string>;
}

/** Criteria nest at most this deep (a route's own criterion is depth 1). */
export const MAX_CRITERION_DEPTH = 8;

/** A route's criteria hold at most this many criteria in all, groups included: each is evaluated for
 * every practitioner a report or candidate list considers. */
export const MAX_CRITERION_SIZE = 200;

/** A cycle in the routes: following `routeKeys` visits `stageKeys` in order and returns to the first. */
export interface RouteCycle {
  /** The index of the route that closes the cycle, taking routes in the order given. */
  routeIndex: number;
  stageKeys: string[];
  routeKeys: string[];
}

// ---- applications and stage history --------------------------------------------------------------

/** How a practitioner came to hold a stage: a route's mechanism, or recorded by an administrator. */
export const STAGE_DECISIONS = ['AUTOMATIC', 'APPRAISAL', 'PANEL', 'RECRUITMENT', 'RECORDED'] as const;
export type StageDecision = (typeof STAGE_DECISIONS)[number];

/** Where an application for a route stands; only OPEN awaits a decision. */
export const APPLICATION_STATUSES = ['OPEN', 'APPROVED', 'DEFERRED', 'DECLINED', 'WITHDRAWN'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** What a PSW or panel decides on an open application. */
export const APPLICATION_DECISIONS = ['APPROVE', 'DEFER', 'DECLINE'] as const;
export type ApplicationDecision = (typeof APPLICATION_DECISIONS)[number];
