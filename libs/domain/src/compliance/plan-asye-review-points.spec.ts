import fc from 'fast-check';
import { addDays } from '../calendar/add-days.js';
import { asyeDueDate } from './asye-due-date.js';
import type { AsyePauseFacts, AsyePolicy } from './asye.types.js';
import { DEFAULT_ASYE_POLICY } from './asye.types.js';
import { daysBetween } from '../calendar/days-between.js';
import { planAsyeReviewPoints as sut } from './plan-asye-review-points.js';

const pause = (startsOn: string, endsOn: string | null): AsyePauseFacts => ({
  startsOn,
  endsOn,
  reason: 'SICKNESS',
});

describe('planAsyeReviewPoints', () => {
  it.each<[string, string, AsyePauseFacts[], (string | null)[]]>([
    ['no pauses', '2025-01-15', [], ['2025-04-15', '2025-07-15', '2026-01-15']],
    ['a start at the end of a long month', '2025-08-31', [], ['2025-11-30', '2026-02-28', '2026-08-31']],
    ['a start on a leap day', '2024-02-29', [], ['2024-05-29', '2024-08-29', '2025-02-28']],
    [
      'a 10-day pause before 3 months',
      '2025-01-15',
      [pause('2025-03-01', '2025-03-10')],
      ['2025-04-25', '2025-07-25', '2026-01-25'],
    ],
    [
      'a pause starting on the due date',
      '2025-01-15',
      [pause('2025-04-15', '2025-04-16')],
      ['2025-04-17', '2025-07-17', '2026-01-17'],
    ],
    [
      'a pause starting the day after',
      '2025-01-15',
      [pause('2025-04-16', '2025-04-20')],
      ['2025-04-15', '2025-07-20', '2026-01-20'],
    ],
    [
      'a second pause that only falls before the moved date',
      '2025-01-15',
      [pause('2025-04-20', '2025-04-21'), pause('2025-04-01', '2025-04-10')],
      ['2025-04-27', '2025-07-27', '2026-01-27'],
    ],
    ['an open pause after 3 months', '2025-01-15', [pause('2025-05-01', null)], ['2025-04-15', null, null]],
    [
      'a pause after the end',
      '2025-01-15',
      [pause('2026-02-01', '2026-02-10')],
      ['2025-04-15', '2025-07-15', '2026-01-15'],
    ],
  ])('should plan with %s', (_label, startDate, pauses, expected) => {
    expect(sut(startDate, pauses).map((p) => p.dueOn)).toEqual(expected);
  });

  it('should label points with the policy’s codes and months', () => {
    expect(sut('2025-01-15', []).map((p) => [p.code, p.monthsAfterStart])).toEqual([
      ['THREE_MONTH', 3],
      ['SIX_MONTH', 6],
      ['FINAL', 12],
    ]);
  });

  it('should follow an organisation’s own review points', () => {
    const policy: AsyePolicy = {
      ...DEFAULT_ASYE_POLICY,
      reviewPoints: [
        { code: 'BASELINE', monthsAfterStart: 0 },
        { code: 'THREE', monthsAfterStart: 3 },
        { code: 'SIX', monthsAfterStart: 6 },
        { code: 'ELEVEN', monthsAfterStart: 11 },
      ],
    };
    expect(sut('2025-01-15', [], policy).map((p) => p.dueOn)).toEqual([
      '2025-01-15',
      '2025-04-15',
      '2025-07-15',
      '2025-12-15',
    ]);
  });

  it('should move a due date by exactly the days paused before it, never earlier', () => {
    const offset = fc.integer({ min: 0, max: 80 });
    fc.assert(
      fc.property(
        offset,
        fc.integer({ min: 0, max: 30 }),
        offset,
        fc.integer({ min: 0, max: 30 }),
        (a, lenA, gap, lenB) => {
          const start = '2025-01-15';
          const first = pause(addDays(start, a), addDays(start, a + lenA));
          const second = pause(addDays(start, a + lenA + 1 + gap), addDays(start, a + lenA + 1 + gap + lenB));
          const plain = asyeDueDate(start, 3, [])!;
          const moved = asyeDueDate(start, 3, [second, first])!;
          const firstDays = first.startsOn <= plain ? lenA + 1 : 0;
          const secondCounts = second.startsOn <= addDays(plain, firstDays);
          const expected = firstDays + (secondCounts ? lenB + 1 : 0);
          expect(daysBetween(plain, moved)).toBe(expected);
        },
      ),
    );
  });
});
