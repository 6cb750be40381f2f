import type { CpdComplianceYear } from '../progression.types.js';
import { context, facts } from '../progression.test-fixtures.js';
import { evaluateCpdComplianceCriterion as sut } from './evaluate-cpd-compliance-criterion.js';

const year = (endYear: number, met: boolean): CpdComplianceYear => ({
  periodLabel: `${endYear - 1}\u2013${String(endYear).slice(2)}`,
  periodEnd: `${endYear}-11-30`,
  met,
});

function run(registrationYears: number, cpdCompliance: CpdComplianceYear[] | null, asOf = '2025-06-30') {
  return sut(
    { type: 'CPD_COMPLIANCE', registrationYears },
    context({ asOf, facts: facts({ cpdCompliance }) }),
  );
}

describe('evaluateCpdComplianceCriterion', () => {
  it.each<[string, CpdComplianceYear[] | null, boolean, number, string | null]>([
    ['both of the last two years met', [year(2023, true), year(2024, true)], true, 2, null],
    ['an older failure only', [year(2022, false), year(2023, true), year(2024, true)], true, 2, null],
    [
      'the last year not met',
      [year(2023, true), year(2024, false)],
      false,
      1,
      'CPD requirements not met for 2023\u201324',
    ],
    [
      'both not met',
      [year(2023, false), year(2024, false)],
      false,
      0,
      'CPD requirements not met for 2022\u201323 and 2023\u201324',
    ],
    ['one year recorded', [year(2024, true)], false, 1, 'No CPD result for 1 earlier registration year'],
    [
      'the year in progress',
      [year(2024, true), year(2025, true)],
      false,
      1,
      'No CPD result for 1 earlier registration year',
    ],
    ['no results', [], false, 0, 'No CPD result for the last 2 registration years'],
    ['unknown compliance', null, false, 0, 'CPD compliance is not known yet'],
    [
      'two results for one year that disagree',
      [year(2023, true), year(2024, true), year(2024, false)],
      false,
      1,
      'CPD requirements not met for 2023\u201324',
    ],
  ])('should judge %s', (_label, cpdCompliance, met, current, gap) => {
    expect(run(2, cpdCompliance)).toMatchObject({
      label: 'CPD requirements met with the regulator for each of the last 2 registration years',
      met,
      progress: { current, required: 2, unit: 'REGISTRATION_YEARS' },
      gap,
    });
  });

  it('should count a year that ends on the evaluation date', () => {
    expect(run(1, [year(2025, true)], '2025-11-30')).toMatchObject({
      label: 'CPD requirements met with the regulator for the last registration year',
      met: true,
    });
  });

  it('should list the years it looked at, oldest first', () => {
    expect(run(2, [year(2024, false), year(2022, true), year(2023, true)]).parts).toEqual([
      { code: '2023-11-30', label: '2022\u201323', current: 1, required: 1, met: true },
      { code: '2024-11-30', label: '2023\u201324', current: 0, required: 1, met: false },
    ]);
  });
});
