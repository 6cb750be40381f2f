import type { CriterionContext, CriterionOutcome, MinMonthsInStageCriterion } from '../progression.types.js';
import { wholeMonthsBetween } from '../whole-months-between.js';
import { findSpellStart } from './find-spell-start.js';
import { pluralise } from '../../calendar/pluralise.js';

/** Whole calendar months in the route's starting stage, from the start of the current spell. */
export function evaluateMinMonthsInStageCriterion(
  criterion: MinMonthsInStageCriterion,
  context: CriterionContext,
): CriterionOutcome {
  const required = criterion.months;
  const stageName =
    context.design.stages.find((s) => s.key === context.fromStageKey)?.name ?? context.fromStageKey;
  const since = findSpellStart(context.facts.stageHistory, context.fromStageKey, context.asOf);
  const current = since === null ? 0 : wholeMonthsBetween(since, context.asOf);
  const met = since !== null && current >= required;
  return {
    type: criterion.type,
    label: `At least ${pluralise(required, 'month')} in the current stage (${stageName})`,
    met,
    progress: { current, required, unit: 'MONTHS' },
    gap: met
      ? null
      : since === null
        ? `Not currently in the stage ${stageName}`
        : `${pluralise(required - current, 'more month')} in the current stage (${stageName})`,
    parts: [],
    children: [],
  };
}
