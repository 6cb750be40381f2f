import type { IsoDate } from '../calendar/iso-date.js';
import type { AssessorCapacity, Regulator } from '../identity/roles.js';

/** What a piece of portfolio evidence is (reference §3.3, §5.1 "Required evidence"). */
export const EVIDENCE_KINDS = [
  'CPD_ACTIVITY',
  'DIRECT_OBSERVATION',
  'SERVICE_USER_FEEDBACK',
  'PROFESSIONAL_FEEDBACK',
  'WRITTEN_REPORT',
  'CRITICAL_REFLECTION',
  'SUPERVISION_REFLECTION',
  'CERTIFICATE',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Type of CPD, after the examples SWE gives (reference §3.3; SWE's exact list is unconfirmed). */
export const CPD_ACTIVITY_TYPES = [
  'TRAINING',
  'E_LEARNING',
  'READING_OR_RESEARCH',
  'PODCAST_OR_WEBINAR',
  'SHADOWING',
  'SUPERVISION',
  'FEEDBACK',
  'PROJECT_WORK',
  'TEACHING_OR_PRESENTING',
  'CONFERENCE',
  'ASYE_WORK',
  'OTHER',
] as const;
export type CpdActivityType = (typeof CPD_ACTIVITY_TYPES)[number];

/** Where one version of a piece of evidence stands in sign-off. */
export const EVIDENCE_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'CHANGES_REQUESTED'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

/** What someone does to a version of evidence; see `transitionEvidence`. */
export const EVIDENCE_ACTIONS = ['SUBMIT', 'WITHDRAW', 'APPROVE', 'REQUEST_CHANGES', 'OVERTURN'] as const;
export type EvidenceAction = (typeof EVIDENCE_ACTIONS)[number];

/** How an edit is stored; see `planEvidenceEdit`. */
export const EVIDENCE_EDIT_PLANS = ['EDIT_IN_PLACE', 'NEW_VERSION'] as const;
export type EvidenceEditPlan = (typeof EVIDENCE_EDIT_PLANS)[number];

/** A reviewer's judgement of one claimed mapping of evidence to a framework level. */
export const MAPPING_DECISIONS = ['ACCEPTED', 'ACCEPTED_AT_OTHER_LEVEL', 'NOT_ACCEPTED'] as const;
export type MappingDecision = (typeof MAPPING_DECISIONS)[number];

/** The outcome a reviewer gives a submitted version. */
export const REVIEW_OUTCOMES = ['APPROVE', 'REQUEST_CHANGES'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** Which assessment a submission is for; decides who may sign it off (reference §5.1, §6, §10 rule 6). */
export const ASSESSMENT_CONTEXTS = ['FIRST_PLACEMENT', 'FINAL_PLACEMENT', 'ASYE', 'CPD'] as const;
export type AssessmentContext = (typeof ASSESSMENT_CONTEXTS)[number];

/** Qualifications a reviewer can hold (reference §6, §9 `PractitionerQualification`). */
export const QUALIFICATION_TYPES = [
  'PEPS_STAGE_1',
  'PEPS_STAGE_2',
  'ASYE_COMPLETED',
  'AMHP',
  'BIA',
  'PQ_CREDITS',
  'PQ_AWARD',
  'OTHER',
] as const;
export type QualificationType = (typeof QUALIFICATION_TYPES)[number];

/** Who may review whose evidence, in which capacity, from when to when (both days inclusive). */
export interface AssessorRelationshipFacts {
  assessorUserId: string;
  practitionerUserId: string;
  capacity: AssessorCapacity;
  startsOn: IsoDate;
  /** Last day the relationship is active; `null` while open-ended. */
  endsOn: IsoDate | null;
}

export interface CanSubmitInput<R extends AssessorRelationshipFacts = AssessorRelationshipFacts> {
  actorUserId: string;
  ownerUserId: string;
  reviewerUserId: string;
  /** The day of submission. */
  asOf: IsoDate;
  /** The day the evidence is dated. */
  evidenceDate: IsoDate;
  /** The owner's assessor relationships (any may be inactive or with someone else). */
  relationships: readonly R[];
}

export interface RegistrationFacts {
  regulator: Regulator;
  number: string;
  /** First day registered; `null` when not recorded. */
  registeredFrom: IsoDate | null;
  /** Last day registered; `null` while open-ended. */
  registeredUntil: IsoDate | null;
}

export interface QualificationFacts {
  type: QualificationType;
  awardedOn: IsoDate;
  /** Last day the qualification is current; `null` when it does not expire. */
  expiresOn: IsoDate | null;
  /** Whether someone in the organisation has checked the certificate. Unverified ones never count. */
  verified: boolean;
}

/** What the domain needs to know about someone who signs off evidence. */
export interface ReviewerFacts {
  userId: string;
  registration: RegistrationFacts | null;
  qualifications: readonly QualificationFacts[];
}

export interface ReviewerStandingInput {
  /** The day of the decision: registration, qualifications and relationship are checked as at this day. */
  decidedOn: IsoDate;
  context: AssessmentContext;
  reviewer: ReviewerFacts;
  /** A PEPS Stage 2 educator who ratifies a Stage 1 educator's final-placement decision. */
  countersigner?: ReviewerFacts | null;
  relationship: AssessorRelationshipFacts;
}

/** What a reviewer's decision lacks; listed in `meta.missing` of REVIEWER_NOT_QUALIFIED. */
export const STANDING_REQUIREMENTS = [
  'SOCIAL_WORK_REGISTRATION',
  'PEPS_STAGE_1_OR_2',
  'PEPS_STAGE_2',
  'PEPS_STAGE_2_COUNTERSIGNER',
  'COUNTERSIGNER_REGISTRATION',
  'INDEPENDENT_COUNTERSIGNER',
] as const;
export type StandingRequirement = (typeof STANDING_REQUIREMENTS)[number];

/** What a decision relied on, for the audit trail (reference §10 rule 9). */
export interface ReviewerStanding {
  /** The reviewer's PEPS qualification the decision relies on; `null` outside placements. */
  qualification: QualificationType | null;
  /** Set only when the decision needs a countersignature (final placement by a Stage 1 educator). */
  countersignerUserId: string | null;
}

/** One framework level the practitioner claims a piece of evidence meets. */
export interface ClaimedMapping {
  mappingId: string;
  /** `null` for frameworks without levels (SWE standards, KSS). */
  claimedLevelCode: string | null;
  claimedPathwayCode: string | null;
}

export interface MappingDecisionInput {
  mappingId: string;
  decision: MappingDecision;
  /** Required for ACCEPTED_AT_OTHER_LEVEL; ignored otherwise. */
  levelCode?: string | null;
  /** Used only for ACCEPTED_AT_OTHER_LEVEL. */
  pathwayCode?: string | null;
  comment?: string | null;
}

export interface DecideMappingsInput {
  outcome: ReviewOutcome;
  mappings: readonly ClaimedMapping[];
  decisions: readonly MappingDecisionInput[];
}

export interface DecidedMapping {
  mappingId: string;
  decision: MappingDecision;
  /** The level the reviewer accepted; `null` when NOT_ACCEPTED. */
  acceptedLevelCode: string | null;
  acceptedPathwayCode: string | null;
  comment: string | null;
}

/** What a `MAPPING_DECISION_MISSING` error is about, in `meta.reason`. */
export const MAPPING_DECISION_PROBLEMS = [
  'UNKNOWN_MAPPING',
  'DUPLICATE_DECISION',
  'LEVEL_REQUIRED',
  'DECISION_MISSING',
  'NONE_ACCEPTED',
] as const;
export type MappingDecisionProblem = (typeof MAPPING_DECISION_PROBLEMS)[number];

/** Kinds of likely identifiers of people who use services (reference §10 rule 10). */
export const IDENTIFIER_KINDS = ['NHS_NUMBER', 'POSTCODE', 'PHONE_NUMBER', 'EMAIL', 'DATE_OF_BIRTH'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/**
 * Where a likely identifier sits in a text: `text.slice(start, end)`.
 * Deliberately holds no copy of the matched text, which is sensitive.
 */
export interface IdentifierWarning {
  kind: IdentifierKind;
  start: number;
  end: number;
}

/** An `IdentifierWarning` in one named field, e.g. `learning` or `mappings[0].rationale`. */
export interface FieldIdentifierWarning extends IdentifierWarning {
  field: string;
}

/** A free-text field to scan: its name as the client's input has it, and its text (absent is skipped). */
export type NamedText = readonly [field: string, text: string | null | undefined];

/** One mapping of the current version of one piece of evidence. */
export interface CoverageRow {
  domainCode: string;
  levelOrdinal: number;
  levelCode: string;
  status: EvidenceStatus;
  decision: MappingDecision | null;
}

export interface CoverageCounts {
  draft: number;
  submitted: number;
  /** Approved evidence whose mapping was accepted (at the claimed or another level). */
  approved: number;
  changesRequested: number;
}

export interface CoverageCell {
  domainCode: string;
  levelCode: string;
  levelOrdinal: number;
  counts: CoverageCounts;
}
