import fc from 'fast-check';
import { addMonths } from '../calendar/add-months.js';
import { wholeMonthsBetween as sut } from './whole-months-between.js';

const iso = (dayNumber: number) => new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
const day = fc.integer({ min: 0, max: 60_000 }).map((n) => n + 7_300); // 1990 to 2154

describe('wholeMonthsBetween', () => {
  it.each<[string, string, number, string]>([
    ['2025-03-15', '2025-03-15', 0, 'the same day'],
    ['2025-03-15', '2025-04-14', 0, 'the day before a month is complete'],
    ['2025-03-15', '2025-04-15', 1, 'exactly one month'],
    ['2023-06-30', '2025-06-30', 24, 'exactly 24 months'],
    ['2023-07-01', '2025-06-30', 23, 'a day short of 24 months'],
    ['2025-01-31', '2025-02-28', 1, '31 January to the end of February'],
    ['2025-01-31', '2025-02-27', 0, '31 January to the day before the end of February'],
    ['2024-01-31', '2024-02-28', 0, '31 January to 28 February in a leap year'],
    ['2024-01-31', '2024-02-29', 1, '31 January to 29 February in a leap year'],
    ['2025-01-31', '2025-03-30', 1, '31 January to 30 March'],
    ['2025-01-31', '2025-03-31', 2, '31 January to 31 March'],
    ['2024-02-29', '2025-02-28', 12, '29 February to 28 February a year later'],
    ['2025-04-15', '2025-03-15', 0, 'an end before the start'],
    ['2025-12-31', '2024-01-01', 0, 'an end years before the start'],
  ])('should count %s to %s as %i (%s)', (from, to, expected, _label) => {
    expect(sut(from, to)).toBe(expected);
  });

  it.each([
    ['2025-3-15', '2025-04-15'],
    ['2025-03-15', '15/04/2025'],
  ])('should throw a TypeError for %j to %j', (from, to) => {
    expect(() => sut(from, to)).toThrow(TypeError);
  });

  it('should be the largest n with from + n months on or before to', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [iso(a), iso(b)] : [iso(b), iso(a)];
        const n = sut(from, to);
        expect(addMonths(from, n) <= to).toBe(true);
        expect(addMonths(from, n + 1) > to).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('should never decrease as the start moves earlier or the end later', () => {
    fc.assert(
      fc.property(day, day, fc.nat(800), fc.nat(800), (from, to, earlier, later) => {
        expect(sut(iso(from - earlier), iso(to + later))).toBeGreaterThanOrEqual(sut(iso(from), iso(to)));
      }),
      { numRuns: 200 },
    );
  });
});
