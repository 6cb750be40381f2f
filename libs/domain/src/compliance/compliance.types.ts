import type { Regulator } from '../identity/roles.js';
import type { IsoDate } from '../calendar/iso-date.js';
import type { EvidenceKind, EvidenceStatus } from '../portfolio/portfolio.types.js';

/** A day of the year as `MM-DD`, e.g. `12-01` for 1 December. Never `02-29`. */
export type MonthDay = string;

/**
 * How a rule set cuts time into CPD periods.
 * - `REGISTRATION_YEAR`: the same year for everyone, starting each year on `startsOn`
 *   (SWE: 1 December to 30 November). People whose registration starts on or after
 *   `joinersExemptFrom` in a year (SWE: 1 September) owe no CPD for that year; `null` when
 *   every joiner owes it.
 * - `FROM_REGISTRATION`: back-to-back periods of `years` years, the first starting on the
 *   practitioner's `registeredFrom` day (SCW, NISCC: 3 years; SSSC's annual declaration: 1 year).
 *   Period k runs from `registeredFrom` + k × `years` to the day before the next one starts.
 */
export type CpdPeriodRule =
  | { kind: 'REGISTRATION_YEAR'; startsOn: MonthDay; joinersExemptFrom: MonthDay | null }
  | { kind: 'FROM_REGISTRATION'; years: number };

/** When the regulator's renewal opens: a fixed day of the period's last year, or days before its last day. */
export type RenewalWindowRule = { opensOn: MonthDay } | { opensDaysBeforeEnd: number };

/**
 * One thing a regulator requires in each period. Its `kind` is also the requirement's code in results.
 * - `DISTINCT_PIECES`: at least `min` pieces of CPD dated in the period that are not duplicates of
 *   each other (see `cpdDuplicateKey`) and have every field SWE's form requires filled in.
 * - `PIECES_WITH_PEER_REFLECTION`: at least `min` of those distinct pieces include a peer reflection.
 * - `HOURS`: at least `min` hours of CPD dated in the period.
 * - `DECLARATION`: a declaration or confirmation made in the period, from the renewal window's
 *   opening when there is one.
 */
export type CpdRequirementRule =
  | { kind: 'DISTINCT_PIECES'; min: number }
  | { kind: 'PIECES_WITH_PEER_REFLECTION'; min: number }
  | { kind: 'HOURS'; min: number }
  | { kind: 'DECLARATION' };

export type CpdRequirementCode = CpdRequirementRule['kind'];

/**
 * A regulator's CPD rules for a span of dates. A change of rules is a new rule set with its own
 * dates, never an edit of an old one, so past periods stay judged by the rules of their time.
 * Rule sets of one regulator never overlap (`assertRuleSetsDoNotOverlap`).
 */
export interface CpdRuleSet {
  id: string;
  regulator: Regulator;
  /** First day the rule set is in force. */
  effectiveFrom: IsoDate;
  /** Last day it is in force; `null` while open-ended. */
  effectiveTo: IsoDate | null;
  /** What the regulator asks, in plain English. */
  description: string;
  /** Keys of the sources in the domain reference (e.g. `S42`). */
  sources: readonly string[];
  period: CpdPeriodRule;
  renewalWindow: RenewalWindowRule | null;
  /** The deadline is this many days before the period's last day (0: the last day itself), at 23:59 UK time. */
  deadlineDaysBeforeEnd: number;
  requirements: readonly CpdRequirementRule[];
}

/**
 * A piece of CPD as the rules see it (one current version of one piece of portfolio evidence).
 * `date` is the day it happened (the first day, when it spans several); `endDate` is informational.
 * `hours` is `null` when not recorded (SWE asks for none).
 * `status` is the employer sign-off status; no rule reads it (see `evaluateCpdCompliance`).
 */
export interface CpdPieceFacts {
  evidenceId: string;
  kind: EvidenceKind;
  date: IsoDate;
  endDate?: IsoDate | null;
  hours: number | null;
  title: string;
  description: string;
  learning: string;
  impact: string;
  hasPeerReflection: boolean;
  status: EvidenceStatus;
}

/** What duplicate detection compares (reference §3.2 "Duplicates"). */
export type CpdDuplicateFacts = Pick<
  CpdPieceFacts,
  'evidenceId' | 'title' | 'date' | 'description' | 'learning' | 'impact'
>;

/** A CPD declaration or confirmation the practitioner made to their regulator (SSSC, SCW from April 2025). */
export interface CpdDeclarationFacts {
  madeOn: IsoDate;
}

/** What `evaluateCpdCompliance` needs to know about one practitioner. */
export interface CpdComplianceFacts {
  regulator: Regulator;
  /**
   * First day of the current, unbroken registration: the day they joined, or were restored to, the
   * register. Anchors `FROM_REGISTRATION` periods and decides SWE's joiner exemption. `null` when
   * not recorded: then SWE treats them as registered all year, and other regulators cannot be judged.
   */
  registeredFrom: IsoDate | null;
  pieces: readonly CpdPieceFacts[];
  declarations?: readonly CpdDeclarationFacts[];
}

export interface CpdComplianceOptions {
  /** Judge the period containing this UK day instead of the one containing `asOf`. */
  periodContaining?: IsoDate;
  /** Unmet requirements put someone at risk this many days before the deadline (default 90). */
  atRiskWithinDays?: number;
}

/** One CPD period with its deadline. */
export interface CpdPeriod {
  /** First day (UK). */
  start: IsoDate;
  /** Last day (UK). */
  end: IsoDate;
  /** The UK day of the deadline. */
  deadlineOn: IsoDate;
  /** 23:59:59.999 UK time on `deadlineOn`. */
  deadline: Date;
}

export const CPD_PROGRESS_UNITS = ['PIECES', 'HOURS', 'DECLARATIONS'] as const;
export type CpdProgressUnit = (typeof CPD_PROGRESS_UNITS)[number];

export interface CpdRequirementResult {
  code: CpdRequirementCode;
  met: boolean;
  progress: { current: number; required: number; unit: CpdProgressUnit };
  /** What is still needed, in plain English; `null` when met. */
  missing: string | null;
}

export interface CpdComplianceResult {
  regulator: Regulator;
  ruleSetId: string;
  period: CpdPeriod;
  /** First day of the renewal window; `null` when the regulator has none. */
  renewalWindowOpensOn: IsoDate | null;
  /** Joined too late in the registration year to owe CPD for it (SWE: on or after 1 September). */
  exempt: boolean;
  /** Every requirement met, or exempt. */
  met: boolean;
  /** Empty when exempt. */
  requirements: CpdRequirementResult[];
  /** Whole UK days from `asOf` to the deadline: 0 on the deadline day, negative after. */
  daysLeft: number;
  deadlinePassed: boolean;
  /** Not met, deadline not passed, and no more than `atRiskWithinDays` days left. */
  atRisk: boolean;
}

/** One practitioner in an organisation's CPD view. */
export interface PractitionerCpdFacts {
  practitionerId: string;
  facts: CpdComplianceFacts;
}

export interface CpdAtRiskReport {
  /** Practitioners at risk, fewest days left first (then by id). */
  atRisk: { practitionerId: string; result: CpdComplianceResult }[];
  /** Practitioners who could not be judged, with the error code (NO_RULE_SET, REGISTRATION_DATE_REQUIRED). */
  notEvaluated: { practitionerId: string; code: string }[];
}

/** Days before a CPD deadline on which a reminder goes out while requirements are unmet. */
export const DEFAULT_CPD_REMINDER_THRESHOLDS: readonly number[] = [60, 30, 7];

export interface CpdReminderInput {
  daysLeft: number;
  met: boolean;
  /** Thresholds already sent for this period. */
  sentThresholds: readonly number[];
}
