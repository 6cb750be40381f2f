import { daysWaiting, describeDaysWaiting } from './daysWaiting.js';

describe('daysWaiting', () => {
  const now = new Date('2026-12-03T09:00:00Z');

  it.each([
    ['2026-12-03T08:59:00Z', 0],
    ['2026-12-02T09:00:01Z', 0],
    ['2026-12-02T09:00:00Z', 1],
    ['2026-11-20T10:00:00Z', 12],
    ['2026-11-03T09:00:00Z', 30],
  ])('should count %s as %i whole days waiting', (submittedAt, expected) => {
    expect(daysWaiting(submittedAt, now)).toBe(expected);
  });

  it('should never count a submission stamped after now as negative', () => {
    expect(daysWaiting('2026-12-03T10:00:00Z', now)).toBe(0);
  });

  it.each([null, 'not a date'])('should count %p as 0', (submittedAt) => {
    expect(daysWaiting(submittedAt, now)).toBe(0);
  });
});

describe('describeDaysWaiting', () => {
  it.each([
    [0, 'Less than a day'],
    [1, '1 day'],
    [2, '2 days'],
    [45, '45 days'],
  ])('should describe %i as "%s"', (days, expected) => {
    expect(describeDaysWaiting(days)).toBe(expected);
  });
});
