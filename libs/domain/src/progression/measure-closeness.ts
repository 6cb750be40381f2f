import type { CriterionOutcome } from './progression.types.js';

/** The most an unmet outcome can score, so that 1 always means met. */
const BELOW_ONE = 1 - 1e-9;

/**
 * How close an outcome is to being met, in [0, 1]; 1 exactly when it is met. A leaf scores its
 * progress ratio (current over required, at most 1). ALL_OF scores the mean of its children, since
 * each must be met; ANY_OF the best of its children, since one is enough and the others are
 * alternatives rather than shortfalls. Children are combined in sorted order, so the score does not
 * depend on their order.
 */
export function measureCloseness(outcome: CriterionOutcome): number {
  if (outcome.met) return 1;
  let score: number;
  if (outcome.type === 'ALL_OF' || outcome.type === 'ANY_OF') {
    const scores = outcome.children.map(measureCloseness).sort((a, b) => a - b);
    if (scores.length === 0) score = 0;
    else if (outcome.type === 'ANY_OF') score = scores[scores.length - 1];
    else score = scores.reduce((sum, s) => sum + s, 0) / scores.length;
  } else {
    const { current, required } = outcome.progress;
    score = required > 0 ? Math.max(0, current / required) : 0;
  }
  return Math.min(score, BELOW_ONE);
}
