import fc from 'fast-check';
import { isDateInRange as sut } from './is-date-in-range.js';

describe('isDateInRange', () => {
  it.each<[string, string | null, string | null, boolean, string]>([
    ['2025-03-01', '2025-03-01', '2025-03-31', true, 'on the first day'],
    ['2025-03-31', '2025-03-01', '2025-03-31', true, 'on the last day'],
    ['2025-02-28', '2025-03-01', '2025-03-31', false, 'the day before the range'],
    ['2025-04-01', '2025-03-01', '2025-03-31', false, 'the day after the range'],
    ['1999-12-31', null, '2025-03-31', true, 'long before an open start'],
    ['2099-01-01', '2025-03-01', null, true, 'long after an open end'],
    ['2025-03-01', null, null, true, 'any day when both ends are open'],
    ['2024-12-31', '2025-01-01', null, false, 'across a year boundary'],
  ])('should say %s in [%s, %s] is %s (%s)', (date, from, until, expected, _label) => {
    expect(sut(date, from, until)).toBe(expected);
  });

  it.each(['2025-3-1', '01/03/2025', '2025-03-01T00:00:00Z', ''])(
    'should throw a TypeError for %j, which is not YYYY-MM-DD',
    (bad) => {
      expect(() => sut(bad, null, null)).toThrow(TypeError);
      expect(() => sut('2025-03-01', bad, null)).toThrow(TypeError);
      expect(() => sut('2025-03-01', null, bad)).toThrow(TypeError);
    },
  );

  it('should agree with chronological order for any days', () => {
    const day = fc
      .integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2199, 11, 31) })
      .map((ms) => Math.floor(ms / 86_400_000));
    const iso = (dayNumber: number) => new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(day, fc.option(day), fc.option(day), (date, from, until) => {
        const expected = (from === null || from <= date) && (until === null || date <= until);
        expect(sut(iso(date), from === null ? null : iso(from), until === null ? null : iso(until))).toBe(
          expected,
        );
      }),
    );
  });
});
