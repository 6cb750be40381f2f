import { DomainError } from '../errors.js';
import type { CpdRuleSet } from './compliance.types.js';
import { cpdPeriodOf as sut } from './cpd-period-of.js';
import { selectCpdRuleSet } from './select-cpd-rule-set.js';

const NISCC = selectCpdRuleSet('NISCC', '2025-01-01');
const SWE = selectCpdRuleSet('SOCIAL_WORK_ENGLAND', '2025-01-01');
const SCW = selectCpdRuleSet('SOCIAL_CARE_WALES', '2025-01-01');

describe('cpdPeriodOf', () => {
  it.each<[string, CpdRuleSet, string, string | null, string, string, string]>([
    ['SWE, any registration', SWE, '2025-06-01', '2010-01-01', '2024-12-01', '2025-11-30', '2025-11-30'],
    ['SWE without a registration date', SWE, '2025-12-01', null, '2025-12-01', '2026-11-30', '2026-11-30'],
    ['NISCC, first period', NISCC, '2024-07-01', '2022-07-01', '2022-07-01', '2025-06-30', '2025-06-30'],
    [
      'NISCC, on the first day of the second period',
      NISCC,
      '2025-07-01',
      '2022-07-01',
      '2025-07-01',
      '2028-06-30',
      '2028-06-30',
    ],
    [
      'NISCC, the day before that',
      NISCC,
      '2025-06-30',
      '2022-07-01',
      '2022-07-01',
      '2025-06-30',
      '2025-06-30',
    ],
    ['NISCC, a third period', NISCC, '2030-01-01', '2022-07-01', '2028-07-01', '2031-06-30', '2031-06-30'],
    [
      'NISCC, before registration: the first period',
      NISCC,
      '2022-01-01',
      '2022-07-01',
      '2022-07-01',
      '2025-06-30',
      '2025-06-30',
    ],
    [
      'NISCC, registered on 29 February',
      NISCC,
      '2023-03-01',
      '2020-02-29',
      '2023-02-28',
      '2026-02-27',
      '2026-02-27',
    ],
    [
      'SCW, deadline 21 days before the end',
      SCW,
      '2024-01-01',
      '2022-04-22',
      '2022-04-22',
      '2025-04-21',
      '2025-03-31',
    ],
  ])('should give for %s the period %#', (_label, ruleSet, day, registeredFrom, start, end, deadlineOn) => {
    const period = sut(ruleSet, day, registeredFrom);
    expect(period).toMatchObject({ start, end, deadlineOn });
  });

  it.each([['2025-11-30', '2025-11-30T23:59:59.999Z', 'SWE: 30 November is GMT']])(
    'should set the SWE deadline for %s at %s (%s)',
    (day, deadline, _label) => {
      expect(sut(SWE, day, null).deadline.toISOString()).toBe(deadline);
    },
  );

  it('should set a summer deadline at 23:59:59.999 BST', () => {
    expect(sut(NISCC, '2024-07-01', '2022-07-01').deadline.toISOString()).toBe('2025-06-30T22:59:59.999Z');
  });

  it('should refuse a period anchored on registration without a registration date', () => {
    expect(() => sut(NISCC, '2025-01-01', null)).toThrow(DomainError);
    try {
      sut(NISCC, '2025-01-01', null);
    } catch (error) {
      expect(error).toMatchObject({ code: 'REGISTRATION_DATE_REQUIRED', field: 'input.registeredFrom' });
    }
  });
});
