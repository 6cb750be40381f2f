import { addDays } from '../calendar/add-days.js';
import { DomainError } from '../errors.js';
import type { IsoDate } from '../calendar/iso-date.js';
import { membershipStanding, type MembershipDates } from './membership-standing.js';

/**
 * Bounds of an organisation's leaver retention period. At least 30 days, so a leaver always has
 * a month to download their own records (portfolio, CPD log, credentials, subject access archive);
 * at most ten years, the longest records retention schedules for staff files usually ask for.
 */
export const LEAVER_RETENTION_MIN_DAYS = 30;
export const LEAVER_RETENTION_MAX_DAYS = 3650;

/** How far ahead an end date may be set: long notice periods and fixed-term contracts fit in a year. */
export const MEMBERSHIP_END_MAX_DAYS_AHEAD = 366;

export function assertLeaverRetentionDays(days: number, field: string): void {
  if (!Number.isInteger(days) || days < LEAVER_RETENTION_MIN_DAYS || days > LEAVER_RETENTION_MAX_DAYS) {
    throw new DomainError(
      'RETENTION_OUT_OF_RANGE',
      `The retention period must be a whole number of days from ${LEAVER_RETENTION_MIN_DAYS} to ${LEAVER_RETENTION_MAX_DAYS}.`,
      field,
      { min: LEAVER_RETENTION_MIN_DAYS, max: LEAVER_RETENTION_MAX_DAYS },
    );
  }
}

export interface MembershipEndRequest {
  /** The first day without access through the organisation. */
  endsOn: IsoDate;
  today: IsoDate;
  /** The membership as it stands before the change. */
  membership: MembershipDates;
  /** The administrator asking is the person whose membership it is. */
  isOwnMembership: boolean;
  /** Whether the person holds ORG_ADMIN here. */
  isAdministrator: boolean;
  /**
   * The end dates of the organisation's other current administrators (null: open-ended); only
   * looked at when the person is an administrator.
   */
  otherAdministratorsEndOn: readonly (IsoDate | null)[];
}

/**
 * Whether an administrator may end (or move the end of) a membership on `endsOn`. Refusals:
 * - END_DATE_OUT_OF_RANGE: before today, or more than a year ahead. Access through the organisation
 *   cannot be taken back for days already gone, and a past date would only shorten the time the
 *   leaver has to download their records (the retention period counts from `endsOn`);
 * - MEMBERSHIP_ALREADY_ENDED: the person has left already (the date has come or the membership is closed);
 * - SELF_END_NOT_ALLOWED: nobody ends their own membership, so an administrator cannot lock
 *   themselves (and perhaps everyone) out by mistake: another administrator does it;
 * - LAST_ORG_ADMIN: the organisation would be left, on or after `endsOn`, with no administrator.
 */
export function assertCanEndMembership(r: MembershipEndRequest): void {
  if (r.isOwnMembership) {
    throw new DomainError(
      'SELF_END_NOT_ALLOWED',
      'You cannot end your own membership: ask another administrator.',
      'input.userId',
    );
  }
  if (membershipStanding(r.membership, r.today).kind !== 'CURRENT') {
    throw new DomainError('MEMBERSHIP_ALREADY_ENDED', 'This person has already left.', 'input.userId');
  }
  const latest = addDays(r.today, MEMBERSHIP_END_MAX_DAYS_AHEAD);
  if (r.endsOn < r.today || r.endsOn > latest) {
    throw new DomainError(
      'END_DATE_OUT_OF_RANGE',
      `The end date must be from today (${r.today}) to ${latest}.`,
      'input.endsOn',
      { earliest: r.today, latest },
    );
  }
  if (r.isAdministrator && !r.otherAdministratorsEndOn.some((e) => e === null || e > r.endsOn)) {
    throw new DomainError(
      'LAST_ORG_ADMIN',
      'The organisation must keep at least one administrator after this date.',
      'input.userId',
    );
  }
}

export interface ErasureCheck {
  membership: MembershipDates;
  legalHoldReason: string | null;
  today: IsoDate;
}

/**
 * Whether a person's records may be erased now: only once they have left and the retention
 * period has ended, and never while a legal hold is in place. Refusals, first that applies:
 * ERASURE_NOT_ALLOWED (still a member), LEGAL_HOLD, RETENTION_NOT_ENDED (with the first day
 * erasure is allowed).
 */
export function assertErasureAllowed(c: ErasureCheck): void {
  const standing = membershipStanding(c.membership, c.today);
  if (standing.kind === 'CURRENT') {
    throw new DomainError(
      'ERASURE_NOT_ALLOWED',
      'Only a person who has left can be erased: end their membership first.',
      'input.userId',
    );
  }
  if (c.legalHoldReason !== null) {
    throw new DomainError(
      'LEGAL_HOLD',
      'A legal hold is in place on this person’s records: release it before erasing them.',
      'input.userId',
    );
  }
  if (standing.kind === 'LEAVER') {
    throw new DomainError(
      'RETENTION_NOT_ENDED',
      `This person’s records are kept until the retention period ends: they can be erased from ${standing.accessUntil}.`,
      'input.userId',
      { erasableFrom: standing.accessUntil },
    );
  }
}
