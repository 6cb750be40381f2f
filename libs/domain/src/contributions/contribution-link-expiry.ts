import { CONTRIBUTION_LINK_TTL_DAYS } from './contributions.types.js';

const DAY_MS = 86_400_000;

/** The instant a link issued at `issuedAt` stops working: `days` (14 unless said) of 24 hours later. */
export function contributionLinkExpiry(issuedAt: Date, days: number = CONTRIBUTION_LINK_TTL_DAYS): Date {
  return new Date(issuedAt.getTime() + days * DAY_MS);
}
