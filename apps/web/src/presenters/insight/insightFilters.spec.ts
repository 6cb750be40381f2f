import {
  insightFilterErrors,
  insightFiltersFrom,
  insightQueryString,
  insightVariables,
} from './insightFilters.js';

describe('insightFiltersFrom', () => {
  it('should keep single strings, trimmed, and drop anything else', () => {
    expect(insightFiltersFrom({ teamId: ' t1 ', from: ['a', 'b'], to: undefined })).toEqual({
      teamId: 't1',
      from: '',
      to: '',
    });
  });
});

describe('insightFilterErrors', () => {
  it.each([
    [{ teamId: '', from: '', to: '' }, undefined],
    [{ teamId: '', from: '2026-01-01', to: '2026-12-31' }, undefined],
    [{ teamId: '', from: '2026-02-30', to: '' }, ['Enter the first day as a real date, like 2026-01-31']],
    [{ teamId: '', from: '', to: 'tomorrow' }, ['Enter the last day as a real date, like 2026-12-31']],
    [
      { teamId: '', from: '2026-12-01', to: '2026-01-01' },
      ['The first day must be on or before the last day'],
    ],
  ])('should judge %j', (filters, expected) => {
    expect(insightFilterErrors(filters)?.list.map((e) => e.text)).toEqual(expected);
  });

  it('should link each error to its field', () => {
    expect(insightFilterErrors({ teamId: '', from: 'x', to: '' })?.list).toEqual([
      { text: 'Enter the first day as a real date, like 2026-01-31', href: '#from' },
    ]);
  });
});

describe('insightQueryString and insightVariables', () => {
  it('should carry only what was chosen', () => {
    expect(insightQueryString({ teamId: 'a b', from: '', to: '2026-11-30' })).toBe(
      '?teamId=a+b&to=2026-11-30',
    );
    expect(insightQueryString({ teamId: '', from: '', to: '' })).toBe('');
    expect(insightVariables({ teamId: '', from: '2026-01-01', to: '' })).toEqual({ from: '2026-01-01' });
  });
});
