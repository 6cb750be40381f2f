import { DomainError } from '../errors.js';
import { isGroupDisclosable } from './is-group-disclosable.js';
import { resolveInsightRange } from './resolve-insight-range.js';

describe('resolveInsightRange', () => {
  it.each([
    [undefined, undefined, '2026-07-01', { from: '2025-07-02', to: '2026-07-01' }],
    [undefined, undefined, '2028-02-29', { from: '2027-03-01', to: '2028-02-29' }],
    ['2026-01-01', undefined, '2026-07-01', { from: '2026-01-01', to: '2026-07-01' }],
    [undefined, '2025-11-30', '2026-07-01', { from: '2024-12-01', to: '2025-11-30' }],
    ['2026-03-01', '2026-03-01', '2026-07-01', { from: '2026-03-01', to: '2026-03-01' }],
  ])('should resolve from %s to %s on %s', (from, to, today, expected) => {
    expect(resolveInsightRange(from, to, today)).toEqual(expected);
  });

  it.each([
    ['2026-03-02', '2026-03-01', 'from'],
    ['2010-01-01', '2026-03-01', 'from'],
  ])('should refuse %s to %s naming %s', (from, to, field) => {
    expect(() => resolveInsightRange(from, to, '2026-07-01')).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE_RANGE', field }) as DomainError,
    );
  });
});

describe('isGroupDisclosable', () => {
  it.each([
    [4, 5, false],
    [5, 5, true],
    [0, 2, false],
  ])('%i people with a minimum of %i: %s', (people, min, expected) => {
    expect(isGroupDisclosable(people, min)).toBe(expected);
  });
});
