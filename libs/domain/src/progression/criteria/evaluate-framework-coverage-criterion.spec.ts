import { DomainError } from '../../errors.js';
import type { ApprovedEvidenceFacts, FrameworkCoverageCriterion } from '../progression.types.js';
import { context, evidence, facts } from '../progression.test-fixtures.js';
import { evaluateFrameworkCoverageCriterion as sut } from './evaluate-framework-coverage-criterion.js';

const kss = (statements: number[], overrides: Partial<ApprovedEvidenceFacts> = {}): ApprovedEvidenceFacts =>
  evidence([], 0, {
    mappings: statements.map((n) => ({
      frameworkCode: 'KSS_CHILD_AND_FAMILY',
      frameworkVersion: '2018',
      itemCode: String(n),
      acceptedLevelOrdinal: null,
      acceptedLevelCode: null,
    })),
    ...overrides,
  });

const seventyPercent: FrameworkCoverageCriterion = {
  type: 'FRAMEWORK_COVERAGE',
  frameworkCode: 'KSS_CHILD_AND_FAMILY',
  version: '2018',
  minShare: 0.7,
  itemKind: 'STATEMENT',
};

function run(criterion: FrameworkCoverageCriterion, approvedEvidence: ApprovedEvidenceFacts[]) {
  return sut(criterion, context({ facts: facts({ approvedEvidence }) }));
}

describe('evaluateFrameworkCoverageCriterion', () => {
  it.each<[string, ApprovedEvidenceFacts[], number, boolean, string | null]>([
    ['all ten statements', [kss([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])], 10, true, null],
    ['exactly 70% (7 of 10)', [kss([1, 2, 3]), kss([4, 5, 6, 7])], 7, true, null],
    [
      'one statement short',
      [kss([1, 2, 3, 4, 5, 6])],
      6,
      false,
      'Approved evidence for 1 more statement of Knowledge and Skills Statement for child and family practitioners (2018)',
    ],
    [
      'the same statement many times',
      [kss([1]), kss([1]), kss([1, 1])],
      1,
      false,
      'Approved evidence for 6 more statements of Knowledge and Skills Statement for child and family practitioners (2018)',
    ],
    [
      'evidence dated after the evaluation date',
      [kss([1, 2, 3, 4, 5, 6, 7], { date: '2025-07-01' })],
      0,
      false,
      'Approved evidence for 7 more statements of Knowledge and Skills Statement for child and family practitioners (2018)',
    ],
    [
      'codes the framework does not have, and PCF mappings',
      [kss([11, 12]), evidence(['KNOWLEDGE'], 8)],
      0,
      false,
      'Approved evidence for 7 more statements of Knowledge and Skills Statement for child and family practitioners (2018)',
    ],
  ])('should judge %s against 70%%', (_label, approvedEvidence, current, met, gap) => {
    const outcome = run(seventyPercent, approvedEvidence);

    expect(outcome).toMatchObject({
      label:
        'Approved evidence for at least 70% of the statements of Knowledge and Skills Statement for child and family practitioners (2018)',
      met,
      progress: { current, required: 7, unit: 'ITEMS' },
      gap,
    });
  });

  it.each<[number, number]>([
    [1, 10],
    [0.6, 6],
    [0.55, 6],
    [0.3, 3],
    [0.01, 1],
  ])('should round a share of %d up to %i whole statements', (minShare, required) => {
    expect(run({ ...seventyPercent, minShare }, []).progress.required).toBe(required);
  });

  it('should refuse a framework version the reference does not have', () => {
    const act = () => run({ ...seventyPercent, version: '2099' }, []);

    expect(act).toThrow(DomainError);
    expect(act).toThrow(expect.objectContaining({ code: 'CRITERION_INVALID' }));
  });
});
