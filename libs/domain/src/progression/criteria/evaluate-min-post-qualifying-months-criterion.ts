import type {
  CriterionContext,
  CriterionOutcome,
  MinPostQualifyingMonthsCriterion,
} from '../progression.types.js';
import { wholeMonthsBetween } from '../whole-months-between.js';
import { pluralise } from '../../calendar/pluralise.js';

/** Whole calendar months from the date qualified to the evaluation date, against a local minimum. */
export function evaluateMinPostQualifyingMonthsCriterion(
  criterion: MinPostQualifyingMonthsCriterion,
  context: CriterionContext,
): CriterionOutcome {
  const required = criterion.months;
  const qualified = context.facts.dateQualified;
  const current = qualified === null ? 0 : wholeMonthsBetween(qualified, context.asOf);
  const met = qualified !== null && current >= required;
  return {
    type: criterion.type,
    label: `At least ${pluralise(required, 'month')} of post-qualifying experience`,
    met,
    progress: { current, required, unit: 'MONTHS' },
    gap: met
      ? null
      : qualified === null
        ? 'No date of qualifying is recorded'
        : `${pluralise(required - current, 'more month')} of post-qualifying experience`,
    parts: [],
    children: [],
  };
}
