import { context, facts } from '../progression.test-fixtures.js';
import { evaluateMinPostQualifyingMonthsCriterion as sut } from './evaluate-min-post-qualifying-months-criterion.js';

describe('evaluateMinPostQualifyingMonthsCriterion', () => {
  it.each<[string, string | null, boolean, number, string | null]>([
    ['well past the minimum', '2020-01-15', true, 65, null],
    ['exactly 24 months', '2023-06-30', true, 24, null],
    ['a day short of 24 months', '2023-07-01', false, 23, '1 more month of post-qualifying experience'],
    ['19 months', '2023-11-20', false, 19, '5 more months of post-qualifying experience'],
    [
      'qualified after the evaluation date',
      '2025-07-01',
      false,
      0,
      '24 more months of post-qualifying experience',
    ],
    ['no date of qualifying', null, false, 0, 'No date of qualifying is recorded'],
  ])('should judge %s against 24 months', (_label, dateQualified, met, current, gap) => {
    const outcome = sut(
      { type: 'MIN_POST_QUALIFYING_MONTHS', months: 24 },
      context({ facts: facts({ dateQualified }) }),
    );

    expect(outcome).toEqual({
      type: 'MIN_POST_QUALIFYING_MONTHS',
      label: 'At least 24 months of post-qualifying experience',
      met,
      progress: { current, required: 24, unit: 'MONTHS' },
      gap,
      parts: [],
      children: [],
    });
  });

  it('should count 31 January to the end of February as one month', () => {
    const outcome = sut(
      { type: 'MIN_POST_QUALIFYING_MONTHS', months: 1 },
      context({ asOf: '2025-02-28', facts: facts({ dateQualified: '2025-01-31' }) }),
    );

    expect(outcome.met).toBe(true);
  });
});
