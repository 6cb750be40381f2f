import { DEFAULT_CPD_REMINDER_THRESHOLDS, type CpdReminderInput } from './compliance.types.js';

/**
 * The CPD-deadline reminder to send now, as its threshold in days (e.g. 30), or `null`.
 * While requirements are unmet and the deadline has not passed, the reminder due is the smallest
 * threshold at or above `daysLeft`; it is sent once, so `null` when it is in `sentThresholds`.
 * A larger threshold that was missed (the scheduler did not run) is skipped, never sent late:
 * at 25 days left with nothing sent, the 30-day reminder goes, not the 60-day one.
 */
export function dueCpdReminders(
  input: CpdReminderInput,
  thresholds: readonly number[] = DEFAULT_CPD_REMINDER_THRESHOLDS,
): number | null {
  if (input.met || input.daysLeft < 0) return null;
  const reached = thresholds.filter((threshold) => threshold >= input.daysLeft);
  if (reached.length === 0) return null;
  const due = Math.min(...reached);
  return input.sentThresholds.includes(due) ? null : due;
}
