import { DomainError } from '../../errors.js';
import type { CriterionContext, CriterionOutcome, FrameworkCoverageCriterion } from '../progression.types.js';
import { indexApprovedEvidence } from './index-approved-evidence.js';
import { pluralise } from '../../calendar/pluralise.js';

/** Tolerance for shares such as 0.7 × 10, which is 7.000000000000001 in floating point. */
const EPSILON = 1e-9;

/**
 * The share of a framework version's items (of one kind, if given) that at least one piece of
 * approved evidence dated on or before the evaluation date maps to. Needed: the share rounded up to
 * whole items, so 60% of 10 statements is 6 and 50% of 11 is 6.
 */
export function evaluateFrameworkCoverageCriterion(
  criterion: FrameworkCoverageCriterion,
  context: CriterionContext,
): CriterionOutcome {
  const { frameworkCode, version, minShare, itemKind } = criterion;
  const framework = context.reference.frameworks.find(
    (f) => f.code === frameworkCode && f.version === version,
  );
  if (framework === undefined) {
    throw new DomainError(
      'CRITERION_INVALID',
      'A criterion names a framework version that does not exist.',
      undefined,
      {
        reason: 'UNKNOWN_FRAMEWORK_VERSION',
        frameworkCode,
        version,
      },
    );
  }
  const items = framework.items.filter((i) => itemKind == null || i.kind === itemKind);
  const evidenced = new Set<string>();
  const pcf = context.pcf;
  for (const evidence of context.evidence ?? indexApprovedEvidence(context.facts, context.asOf, pcf)) {
    for (const mapping of evidence.mappings) {
      if (mapping.frameworkCode === frameworkCode && mapping.frameworkVersion === version) {
        evidenced.add(mapping.itemCode);
      }
    }
  }
  const current = items.filter((i) => evidenced.has(i.code)).length;
  const required = Math.ceil(minShare * items.length - EPSILON);
  const met = current >= required;

  const noun = itemKind == null ? 'item' : itemKind.toLowerCase().replace(/_/g, ' ');
  const source = `${framework.name} (${framework.version})`;
  const percent = Number((minShare * 100).toFixed(1));
  return {
    type: criterion.type,
    label: `Approved evidence for at least ${percent}% of the ${noun}s of ${source}`,
    met,
    progress: { current, required, unit: 'ITEMS' },
    gap: met ? null : `Approved evidence for ${pluralise(required - current, `more ${noun}`)} of ${source}`,
    parts: [],
    children: [],
  };
}
