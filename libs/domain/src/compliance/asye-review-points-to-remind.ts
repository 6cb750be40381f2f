import type { IsoDate } from '../calendar/iso-date.js';
import type { AsyeProgressSummary } from './asye.types.js';

/**
 * The review points of an ASYE that the assessor and the NQSW should be reminded of (reference §5.1,
 * §10 rule 7): not yet recorded, with a known due date, and due soon or overdue. Nothing once a
 * recommendation is made, since every point is then recorded, or while the ASYE is paused. Each
 * comes with its due date, which callers use to remind once per point and date (a pause that moves
 * the date earns a new reminder).
 */
export function asyeReviewPointsToRemind(
  summary: Pick<AsyeProgressSummary, 'reviewPoints' | 'pausedToday'>,
): { code: string; dueOn: IsoDate; overdue: boolean }[] {
  if (summary.pausedToday) return [];
  return summary.reviewPoints.flatMap((point) =>
    point.dueOn !== null && (point.status === 'DUE_SOON' || point.status === 'OVERDUE')
      ? [{ code: point.code, dueOn: point.dueOn, overdue: point.status === 'OVERDUE' }]
      : [],
  );
}
