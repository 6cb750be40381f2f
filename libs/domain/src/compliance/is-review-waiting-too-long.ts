const DAY_MS = 86_400_000;

/**
 * Whether a submission made at `submittedAt` has waited longer than the organisation's turnaround
 * target at the instant `asOf`: strictly more than `targetDays` whole days of 24 hours, so a piece
 * submitted at 09:00 with a 14-day target is waiting too long from 09:00:00.001 fourteen days later.
 */
export function isReviewWaitingTooLong(submittedAt: Date, asOf: Date, targetDays: number): boolean {
  return asOf.getTime() - submittedAt.getTime() > targetDays * DAY_MS;
}
