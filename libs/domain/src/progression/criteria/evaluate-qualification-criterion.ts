import { isDateInRange } from '../../calendar/is-date-in-range.js';
import type { QualificationType } from '../../portfolio/portfolio.types.js';
import type { CriterionContext, CriterionOutcome, QualificationCriterion } from '../progression.types.js';
import { formatDay } from '../../calendar/format-day.js';
import { pluralise } from '../../calendar/pluralise.js';

const NAME: Record<QualificationType, string> = {
  PEPS_STAGE_1: 'PEPS Stage 1 (or Stage 2) practice educator qualification',
  PEPS_STAGE_2: 'PEPS Stage 2 practice educator qualification',
  ASYE_COMPLETED: 'completed ASYE',
  AMHP: 'AMHP (Approved Mental Health Professional) qualification',
  BIA: 'BIA (Best Interests Assessor) qualification',
  PQ_CREDITS: 'record of post-qualifying credits',
  PQ_AWARD: 'post-qualifying award',
  OTHER: 'qualification of another kind',
};

/** A Stage 2 practice educator may do all a Stage 1 educator may (reference §6). */
const SATISFIED_BY: Partial<Record<QualificationType, readonly QualificationType[]>> = {
  PEPS_STAGE_1: ['PEPS_STAGE_1', 'PEPS_STAGE_2'],
};

/**
 * Verified qualifications of the type awarded on or before the evaluation date count; with a
 * currency day, only those current on that day (awarded by then and not expired before it).
 * Unverified ones never count. With `minCredits`, the credits of the counted records are added up.
 */
export function evaluateQualificationCriterion(
  criterion: QualificationCriterion,
  context: CriterionContext,
): CriterionOutcome {
  const { qualificationType, minCredits, currentOnEvaluationDate, currentOn } = criterion;
  const { asOf } = context;
  const accepted = SATISFIED_BY[qualificationType] ?? [qualificationType];
  const currencyDay = currentOn ?? (currentOnEvaluationDate ? asOf : null);
  const counted = context.facts.qualifications.filter(
    (q) =>
      q.verified &&
      accepted.includes(q.type) &&
      isDateInRange(q.awardedOn, null, asOf) &&
      (currencyDay === null || isDateInRange(currencyDay, q.awardedOn, q.expiresOn)),
  );
  const currency =
    currencyDay === null
      ? ''
      : currentOn == null
        ? ', current on the evaluation date'
        : `, current on ${formatDay(currentOn)}`;

  if (minCredits != null) {
    const current = counted.reduce(
      (sum, q) => sum + (Number.isFinite(q.credits) && q.credits! > 0 ? q.credits! : 0),
      0,
    );
    const met = current >= minCredits;
    return {
      type: criterion.type,
      label: `At least ${pluralise(minCredits, 'verified post-qualifying credit')}${currency}`,
      met,
      progress: { current, required: minCredits, unit: 'CREDITS' },
      gap: met
        ? null
        : `${pluralise(minCredits - current, 'more verified post-qualifying credit')}${currency}`,
      parts: [],
      children: [],
    };
  }

  const met = counted.length > 0;
  return {
    type: criterion.type,
    label: `Holds a verified ${NAME[qualificationType] ?? qualificationType}${currency}`,
    met,
    progress: { current: met ? 1 : 0, required: 1, unit: 'QUALIFICATIONS' },
    gap: met ? null : `Needs a verified ${NAME[qualificationType] ?? qualificationType}${currency}`,
    parts: [],
    children: [],
  };
}
