import fc from 'fast-check';
import { addMonths as sut } from './add-months.js';

describe('addMonths', () => {
  it.each<[string, number, string, string]>([
    ['2025-03-15', 1, '2025-04-15', 'the same day next month'],
    ['2025-03-15', 0, '2025-03-15', 'no months'],
    ['2025-12-15', 1, '2026-01-15', 'across a year end'],
    ['2025-01-15', -1, '2024-12-15', 'backwards across a year start'],
    ['2025-01-31', 1, '2025-02-28', 'the last day of a shorter month'],
    ['2024-01-31', 1, '2024-02-29', 'the last day of February in a leap year'],
    ['2025-05-31', 1, '2025-06-30', 'the last day of a 30-day month'],
    ['2025-03-31', -1, '2025-02-28', 'backwards into a shorter month'],
    ['2024-02-29', 12, '2025-02-28', '29 February a year on'],
    ['2024-02-29', 48, '2028-02-29', '29 February four years on'],
    ['1900-01-31', 1, '1900-02-28', 'a century year that is not a leap year'],
    ['2000-01-31', 1, '2000-02-29', 'a century year that is a leap year'],
    ['2023-06-30', 24, '2025-06-30', 'two years'],
  ])('should take %s + %i months to %s (%s)', (date, months, expected, _label) => {
    expect(sut(date, months)).toBe(expected);
  });

  it.each<[string, number]>([
    ['2025-3-1', 1],
    ['01/03/2025', 1],
    ['2025-13-01', 1],
    ['2025-00-10', 1],
    ['2025-01-00', 1],
    ['2025-01-15', 1.5],
  ])('should throw a TypeError for %j + %j', (date, months) => {
    expect(() => sut(date, months)).toThrow(TypeError);
  });

  it('should agree with the calendar for any day and any number of months', () => {
    const day = fc
      .integer({ min: Date.UTC(1901, 0, 1), max: Date.UTC(2199, 11, 31) })
      .map((ms) => new Date(ms - (ms % 86_400_000)));
    fc.assert(
      fc.property(day, fc.integer({ min: -600, max: 600 }), (date, months) => {
        const firstOfTarget = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
        const lastDay = new Date(
          Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0),
        ).getUTCDate();
        const expected = new Date(
          Date.UTC(
            firstOfTarget.getUTCFullYear(),
            firstOfTarget.getUTCMonth(),
            Math.min(date.getUTCDate(), lastDay),
          ),
        );
        expect(sut(date.toISOString().slice(0, 10), months)).toBe(expected.toISOString().slice(0, 10));
      }),
      { numRuns: 200 },
    );
  });
});
