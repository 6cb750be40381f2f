import type { Role } from '#app/domain';

/** Who is calling, in which organisation, with which roles: loaded fresh on every request. */
export interface Principal {
  userId: string;
  organisationId: string;
  roles: Role[];
  teamId: string | null;
  /** The refresh-token family behind the access token; null for identity-provider tokens. */
  sessionFamilyId: string | null;
}

/** The role a caller acted in, for the audit trail: the first of theirs that allowed the action. */
export const actingRole = (principal: Principal, allowed: readonly Role[]) =>
  allowed.find((r) => principal.roles.includes(r)) ?? principal.roles[0] ?? 'UNKNOWN';

export const hasAnyRole = (principal: Principal, roles: readonly Role[]) =>
  roles.some((r) => principal.roles.includes(r));
