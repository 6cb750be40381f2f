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

export const hasAnyRole = (principal: Principal, roles: readonly Role[]) =>
  roles.some((r) => principal.roles.includes(r));
