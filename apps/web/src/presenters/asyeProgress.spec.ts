import { nextReviewPointSentence, presentReviewPoint, protectedTimeSentence } from './asyeProgress.js';

describe('presentReviewPoint', () => {
  it.each([
    [
      { code: 'THREE_MONTH', status: 'RECORDED', heldOn: '2026-12-02', dueOn: '2026-12-01' },
      '3-month review',
      'Held on 2 December 2026.',
      'Held',
    ],
    [
      { code: 'THREE_MONTH', status: 'OVERDUE', dueOn: '2026-12-01' },
      '3-month review',
      'Overdue: it was due on 1 December 2026. Talk to your assessor about arranging it.',
      'Overdue',
    ],
    [
      { code: 'SIX_MONTH', status: 'DUE_SOON', dueOn: '2027-03-01' },
      '6-month review',
      'Due on 1 March 2027.',
      'Due soon',
    ],
    [
      { code: 'FINAL', status: 'UPCOMING', dueOn: '2027-09-01' },
      'Final review',
      'Due on 1 September 2027.',
      'Upcoming',
    ],
    [
      { code: 'FINAL', status: 'PAUSED', dueOn: null },
      'Final review',
      'On hold while your ASYE is paused; the date moves on by the days paused.',
      'On hold',
    ],
  ] as const)('should describe %j', (point, name, when, tag) => {
    const sut = presentReviewPoint(point);
    expect([sut.name, sut.when, sut.tag.text]).toEqual([name, when, tag]);
  });
});

describe('nextReviewPointSentence', () => {
  it('should name the first review point not yet held', () => {
    expect(
      nextReviewPointSentence([
        { code: 'THREE_MONTH', status: 'RECORDED', heldOn: '2026-12-02' },
        { code: 'SIX_MONTH', status: 'UPCOMING', dueOn: '2027-03-01' },
      ]),
    ).toBe('Your next review point is the 6-month review. Due on 1 March 2027.');
  });

  it('should say nothing once every review point is held', () => {
    expect(nextReviewPointSentence([{ code: 'FINAL', status: 'RECORDED', heldOn: '2027-09-01' }])).toBeNull();
  });
});

describe('protectedTimeSentence', () => {
  it('should give the time recorded against the target so far in hours and minutes', () => {
    expect(
      protectedTimeSentence({ recordedMinutes: 200, targetMinutesToDate: 2981, targetPercent: 10 }),
    ).toBe(
      '3 hours 20 minutes recorded, of the 49 hours 41 minutes you should have had by now (10% of your working time).',
    );
  });
});
