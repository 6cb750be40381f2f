import { isReviewWaitingTooLong as sut } from './is-review-waiting-too-long.js';

describe('isReviewWaitingTooLong', () => {
  const submittedAt = new Date('2026-03-02T09:00:00Z');

  it.each<[string, number, boolean]>([
    ['2026-03-16T09:00:00.000Z', 14, false],
    ['2026-03-16T09:00:00.001Z', 14, true],
    ['2026-03-10T12:00:00Z', 14, false],
    ['2026-03-03T09:00:01Z', 1, true],
    ['2026-03-01T09:00:00Z', 0, false],
  ])(
    'should judge a submission at 09:00 on 2 March as of %s with a %i-day target as %s',
    (asOf, days, expected) => {
      expect(sut(submittedAt, new Date(asOf), days)).toBe(expected);
    },
  );
});
