import { DomainError } from '../errors.js';
import type { AssessorCapacity } from '../identity/roles.js';
import type { AssessmentContext } from './portfolio.types.js';

/** Which assessments each capacity signs off (reference §5.1, §6). */
const CONTEXTS_BY_CAPACITY: Record<AssessorCapacity, readonly AssessmentContext[]> = {
  PRACTICE_EDUCATOR: ['FIRST_PLACEMENT', 'FINAL_PLACEMENT'],
  ASYE_ASSESSOR: ['ASYE'],
  SUPERVISOR: ['CPD'],
};

/**
 * The assessment a submission is for, given the reviewer's capacity and what the practitioner asked.
 * An ASYE assessor signs off ASYE evidence and a supervisor CPD, so those need no choice; a practice
 * educator's student must say which placement, since the final one needs PEPS Stage 2 (reference §6).
 */
export function assessmentContextFor(
  capacity: AssessorCapacity,
  requested: AssessmentContext | null | undefined,
): AssessmentContext {
  const allowed = CONTEXTS_BY_CAPACITY[capacity];
  if (requested === null || requested === undefined) {
    if (allowed.length === 1) return allowed[0]!;
    throw new DomainError(
      'ASSESSMENT_CONTEXT_MISMATCH',
      'Say whether this is for your first or your final placement.',
      'input.assessmentContext',
      { allowed },
    );
  }
  if (!allowed.includes(requested)) {
    throw new DomainError(
      'ASSESSMENT_CONTEXT_MISMATCH',
      `This reviewer cannot sign off ${requested} evidence in their capacity (${capacity}).`,
      'input.assessmentContext',
      { allowed, capacity },
    );
  }
  return requested;
}
