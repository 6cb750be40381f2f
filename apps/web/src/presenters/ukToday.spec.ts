import { ukToday } from './ukToday.js';

describe('ukToday', () => {
  it.each([
    ['2026-12-03T23:59:00Z', '2026-12-03'],
    ['2026-07-01T23:30:00Z', '2026-07-02'],
    ['2026-06-30T22:59:00Z', '2026-06-30'],
  ])('should give the UK day of %s as %s (British Summer Time counted)', (instant, expected) => {
    expect(ukToday(new Date(instant))).toBe(expected);
  });
});
