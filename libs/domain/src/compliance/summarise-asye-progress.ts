import { isDateInRange } from '../calendar/is-date-in-range.js';
import type { IsoDate } from '../calendar/iso-date.js';
import { addDays } from '../calendar/add-days.js';
import { asyeDueDate } from './asye-due-date.js';
import {
  DEFAULT_ASYE_POLICY,
  type AsyePauseFacts,
  type AsyePolicy,
  type AsyeProgrammeFacts,
  type AsyeProgressSummary,
  type AsyeReviewPointStatus,
} from './asye.types.js';
import { daysBetween } from '../calendar/days-between.js';
import { planAsyeReviewPoints } from './plan-asye-review-points.js';

/**
 * Where an NQSW's ASYE stands on `today` (a UK day), under the organisation's policy
 * (reference §5.1, §10 rule 7).
 *
 * - Review points: RECORDED once held; otherwise PAUSED while an open pause hides the due date,
 *   OVERDUE after the due date, DUE_SOON within `reviewDueSoonDays` of it, else UPCOMING.
 * - Evidence: APPROVED evidence of each required kind dated on or after the start counts.
 * - Critical reflections "at 6 and 12 months": an APPROVED piece of the reflection kind dated from
 *   `windowDaysBefore` days before to `windowDaysAfter` days after the point (6 or 12 months after
 *   the start, moved on by pauses like review points), each piece counting for one point only,
 *   earliest first. The default window, 6 weeks before to 4 weeks after, lets the reflection be
 *   written for the review it feeds.
 * - Protected time: minutes recorded from the start to today, against `protectedTimePercent` of the
 *   contracted hours over the unpaused days from the start to today (at most to the day before the
 *   final review's due date: 365 unpaused days in a 12-month year).
 * - Recommendation: once every review point is recorded and the ASYE is not paused the assessor may
 *   recommend; a FAIL needs nothing more, a PASS needs the evidence to be complete too.
 */
export function summariseAsyeProgress(
  programme: AsyeProgrammeFacts,
  today: IsoDate,
  policy: AsyePolicy = DEFAULT_ASYE_POLICY,
): AsyeProgressSummary {
  const { startDate, pauses } = programme;

  const reviewPoints = planAsyeReviewPoints(startDate, pauses, policy).map((plan) => {
    const heldOn = programme.reviews.find((r) => r.code === plan.code)?.heldOn ?? null;
    return { ...plan, heldOn, status: reviewStatus(plan.dueOn, heldOn, today, policy.reviewDueSoonDays) };
  });
  const endsOn = reviewPoints.length === 0 ? null : reviewPoints[reviewPoints.length - 1]!.dueOn;
  const pausedToday = pauses.some((p) => isDateInRange(today, p.startsOn, p.endsOn));

  const approved = programme.evidence.filter((e) => e.status === 'APPROVED' && e.date >= startDate);
  const evidence = policy.requiredEvidence.map(({ kind, count }) => {
    const n = approved.filter((e) => e.kind === kind).length;
    return { kind, required: count, approved: n, met: n >= count };
  });

  const { kind: reflectionKind, atMonths, windowDaysBefore, windowDaysAfter } = policy.criticalReflections;
  const reflections = approved
    .filter((e) => e.kind === reflectionKind)
    .sort((a, b) => compare(a.date, b.date) || compare(a.evidenceId, b.evidenceId));
  const used = new Set<string>();
  const criticalReflections = atMonths.map((monthsAfterStart) => {
    const point = asyeDueDate(startDate, monthsAfterStart, pauses);
    const windowFrom = point === null ? null : addDays(point, -windowDaysBefore);
    const windowTo = point === null ? null : addDays(point, windowDaysAfter);
    const match =
      windowFrom === null
        ? undefined
        : reflections.find((e) => !used.has(e.evidenceId) && isDateInRange(e.date, windowFrom, windowTo));
    if (match !== undefined) used.add(match.evidenceId);
    return {
      monthsAfterStart,
      windowFrom,
      windowTo,
      evidenceId: match?.evidenceId ?? null,
      met: match !== undefined,
    };
  });
  const evidenceComplete = evidence.every((e) => e.met) && criticalReflections.every((r) => r.met);

  // The year is the days from the start up to the day before the final review's due date.
  const lastDay = endsOn === null ? null : addDays(endsOn, -1);
  const until = lastDay !== null && lastDay < today ? lastDay : today;
  const activeDays = Math.max(0, daysBetween(startDate, until) + 1 - daysPaused(pauses, startDate, until));
  const targetMinutesToDate = Math.round(
    (activeDays / 7) * programme.contractedHoursPerWeek * 60 * (policy.protectedTimePercent / 100),
  );
  const recordedMinutes = programme.protectedTime
    .filter((t) => isDateInRange(t.date, startDate, today))
    .reduce((sum, t) => sum + t.minutes, 0);

  const recommendationBlockers: string[] = [];
  if (programme.recommendation !== null)
    recommendationBlockers.push('A final recommendation has already been made.');
  if (pausedToday) recommendationBlockers.push('The ASYE is paused.');
  for (const point of reviewPoints) {
    if (point.heldOn === null) {
      recommendationBlockers.push(
        `The ${point.monthsAfterStart}-month review point (${point.code}) has not been recorded.`,
      );
    }
  }
  const passBlockers = [
    ...evidence
      .filter((e) => !e.met)
      .map((e) => `${e.approved} of ${e.required} pieces of ${e.kind} evidence are approved.`),
    ...criticalReflections
      .filter((r) => !r.met)
      .map((r) =>
        r.windowFrom === null
          ? `The window for the ${r.monthsAfterStart}-month critical reflection is not known while the ASYE is paused.`
          : `No approved critical reflection is dated between ${r.windowFrom} and ${r.windowTo} (${r.monthsAfterStart} months).`,
      ),
  ];
  const canMakeFinalRecommendation = recommendationBlockers.length === 0;

  return {
    endsOn,
    pausedToday,
    pausedDays: daysPaused(pauses, startDate, today),
    reviewPoints,
    evidence,
    criticalReflections,
    evidenceComplete,
    protectedTime: {
      targetPercent: policy.protectedTimePercent,
      recordedMinutes,
      targetMinutesToDate,
      met: recordedMinutes >= targetMinutesToDate,
    },
    recommendation: programme.recommendation,
    confirmed: programme.confirmation !== null,
    canMakeFinalRecommendation,
    canRecommendPass: canMakeFinalRecommendation && evidenceComplete,
    recommendationBlockers,
    passBlockers,
  };
}

function reviewStatus(
  dueOn: IsoDate | null,
  heldOn: IsoDate | null,
  today: IsoDate,
  dueSoonDays: number,
): AsyeReviewPointStatus {
  if (heldOn !== null) return 'RECORDED';
  if (dueOn === null) return 'PAUSED';
  if (today > dueOn) return 'OVERDUE';
  return daysBetween(today, dueOn) <= dueSoonDays ? 'DUE_SOON' : 'UPCOMING';
}

/** Days paused from `from` to `until`, both inclusive (an open pause runs to `until`). */
function daysPaused(pauses: readonly AsyePauseFacts[], from: IsoDate, until: IsoDate): number {
  return pauses.reduce((sum, p) => {
    const start = p.startsOn < from ? from : p.startsOn;
    const end = p.endsOn === null || p.endsOn > until ? until : p.endsOn;
    return sum + Math.max(0, daysBetween(start, end) + 1);
  }, 0);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
