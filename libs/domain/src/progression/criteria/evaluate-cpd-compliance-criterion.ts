import { isDateInRange } from '../../calendar/is-date-in-range.js';
import type {
  CpdComplianceCriterion,
  CpdComplianceYear,
  CriterionContext,
  CriterionOutcome,
  ProgressPart,
} from '../progression.types.js';
import { pluralise } from '../../calendar/pluralise.js';

/**
 * CPD met in each of the last N registration years that ended on or before the evaluation date.
 * Whether a year was met is decided elsewhere (it depends on the regulator's dated rules). Two
 * results for one year count as met only if both say so. A year without a result counts as not met.
 */
export function evaluateCpdComplianceCriterion(
  criterion: CpdComplianceCriterion,
  context: CriterionContext,
): CriterionOutcome {
  const required = criterion.registrationYears;
  const label =
    required === 1
      ? 'CPD requirements met with the regulator for the last registration year'
      : `CPD requirements met with the regulator for each of the last ${pluralise(required, 'registration year')}`;
  const results = context.facts.cpdCompliance;
  if (results === null) {
    return {
      type: criterion.type,
      label,
      met: false,
      progress: { current: 0, required, unit: 'REGISTRATION_YEARS' },
      gap: 'CPD compliance is not known yet',
      parts: [],
      children: [],
    };
  }

  const byEnd = new Map<string, CpdComplianceYear>();
  for (const year of results) {
    if (!isDateInRange(year.periodEnd, null, context.asOf)) continue;
    const seen = byEnd.get(year.periodEnd);
    byEnd.set(
      year.periodEnd,
      seen === undefined
        ? year
        : {
            periodEnd: year.periodEnd,
            periodLabel: seen.periodLabel < year.periodLabel ? seen.periodLabel : year.periodLabel,
            met: seen.met && year.met,
          },
    );
  }
  const lastYears = [...byEnd.values()]
    .sort((a, b) => (a.periodEnd < b.periodEnd ? 1 : -1))
    .slice(0, required)
    .reverse();
  const parts: ProgressPart[] = lastYears.map((y) => ({
    code: y.periodEnd,
    label: y.periodLabel,
    current: y.met ? 1 : 0,
    required: 1,
    met: y.met,
  }));
  const current = parts.filter((p) => p.met).length;
  const met = current >= required;

  const problems: string[] = [];
  const notMet = parts.filter((p) => !p.met).map((p) => p.label);
  if (notMet.length > 0) problems.push(`CPD requirements not met for ${joinAnd(notMet)}`);
  const missing = required - parts.length;
  if (parts.length === 0) {
    problems.push(
      required === 1
        ? 'No CPD result for the last registration year'
        : `No CPD result for the last ${pluralise(required, 'registration year')}`,
    );
  } else if (missing > 0) {
    problems.push(
      `${problems.length === 0 ? 'No' : 'no'} CPD result for ${pluralise(missing, 'earlier registration year')}`,
    );
  }
  return {
    type: criterion.type,
    label,
    met,
    progress: { current, required, unit: 'REGISTRATION_YEARS' },
    gap: met ? null : problems.join('; '),
    parts,
    children: [],
  };
}

function joinAnd(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
