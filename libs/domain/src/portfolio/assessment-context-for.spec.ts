import { DomainError } from '../errors.js';
import { assessmentContextFor } from './assessment-context-for.js';

describe('assessmentContextFor', () => {
  it.each([
    ['ASYE_ASSESSOR', undefined, 'ASYE'],
    ['ASYE_ASSESSOR', 'ASYE', 'ASYE'],
    ['SUPERVISOR', null, 'CPD'],
    ['PRACTICE_EDUCATOR', 'FIRST_PLACEMENT', 'FIRST_PLACEMENT'],
    ['PRACTICE_EDUCATOR', 'FINAL_PLACEMENT', 'FINAL_PLACEMENT'],
  ] as const)('should accept %s with %s as %s', (capacity, requested, expected) => {
    expect(assessmentContextFor(capacity, requested)).toBe(expected);
  });

  it.each([
    ['PRACTICE_EDUCATOR', undefined],
    ['PRACTICE_EDUCATOR', 'ASYE'],
    ['ASYE_ASSESSOR', 'FINAL_PLACEMENT'],
    ['SUPERVISOR', 'ASYE'],
  ] as const)('should refuse %s with %s', (capacity, requested) => {
    const run = () => assessmentContextFor(capacity, requested);
    expect(run).toThrow(DomainError);
    expect(run).toThrow(
      expect.objectContaining({ code: 'ASSESSMENT_CONTEXT_MISMATCH', field: 'input.assessmentContext' }),
    );
  });
});
