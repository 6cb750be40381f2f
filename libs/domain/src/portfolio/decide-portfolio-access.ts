import type { PortfolioAccess, PortfolioAccessInput } from './portfolio.types.js';

/**
 * How the viewer may see a practitioner's portfolio, or `null` for not at all (issue rule "Access"):
 * - OWNER: the practitioner themself, who reads everything and is the only one who edits;
 * - ORGANISATION_READER: a Principal Social Worker, who reads the organisation's portfolios;
 * - REVIEWER: someone assigned to review the practitioner, who reads only what was submitted to them.
 * Administrators run accounts, not practice, so the role alone grants no portfolio access.
 * The caller has already scoped both people to one organisation.
 */
export function decidePortfolioAccess(input: PortfolioAccessInput): PortfolioAccess | null {
  if (input.viewerUserId === input.ownerUserId) return 'OWNER';
  if (input.viewerRoles.includes('PRINCIPAL_SOCIAL_WORKER')) return 'ORGANISATION_READER';
  if (input.viewerIsAssignedReviewer) return 'REVIEWER';
  return null;
}
