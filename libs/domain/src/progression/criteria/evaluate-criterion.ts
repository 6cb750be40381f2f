import { DomainError } from '../../errors.js';
import type {
  AllOfCriterion,
  AnyOfCriterion,
  Criterion,
  CriterionContext,
  CriterionOutcome,
} from '../progression.types.js';
import { evaluateApprovedEvidenceCriterion } from './evaluate-approved-evidence-criterion.js';
import { evaluateCpdComplianceCriterion } from './evaluate-cpd-compliance-criterion.js';
import { evaluateFrameworkCoverageCriterion } from './evaluate-framework-coverage-criterion.js';
import { evaluateHoldsStageCriterion } from './evaluate-holds-stage-criterion.js';
import { evaluateMinMonthsInStageCriterion } from './evaluate-min-months-in-stage-criterion.js';
import { evaluateMinPostQualifyingMonthsCriterion } from './evaluate-min-post-qualifying-months-criterion.js';
import { evaluateQualificationCriterion } from './evaluate-qualification-criterion.js';
import { describeAlternatives } from './describe-alternatives.js';

/**
 * The outcome of one criterion, with the outcomes of its children in the order given. ALL_OF is met
 * when every child is, ANY_OF when at least one is. An ALL_OF's gap is its one unmet child's gap or
 * a count, whatever the order; an unmet ANY_OF's names every
 * choice, in text order.
 */
export function evaluateCriterion(criterion: Criterion, context: CriterionContext): CriterionOutcome {
  switch (criterion.type) {
    case 'ALL_OF':
    case 'ANY_OF':
      return evaluateGroup(criterion, context);
    case 'MIN_POST_QUALIFYING_MONTHS':
      return evaluateMinPostQualifyingMonthsCriterion(criterion, context);
    case 'MIN_MONTHS_IN_STAGE':
      return evaluateMinMonthsInStageCriterion(criterion, context);
    case 'APPROVED_EVIDENCE':
      return evaluateApprovedEvidenceCriterion(criterion, context);
    case 'FRAMEWORK_COVERAGE':
      return evaluateFrameworkCoverageCriterion(criterion, context);
    case 'QUALIFICATION':
      return evaluateQualificationCriterion(criterion, context);
    case 'CPD_COMPLIANCE':
      return evaluateCpdComplianceCriterion(criterion, context);
    case 'HOLDS_STAGE':
      return evaluateHoldsStageCriterion(criterion, context);
    default:
      throw new DomainError('CRITERION_INVALID', 'A criterion is of an unknown type.', undefined, {
        reason: 'UNKNOWN_TYPE',
        type: (criterion as { type?: unknown }).type,
      });
  }
}

function evaluateGroup(
  criterion: AllOfCriterion | AnyOfCriterion,
  context: CriterionContext,
): CriterionOutcome {
  const children = criterion.criteria.map((c) => evaluateCriterion(c, context));
  const total = children.length;
  const unmet = children.filter((c) => !c.met);
  const metCount = total - unmet.length;

  if (criterion.type === 'ALL_OF') {
    const met = unmet.length === 0;
    return {
      type: criterion.type,
      label: 'All of these',
      met,
      progress: { current: metCount, required: total, unit: 'CRITERIA' },
      gap: met ? null : describeUnmet(unmet, total),
      parts: [],
      children,
    };
  }
  const met = metCount > 0;
  return {
    type: criterion.type,
    label: 'Any one of these',
    met,
    progress: { current: Math.min(metCount, 1), required: 1, unit: 'CRITERIA' },
    gap: met ? null : describeAlternatives(children),
    parts: [],
    children,
  };
}

/** An ALL_OF's gap: the one unmet child's own gap, or how many of its children are still unmet. */
function describeUnmet(unmet: readonly CriterionOutcome[], total: number): string | null {
  if (unmet.length === 1) return unmet[0].gap;
  if (unmet.length < total) return `Meet ${unmet.length} more of these ${total} criteria`;
  return total === 2 ? 'Meet both of these criteria' : `Meet all ${total} of these criteria`;
}
