import type { ContributionLinkFacts, ContributionLinkState } from './contributions.types.js';

/**
 * Where a one-time link stands at `now`: used once it has been used (whatever came later), then
 * revoked, then expired from its expiry instant on; pending otherwise.
 */
export function contributionLinkState(facts: ContributionLinkFacts, now: Date): ContributionLinkState {
  if (facts.usedAt) return 'USED';
  if (facts.revokedAt) return 'REVOKED';
  if (now.getTime() >= facts.expiresAt.getTime()) return 'EXPIRED';
  return 'PENDING';
}
