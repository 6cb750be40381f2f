import type { Regulator } from '../identity/roles.js';
import type { IsoDate } from '../calendar/iso-date.js';
import type { EvidenceKind, EvidenceStatus, RegistrationFacts } from '../portfolio/portfolio.types.js';

/**
 * Why an ASYE is paused (reference §5.1: sickness, bereavement, parental leave, lack of support;
 * never capability). CAPABILITY is listed so it can be refused with a clear error: a struggling
 * NQSW gets a support plan under capability procedures, and the year runs on.
 */
export const ASYE_PAUSE_REASONS = [
  'SICKNESS',
  'BEREAVEMENT',
  'PARENTAL_LEAVE',
  'LACK_OF_SUPPORT',
  'OTHER_LEAVE',
  'CAPABILITY',
] as const;
export type AsyePauseReason = (typeof ASYE_PAUSE_REASONS)[number];

export const ASYE_OUTCOMES = ['PASS', 'FAIL'] as const;
export type AsyeOutcome = (typeof ASYE_OUTCOMES)[number];

/** The review points of the national RSPA template (reference §5.1). */
export const ASYE_REVIEW_POINT_CODES = ['THREE_MONTH', 'SIX_MONTH', 'FINAL'] as const;

/** A review point of an organisation's ASYE policy; codes are the organisation's own. */
export interface AsyeReviewPointRule {
  code: string;
  monthsAfterStart: number;
}

/**
 * An organisation's ASYE rules (reference §5.1, §10 rule 7). Every organisation can keep its own;
 * `DEFAULT_ASYE_POLICY` is the national picture.
 */
export interface AsyePolicy {
  /** In the order they must be recorded; the last one is the final review and ends the year. */
  reviewPoints: readonly AsyeReviewPointRule[];
  /** How many pieces of approved evidence of each kind the year needs. */
  requiredEvidence: readonly { kind: EvidenceKind; count: number }[];
  /**
   * Critical reflections due at points of the year: one approved piece of `kind` dated from
   * `windowDaysBefore` days before to `windowDaysAfter` days after each point (pause-adjusted like
   * review points). One piece counts for one point only.
   */
  criticalReflections: {
    kind: EvidenceKind;
    atMonths: readonly number[];
    windowDaysBefore: number;
    windowDaysAfter: number;
  };
  /** Share of working time protected for development, in per cent. */
  protectedTimePercent: number;
  /** Reasons the organisation accepts for a pause. CAPABILITY is refused even if listed. */
  allowedPauseReasons: readonly AsyePauseReason[];
  /** A review point is "due soon" this many days before its due date. */
  reviewDueSoonDays: number;
  /** Regulators whose registration makes someone eligible (the ASYE is England's programme). */
  registrationRegulators: readonly Regulator[];
  /** Longest time between qualifying and starting the ASYE, in months; `null` for no limit. */
  maxMonthsSinceQualifying: number | null;
}

export const DEFAULT_ASYE_POLICY: AsyePolicy = {
  reviewPoints: [
    { code: 'THREE_MONTH', monthsAfterStart: 3 },
    { code: 'SIX_MONTH', monthsAfterStart: 6 },
    { code: 'FINAL', monthsAfterStart: 12 },
  ],
  requiredEvidence: [
    { kind: 'DIRECT_OBSERVATION', count: 3 },
    { kind: 'SERVICE_USER_FEEDBACK', count: 3 },
    { kind: 'PROFESSIONAL_FEEDBACK', count: 3 },
    { kind: 'WRITTEN_REPORT', count: 3 },
  ],
  criticalReflections: {
    kind: 'CRITICAL_REFLECTION',
    atMonths: [6, 12],
    windowDaysBefore: 42,
    windowDaysAfter: 28,
  },
  protectedTimePercent: 10,
  allowedPauseReasons: ['SICKNESS', 'BEREAVEMENT', 'PARENTAL_LEAVE', 'LACK_OF_SUPPORT', 'OTHER_LEAVE'],
  reviewDueSoonDays: 14,
  registrationRegulators: ['SOCIAL_WORK_ENGLAND'],
  maxMonthsSinceQualifying: null,
};

/** A pause of the ASYE, both days inclusive; `endsOn` is `null` while it lasts. */
export interface AsyePauseFacts {
  /** Lets an edited pause be checked against the others without clashing with itself. */
  pauseId?: string;
  startsOn: IsoDate;
  endsOn: IsoDate | null;
  reason: AsyePauseReason;
}

/** A review point held and recorded by the assessor. */
export interface AsyeReviewFacts {
  code: string;
  heldOn: IsoDate;
  assessorComments: string;
}

/** A piece of the NQSW's portfolio evidence; only APPROVED pieces count for the ASYE. */
export interface AsyeEvidenceFacts {
  evidenceId: string;
  kind: EvidenceKind;
  date: IsoDate;
  status: EvidenceStatus;
}

/** Protected development time taken on a day, in minutes. */
export interface ProtectedTimeFacts {
  date: IsoDate;
  minutes: number;
}

export interface AsyeRecommendationFacts {
  outcome: AsyeOutcome;
  recommendedOn: IsoDate;
  assessorUserId: string;
}

export interface AsyeConfirmationFacts {
  confirmedOn: IsoDate;
  /** The PSW, or the chair of the panel, who confirmed the recommendation. */
  confirmedByUserId: string;
}

/**
 * A second assessor's view of the final recommendation (peers.md: judgement provenance instead
 * of overwrite): asked for by a PSW or administrator, given by the one person named, and kept
 * beside the recommendation rather than replacing it.
 */
export interface AsyeSecondOpinionFacts {
  secondAssessorUserId: string;
  requestedOn: IsoDate;
  requestedByUserId: string;
  /** `null` until the second assessor records it. */
  opinion: { outcome: AsyeOutcome; recordedOn: IsoDate } | null;
}

/**
 * Where the two judgements stand: no second opinion asked for; asked and awaited; given and the
 * same as the recommendation; given and different, awaiting reconciliation; reconciled by a
 * confirmation that chose between them.
 */
export const ASYE_AGREEMENT_STATES = [
  'NOT_ASKED',
  'AWAITING_SECOND_OPINION',
  'AGREED',
  'DISAGREED',
  'RECONCILED',
] as const;
export type AsyeAgreementState = (typeof ASYE_AGREEMENT_STATES)[number];

/** One NQSW's ASYE programme. */
export interface AsyeProgrammeFacts {
  practitionerUserId: string;
  assessorUserId: string;
  lineManagerUserId: string;
  startDate: IsoDate;
  contractedHoursPerWeek: number;
  pauses: readonly AsyePauseFacts[];
  reviews: readonly AsyeReviewFacts[];
  evidence: readonly AsyeEvidenceFacts[];
  protectedTime: readonly ProtectedTimeFacts[];
  recommendation: AsyeRecommendationFacts | null;
  /** A second opinion on the recommendation, once asked for. */
  secondOpinion: AsyeSecondOpinionFacts | null;
  confirmation: AsyeConfirmationFacts | null;
}

export interface AsyeReviewPointPlan {
  code: string;
  monthsAfterStart: number;
  /** Due date moved on by the pauses that began on or before it; `null` during an open pause that did. */
  dueOn: IsoDate | null;
}

export const ASYE_REVIEW_POINT_STATUSES = ['RECORDED', 'OVERDUE', 'DUE_SOON', 'UPCOMING', 'PAUSED'] as const;
export type AsyeReviewPointStatus = (typeof ASYE_REVIEW_POINT_STATUSES)[number];

export interface AsyeProgressSummary {
  /** The final review's due date: the end of the year, pauses included; `null` while paused open-endedly. */
  endsOn: IsoDate | null;
  pausedToday: boolean;
  /** Days paused from the start up to and including today. */
  pausedDays: number;
  reviewPoints: (AsyeReviewPointPlan & { heldOn: IsoDate | null; status: AsyeReviewPointStatus })[];
  evidence: { kind: EvidenceKind; required: number; approved: number; met: boolean }[];
  criticalReflections: {
    monthsAfterStart: number;
    /** The window in which a reflection counts; `null` while paused open-endedly. */
    windowFrom: IsoDate | null;
    windowTo: IsoDate | null;
    evidenceId: string | null;
    met: boolean;
  }[];
  /** Every required count and every critical reflection met. */
  evidenceComplete: boolean;
  protectedTime: {
    targetPercent: number;
    recordedMinutes: number;
    /** Target for the working time so far: active (unpaused) days up to today, or to the end of the year. */
    targetMinutesToDate: number;
    met: boolean;
  };
  recommendation: AsyeRecommendationFacts | null;
  confirmed: boolean;
  /** Every review point recorded, not paused, and no recommendation yet. A FAIL needs no more. */
  canMakeFinalRecommendation: boolean;
  /** …and the evidence is complete: a PASS needs both. */
  canRecommendPass: boolean;
  /** Why no recommendation can be made yet, in plain English. */
  recommendationBlockers: string[];
  /** What else a PASS needs (missing evidence), in plain English. */
  passBlockers: string[];
}

/** Who wants to start an ASYE, and when. */
export interface AsyeStartFacts {
  practitionerUserId: string;
  assessorUserId: string;
  startDate: IsoDate;
  /** Day the social work qualification was awarded; `null` when not recorded. */
  qualifiedOn: IsoDate | null;
  registration: RegistrationFacts | null;
  /** An ASYE without a confirmed outcome exists for this NQSW in the organisation. */
  hasOpenProgramme: boolean;
}
