import type { IsoDate } from '../calendar/iso-date.js';
import { asyeDueDate } from './asye-due-date.js';
import {
  DEFAULT_ASYE_POLICY,
  type AsyePauseFacts,
  type AsyePolicy,
  type AsyeReviewPointPlan,
} from './asye.types.js';

/**
 * When each review point of an ASYE is due (reference §5.1: 3 months, 6 months, final), in the
 * policy's order. A point is due the same day of the month `monthsAfterStart` months after the start
 * (the month's last day when shorter), moved on by the days paused before it (see `asyeDueDate`).
 */
export function planAsyeReviewPoints(
  startDate: IsoDate,
  pauses: readonly AsyePauseFacts[],
  policy: AsyePolicy = DEFAULT_ASYE_POLICY,
): AsyeReviewPointPlan[] {
  return policy.reviewPoints.map(({ code, monthsAfterStart }) => ({
    code,
    monthsAfterStart,
    dueOn: asyeDueDate(startDate, monthsAfterStart, pauses),
  }));
}
