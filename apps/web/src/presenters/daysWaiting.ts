const DAY_MS = 86_400_000;

/**
 * Whole days a submission has waited for a decision, as the review queue's "waiting at least N days"
 * filter counts them (24-hour periods since submission), never below 0.
 */
export function daysWaiting(submittedAt: string | null, now: Date): number {
  if (!submittedAt) return 0;
  const waited = now.getTime() - Date.parse(submittedAt);
  return Number.isNaN(waited) ? 0 : Math.max(0, Math.floor(waited / DAY_MS));
}

/** "Less than a day", "1 day", "12 days". */
export function describeDaysWaiting(days: number): string {
  if (days < 1) return 'Less than a day';
  return days === 1 ? '1 day' : `${days} days`;
}
