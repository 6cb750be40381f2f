import type { Criterion } from '../progression.types.js';
import { context, facts } from '../progression.test-fixtures.js';
import { evaluateCriterion } from './evaluate-criterion.js';

// Qualified 2022-06-30, so 36 months' experience on 2025-06-30; no qualifications held.
const amhp: Criterion = { type: 'QUALIFICATION', qualificationType: 'AMHP' };
const bia: Criterion = { type: 'QUALIFICATION', qualificationType: 'BIA' };
const asye: Criterion = { type: 'QUALIFICATION', qualificationType: 'ASYE_COMPLETED' };
const months48: Criterion = { type: 'MIN_POST_QUALIFYING_MONTHS', months: 48 };
const months12: Criterion = { type: 'MIN_POST_QUALIFYING_MONTHS', months: 12 };

const gapOf = (criteria: Criterion[]) =>
  evaluateCriterion({ type: 'ANY_OF', criteria }, context({ facts: facts() })).gap;

describe('describeAlternatives (the gap of an unmet ANY_OF)', () => {
  it.each<[string, Criterion[], string]>([
    [
      'two qualifications',
      [amhp, bia],
      'Needs a verified AMHP (Approved Mental Health Professional) qualification or a verified BIA (Best Interests Assessor) qualification',
    ],
    [
      'three qualifications',
      [amhp, bia, asye],
      'Needs a verified AMHP (Approved Mental Health Professional) qualification, a verified BIA (Best Interests Assessor) qualification or a verified completed ASYE',
    ],
    [
      'choices of different kinds',
      [months48, bia],
      'One of: 12 more months of post-qualifying experience; or Needs a verified BIA (Best Interests Assessor) qualification',
    ],
    [
      'a choice that is itself a group of unmet parts',
      [amhp, { type: 'ALL_OF', criteria: [months12, months48, bia] }],
      'One of: 12 more months of post-qualifying experience and Needs a verified BIA (Best Interests Assessor) qualification; or Needs a verified AMHP (Approved Mental Health Professional) qualification',
    ],
    ['one choice', [bia], 'Needs a verified BIA (Best Interests Assessor) qualification'],
  ])('should name every choice with %s', (_label, criteria, gap) => {
    expect(gapOf(criteria)).toBe(gap);
  });

  it('should word the choices the same whatever order the PSW gave them', () => {
    expect(gapOf([bia, asye, amhp])).toBe(gapOf([amhp, bia, asye]));
    expect(gapOf([bia, months48])).toBe(gapOf([months48, bia]));
  });

  it('should never fall back to a count of criteria', () => {
    for (const criteria of [
      [amhp, bia],
      [months48, asye, bia],
      [months48, { type: 'ANY_OF', criteria: [amhp, bia] } as Criterion],
    ]) {
      expect(gapOf(criteria)).not.toMatch(/criteria|these \d/);
    }
  });
});
