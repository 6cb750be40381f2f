import type { SupervisionSpanUnit } from '../data/generated/graphql.js';
import { formatDate } from '../middleware/nunjucksSetup.js';
import { pluralise } from './plainEnglish.js';

/** 90 → "1 hour 30 minutes", 60 → "1 hour", 0 → "0 minutes". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return pluralise(rest, 'minute');
  return rest === 0 ? pluralise(hours, 'hour') : `${pluralise(hours, 'hour')} ${pluralise(rest, 'minute')}`;
}

/** { 14, DAYS } → "Every 2 weeks", { 1, MONTHS } → "Every month". */
export function frequencyText(every: { count: number; unit: SupervisionSpanUnit }): string {
  if (every.unit === 'MONTHS') return every.count === 1 ? 'Every month' : `Every ${every.count} months`;
  if (every.count % 7 === 0) return every.count === 7 ? 'Every week' : `Every ${every.count / 7} weeks`;
  return every.count === 1 ? 'Every day' : `Every ${every.count} days`;
}

/** Whether supervision is up to date, in one sentence. */
export function supervisionHeadline(status: {
  overdue: boolean;
  dueSoon: boolean;
  daysOverdue: number;
  nextDueOn?: string | null;
}): string {
  if (status.overdue)
    return `Your supervision is overdue by ${pluralise(status.daysOverdue, 'day')}: it was due on ${formatDate(status.nextDueOn)}.`;
  if (!status.nextDueOn) return 'No supervision is due yet.';
  return status.dueSoon
    ? `Your next supervision is due soon, by ${formatDate(status.nextDueOn)}.`
    : `Your next supervision is due by ${formatDate(status.nextDueOn)}.`;
}
