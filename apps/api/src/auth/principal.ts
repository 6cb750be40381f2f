import type { Role } from '#app/domain';

/** Who is calling, in which organisation, with which roles: loaded fresh on every request. */
export interface Principal {
  userId: string;
  organisationId: string;
  roles: Role[];
  teamId: string | null;
  /** The refresh-token family behind the access token; null for identity-provider tokens. */
  sessionFamilyId: string | null;
  /**
   * The first day without access through this organisation, when an end is set (endMembership);
   * null or absent while the membership is open-ended. A day on or after it means the person has left.
   */
  membershipEndsOn?: string | null;
  /**
   * Set with `membershipEndsOn`: the day (exclusive) a leaver's own-records access ends, which is
   * `membershipEndsOn` plus the organisation's retention period. Between the two days the guard
   * gives the person no roles and only the operations marked @LeaverAccess().
   */
  leaverAccessUntil?: string | null;
}

/** The role a caller acted in, for the audit trail: the first of theirs that allowed the action. */
export const actingRole = (principal: Principal, allowed: readonly Role[]) =>
  allowed.find((r) => principal.roles.includes(r)) ?? principal.roles[0] ?? 'UNKNOWN';

export const hasAnyRole = (principal: Principal, roles: readonly Role[]) =>
  roles.some((r) => principal.roles.includes(r));

/**
 * A person who has left the organisation and is within its retention period. The guard gives
 * leavers no roles, and every membership holds at least one, so the two facts coincide.
 */
export const isLeaver = (principal: Principal) =>
  principal.leaverAccessUntil != null && principal.roles.length === 0;
