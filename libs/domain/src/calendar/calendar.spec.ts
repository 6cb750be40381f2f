import fc from 'fast-check';
import { addDays } from './add-days.js';
import { addMonths } from './add-months.js';
import { daysBetween } from './days-between.js';
import { parseIsoDate } from './parse-iso-date.js';

const day = fc
  .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2099, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

describe('parseIsoDate', () => {
  it.each(['2025-02-29', '2025-13-01', '2025-04-31', '2025-4-1', '01/04/2025', '2025-04-01T00:00:00Z', ''])(
    'should throw a TypeError for %j',
    (bad) => {
      expect(() => parseIsoDate(bad)).toThrow(TypeError);
    },
  );

  it('should accept 29 February in a leap year', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe('addDays', () => {
  it.each([
    ['2025-11-30', 1, '2025-12-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-03-30', 0, '2025-03-30'],
  ])('should add to %s %d days giving %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('addMonths', () => {
  it.each([
    ['2025-01-15', 3, '2025-04-15'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-08-31', 3, '2025-11-30'],
    ['2025-11-30', 1, '2025-12-30'],
    ['2025-03-31', -1, '2025-02-28'],
  ])('should add to %s %d months giving %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2025-11-30', '2025-11-30', 0],
    ['2025-11-29', '2025-11-30', 1],
    ['2025-12-01', '2025-11-30', -1],
    ['2025-03-29', '2025-03-31', 2],
    ['2024-12-01', '2025-11-30', 364],
  ])('should count from %s to %s as %d days', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it('should undo addDays for any day and offset', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -2000, max: 2000 }), (date, n) => {
        expect(daysBetween(date, addDays(date, n))).toBe(n);
      }),
    );
  });
});
