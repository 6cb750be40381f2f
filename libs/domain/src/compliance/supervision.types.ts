import type { IsoDate } from '../calendar/iso-date.js';

export const SUPERVISION_KINDS = ['REFLECTIVE', 'CASE_MANAGEMENT', 'GROUP'] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];

/** A span of calendar time: whole days, or calendar months (same day of the month, shortened at month end). */
export interface SupervisionSpan {
  unit: 'DAYS' | 'MONTHS';
  count: number;
}

/**
 * A stretch of an NQSW's first year with its supervision frequency: it runs from the end of the
 * previous phase (or the NQSW's start) until `until` after the start (exclusive), for ever when `null`.
 */
export interface SupervisionPhase {
  until: SupervisionSpan | null;
  every: SupervisionSpan;
}

/**
 * An organisation's supervision policy (reference §8.2, owned by the PSW; §5.1, §10 rule 7).
 * Every organisation can keep its own; `DEFAULT_SUPERVISION_POLICY` is the LGA employer standard.
 */
export interface SupervisionPolicy {
  /** Phases from the NQSW's start, in order; the last should be open-ended. */
  nqswPhases: readonly SupervisionPhase[];
  /** Frequency for everyone who is not an NQSW. */
  otherEvery: SupervisionSpan;
  /** A session shorter than this does not count towards the frequency. */
  minMinutes: number;
  /** Kinds of session that count towards the frequency. */
  countsKinds: readonly SupervisionKind[];
  /** A session is "due soon" this many days before its due date. */
  dueSoonDays: number;
}

/**
 * Weekly for an NQSW's first 6 weeks (days 1 to 42, the start day being day 1), fortnightly until 6
 * months after the start, monthly after that and for everyone else; each session at least 90 minutes
 * of uninterrupted time (reference §8.2, LGA Standard 5; the DfE's 2024 variant of fortnightly
 * sessions for NQSWs can be set as an organisation's own policy).
 */
export const DEFAULT_SUPERVISION_POLICY: SupervisionPolicy = {
  nqswPhases: [
    { until: { unit: 'DAYS', count: 42 }, every: { unit: 'DAYS', count: 7 } },
    { until: { unit: 'MONTHS', count: 6 }, every: { unit: 'DAYS', count: 14 } },
    { until: null, every: { unit: 'MONTHS', count: 1 } },
  ],
  otherEvery: { unit: 'MONTHS', count: 1 },
  minMinutes: 90,
  countsKinds: ['REFLECTIVE', 'CASE_MANAGEMENT', 'GROUP'],
  dueSoonDays: 3,
};

/** Longest supervision session accepted: a working day of 8 hours. Anything longer is a typing error. */
export const MAX_SUPERVISION_MINUTES = 480;

/** A supervision session as the rules see it. */
export interface SupervisionSessionFacts {
  date: IsoDate;
  minutes: number;
  kind: SupervisionKind;
}

/** A supervision session someone wants to record. */
export interface SupervisionRecordInput extends SupervisionSessionFacts {
  supervisorUserId: string;
  superviseeUserId: string;
}

export interface SupervisionFacts {
  /** First day as an NQSW (start of the ASYE or first post); `null` for everyone else. */
  nqswStartedOn: IsoDate | null;
  /**
   * The day the NQSW stage ended (a promotion), when it has; from then the frequency for everyone
   * else applies, counted from the same last session (the clock does not restart).
   */
  nqswEndedOn?: IsoDate | null;
  /** For someone who is not an NQSW: when the policy started to apply (e.g. start in post). */
  inPostSince?: IsoDate | null;
  sessions: readonly SupervisionSessionFacts[];
}

export interface SupervisionSummary {
  /** Last session on or before today that counts (long enough, of a counted kind). */
  lastQualifyingOn: IsoDate | null;
  /** When the next session is due; `null` when there is nothing to count from. */
  nextDueOn: IsoDate | null;
  /** The frequency in force today. */
  everyNow: SupervisionSpan;
  overdue: boolean;
  /** Days since `nextDueOn` when overdue, else 0. */
  daysOverdue: number;
  /** Due today or within `dueSoonDays`, not overdue. */
  dueSoon: boolean;
  qualifyingSessions: number;
  /** Sessions on or before today shorter than the policy's minimum. */
  sessionsUnderMinimum: number;
}
