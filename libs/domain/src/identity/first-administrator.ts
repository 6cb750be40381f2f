/** Longest organisation name and slug the organisation table holds. */
export const ORGANISATION_NAME_MAX = 200;
const SLUG_MAX = 100;

/**
 * The organisation's slug, its unique key: lower-case letters and digits between single hyphens,
 * accents dropped. "St. Helens" and "St Helens" share one, so a second run of the set-up with the
 * name spelt slightly differently finds the organisation instead of making another. Null for a
 * name with no letter or digit.
 */
export function organisationSlug(name: string): string | null {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
  return slug || null;
}

/** What is already there when an organisation's first administrator is to be invited. */
export interface FirstAdministratorState {
  /** The organisation with the name's slug, if any. */
  organisation: { isDemo: boolean } | null;
  /** A pending invitation to this email with the ORG_ADMIN role, in that organisation. */
  pendingAdminInvitation: boolean;
  /** This email is an active member of that organisation. */
  activeMember: boolean;
}

export type FirstAdministratorStep =
  | { kind: 'CREATE' }
  /** The same set-up run again before the link was used: a fresh link, the old one stops working. */
  | { kind: 'REISSUE' }
  | { kind: 'REFUSE'; reason: 'DEMO_ORGANISATION' | 'ALREADY_MEMBER' | 'ORGANISATION_EXISTS' };

/**
 * Running the first-organisation set-up again never makes a second organisation. While the first
 * administrator's invitation is pending, a run with the same email re-issues it (the email went
 * astray, or the link expired). Anything else is for the organisation's own administrators to do
 * in Pathways, so the set-up changes nothing and says why.
 */
export function decideFirstAdministrator(state: FirstAdministratorState): FirstAdministratorStep {
  if (!state.organisation) return { kind: 'CREATE' };
  if (state.organisation.isDemo) return { kind: 'REFUSE', reason: 'DEMO_ORGANISATION' };
  if (state.activeMember) return { kind: 'REFUSE', reason: 'ALREADY_MEMBER' };
  if (state.pendingAdminInvitation) return { kind: 'REISSUE' };
  return { kind: 'REFUSE', reason: 'ORGANISATION_EXISTS' };
}
