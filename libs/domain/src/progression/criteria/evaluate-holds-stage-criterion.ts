import { isDateInRange } from '../../calendar/is-date-in-range.js';
import type { CriterionContext, CriterionOutcome, HoldsStageCriterion } from '../progression.types.js';

/** Whether the practitioner holds a stage on the evaluation date. */
export function evaluateHoldsStageCriterion(
  criterion: HoldsStageCriterion,
  context: CriterionContext,
): CriterionOutcome {
  const stageName =
    context.design.stages.find((s) => s.key === criterion.stageKey)?.name ?? criterion.stageKey;
  const met = context.facts.stageHistory.some(
    (e) => e.stageKey === criterion.stageKey && isDateInRange(context.asOf, e.from, e.to),
  );
  return {
    type: criterion.type,
    label: `Holds the stage ${stageName}`,
    met,
    progress: { current: met ? 1 : 0, required: 1, unit: 'STAGES' },
    gap: met ? null : `Needs to hold the stage ${stageName}`,
    parts: [],
    children: [],
  };
}
