import fc from 'fast-check';
import { dueCpdReminders as sut } from './due-cpd-reminders.js';

describe('dueCpdReminders', () => {
  it.each<[number, boolean, number[], number | null, string]>([
    [61, false, [], null, 'before the first threshold'],
    [60, false, [], 60, 'on the 60-day threshold'],
    [45, false, [], 60, 'between 60 and 30, 60 not yet sent'],
    [45, false, [60], null, 'between 60 and 30, 60 already sent'],
    [30, false, [60], 30, 'on the 30-day threshold'],
    [25, false, [], 30, 'at 25 days with nothing sent: 30, never a late 60'],
    [25, false, [30], null, 'at 25 days with 30 sent, even though 60 was missed'],
    [7, false, [60, 30], 7, 'on the 7-day threshold'],
    [0, false, [60, 30], 7, 'on the deadline day with 7 not yet sent'],
    [0, false, [60, 30, 7], null, 'on the deadline day with every reminder sent'],
    [-1, false, [], null, 'after the deadline'],
    [10, true, [], null, 'when the requirements are met'],
  ])('should give at %d days left (met %s, sent %j) %j: %s', (daysLeft, met, sent, expected, _label) => {
    expect(sut({ daysLeft, met, sentThresholds: sent })).toBe(expected);
  });

  it('should use the thresholds given', () => {
    expect(sut({ daysLeft: 14, met: false, sentThresholds: [] }, [14, 1])).toBe(14);
    expect(sut({ daysLeft: 13, met: false, sentThresholds: [14] }, [14, 1])).toBeNull();
    expect(sut({ daysLeft: 1, met: false, sentThresholds: [14] }, [14, 1])).toBe(1);
  });

  it('should send each threshold at most once, largest first, when a scheduler runs every day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 120 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 90 }), { maxLength: 5 }),
        (start, thresholds) => {
          const sent: number[] = [];
          for (let daysLeft = start; daysLeft >= -3; daysLeft -= 1) {
            const due = sut({ daysLeft, met: false, sentThresholds: sent }, thresholds);
            if (due !== null) sent.push(due);
          }
          expect(new Set(sent).size).toBe(sent.length);
          expect([...sent].sort((a, b) => b - a)).toEqual(sent);
          // The first run sends the smallest threshold at or above the days left; then each one below as reached.
          const first = thresholds.filter((t) => t >= start).sort((a, b) => a - b)[0];
          const later = thresholds.filter((t) => t < start);
          const expected = [...(first === undefined ? [] : [first]), ...later].sort((a, b) => b - a);
          expect(sent).toEqual(expected);
        },
      ),
    );
  });
});
