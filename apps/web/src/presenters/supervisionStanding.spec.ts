import { formatMinutes, frequencyText, supervisionHeadline } from './supervisionStanding.js';

describe('formatMinutes', () => {
  it.each([
    [0, '0 minutes'],
    [1, '1 minute'],
    [45, '45 minutes'],
    [60, '1 hour'],
    [90, '1 hour 30 minutes'],
    [121, '2 hours 1 minute'],
  ])('should say %i minutes as "%s"', (minutes, expected) => {
    expect(formatMinutes(minutes)).toBe(expected);
  });
});

describe('frequencyText', () => {
  it.each([
    [{ count: 7, unit: 'DAYS' }, 'Every week'],
    [{ count: 14, unit: 'DAYS' }, 'Every 2 weeks'],
    [{ count: 10, unit: 'DAYS' }, 'Every 10 days'],
    [{ count: 1, unit: 'MONTHS' }, 'Every month'],
    [{ count: 3, unit: 'MONTHS' }, 'Every 3 months'],
  ] as const)('should say %j as "%s"', (every, expected) => {
    expect(frequencyText(every)).toBe(expected);
  });
});

describe('supervisionHeadline', () => {
  it('should say how overdue supervision is', () => {
    expect(
      supervisionHeadline({ overdue: true, dueSoon: false, daysOverdue: 3, nextDueOn: '2026-11-30' }),
    ).toBe('Your supervision is overdue by 3 days: it was due on 30 November 2026.');
  });

  it('should say when the next session is due, and when that is soon', () => {
    expect(
      supervisionHeadline({ overdue: false, dueSoon: false, daysOverdue: 0, nextDueOn: '2026-12-17' }),
    ).toBe('Your next supervision is due by 17 December 2026.');
    expect(
      supervisionHeadline({ overdue: false, dueSoon: true, daysOverdue: 0, nextDueOn: '2026-12-05' }),
    ).toBe('Your next supervision is due soon, by 5 December 2026.');
  });

  it('should say so when nothing is due yet', () => {
    expect(supervisionHeadline({ overdue: false, dueSoon: false, daysOverdue: 0, nextDueOn: null })).toBe(
      'No supervision is due yet.',
    );
  });
});
