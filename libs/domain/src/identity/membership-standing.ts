import { addDays } from '../calendar/add-days.js';
import type { IsoDate } from '../calendar/iso-date.js';

/** Days a leaver keeps access to their own records when the organisation has not set its own. */
export const DEFAULT_LEAVER_RETENTION_DAYS = 90;

export interface MembershipDates {
  /** False once the membership was closed (left, or erased). */
  active: boolean;
  /** The first day without access through the organisation; null while no end is set. */
  endsOn: IsoDate | null;
  /** The organisation's retention period for leavers' records, in days. */
  leaverRetentionDays: number;
}

export type MembershipStanding =
  /** A member: the organisation's access as their roles allow (an end may be set in the future). */
  | { kind: 'CURRENT'; endsOn: IsoDate | null; accessUntil: IsoDate | null }
  /** Has left, within the retention period: their own records only, until `accessUntil` (exclusive). */
  | { kind: 'LEAVER'; endsOn: IsoDate; accessUntil: IsoDate }
  /** Has left and the retention period is over (or the membership was closed without a date). */
  | { kind: 'ENDED'; endsOn: IsoDate | null; accessUntil: IsoDate | null };

/**
 * Where a membership stands on `today`. Access through the organisation ends at the start of
 * `endsOn`; from then until `endsOn + leaverRetentionDays` the person may still sign in for their
 * own records (portfolio, CPD log, credentials, subject access archive), then not at all, and
 * from that day the organisation may erase them.
 */
export function membershipStanding(m: MembershipDates, today: IsoDate): MembershipStanding {
  if (m.endsOn === null) {
    return m.active
      ? { kind: 'CURRENT', endsOn: null, accessUntil: null }
      : { kind: 'ENDED', endsOn: null, accessUntil: null };
  }
  const accessUntil = addDays(m.endsOn, m.leaverRetentionDays);
  if (m.active && today < m.endsOn) return { kind: 'CURRENT', endsOn: m.endsOn, accessUntil };
  return today < accessUntil
    ? { kind: 'LEAVER', endsOn: m.endsOn, accessUntil }
    : { kind: 'ENDED', endsOn: m.endsOn, accessUntil };
}
