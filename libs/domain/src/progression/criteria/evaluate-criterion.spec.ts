import { DomainError } from '../../errors.js';
import type { Criterion } from '../progression.types.js';
import { context, facts } from '../progression.test-fixtures.js';
import { evaluateCriterion as sut } from './evaluate-criterion.js';

// Qualified 2022-06-30, so 36 months' experience on 2025-06-30.
const met12: Criterion = { type: 'MIN_POST_QUALIFYING_MONTHS', months: 12 };
const met36: Criterion = { type: 'MIN_POST_QUALIFYING_MONTHS', months: 36 };
const unmet48: Criterion = { type: 'MIN_POST_QUALIFYING_MONTHS', months: 48 };
const unmetAsye: Criterion = { type: 'QUALIFICATION', qualificationType: 'ASYE_COMPLETED' };

const run = (criterion: Criterion) => sut(criterion, context({ facts: facts() }));

describe('evaluateCriterion', () => {
  it.each<[string, Criterion[], boolean, number, string | null]>([
    ['every child met', [met12, met36], true, 2, null],
    ['one child unmet', [met12, unmet48], false, 1, '12 more months of post-qualifying experience'],
    ['two children unmet', [unmet48, met12, unmetAsye], false, 1, 'Meet 2 more of these 3 criteria'],
    ['both children unmet', [unmet48, unmetAsye], false, 0, 'Meet both of these criteria'],
    ['all three children unmet', [unmet48, unmetAsye, unmetAsye], false, 0, 'Meet all 3 of these criteria'],
  ])('should judge ALL_OF with %s', (_label, criteria, met, current, gap) => {
    expect(run({ type: 'ALL_OF', criteria })).toMatchObject({
      label: 'All of these',
      met,
      progress: { current, required: criteria.length, unit: 'CRITERIA' },
      gap,
    });
  });

  it.each<[string, Criterion[], boolean, number, string | null]>([
    ['every child met', [met12, met36], true, 1, null],
    ['one child met', [unmet48, met12], true, 1, null],
    ['its only child unmet', [unmet48], false, 0, '12 more months of post-qualifying experience'],
    [
      'no child met',
      [unmet48, unmetAsye],
      false,
      0,
      'One of: 12 more months of post-qualifying experience; or Needs a verified completed ASYE',
    ],
  ])('should judge ANY_OF with %s', (_label, criteria, met, current, gap) => {
    expect(run({ type: 'ANY_OF', criteria })).toMatchObject({
      label: 'Any one of these',
      met,
      progress: { current, required: 1, unit: 'CRITERIA' },
      gap,
    });
  });

  it('should keep the children in the order given, nested', () => {
    const outcome = run({
      type: 'ALL_OF',
      criteria: [met12, { type: 'ANY_OF', criteria: [unmet48, unmetAsye] }],
    });

    expect(outcome.children.map((c) => c.type)).toEqual(['MIN_POST_QUALIFYING_MONTHS', 'ANY_OF']);
    expect(outcome.children[1].children.map((c) => c.met)).toEqual([false, false]);
    expect(outcome.met).toBe(false);
  });

  it('should refuse a criterion of an unknown type', () => {
    const act = () => run({ type: 'MAGIC' } as unknown as Criterion);

    expect(act).toThrow(DomainError);
    expect(act).toThrow(
      expect.objectContaining({ code: 'CRITERION_INVALID', meta: { reason: 'UNKNOWN_TYPE', type: 'MAGIC' } }),
    );
  });
});
