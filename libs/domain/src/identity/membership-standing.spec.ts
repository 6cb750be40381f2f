import fc from 'fast-check';
import { addDays } from '../calendar/add-days.js';
import { membershipStanding, type MembershipDates } from './membership-standing.js';

describe('membershipStanding', () => {
  const m = (over: Partial<MembershipDates>): MembershipDates => ({
    active: true,
    endsOn: null,
    leaverRetentionDays: 90,
    ...over,
  });

  it.each([
    ['a member with no end', m({}), '2026-12-02', { kind: 'CURRENT', endsOn: null, accessUntil: null }],
    [
      'closed without a date',
      m({ active: false }),
      '2026-12-02',
      { kind: 'ENDED', endsOn: null, accessUntil: null },
    ],
    [
      'an end set for tomorrow',
      m({ endsOn: '2026-12-03' }),
      '2026-12-02',
      { kind: 'CURRENT', endsOn: '2026-12-03', accessUntil: '2027-03-03' },
    ],
    [
      'the end day itself',
      m({ endsOn: '2026-12-02' }),
      '2026-12-02',
      { kind: 'LEAVER', endsOn: '2026-12-02', accessUntil: '2027-03-02' },
    ],
    [
      'closed early, end still ahead',
      m({ active: false, endsOn: '2026-12-10' }),
      '2026-12-02',
      { kind: 'LEAVER', endsOn: '2026-12-10', accessUntil: '2027-03-10' },
    ],
    [
      'the last day of the retention period',
      m({ active: false, endsOn: '2026-12-02' }),
      '2027-03-01',
      { kind: 'LEAVER', endsOn: '2026-12-02', accessUntil: '2027-03-02' },
    ],
    [
      'the day the retention period ends',
      m({ active: false, endsOn: '2026-12-02' }),
      '2027-03-02',
      { kind: 'ENDED', endsOn: '2026-12-02', accessUntil: '2027-03-02' },
    ],
    [
      'a retention period of one day',
      m({ active: false, endsOn: '2026-12-02', leaverRetentionDays: 1 }),
      '2026-12-03',
      { kind: 'ENDED', endsOn: '2026-12-02', accessUntil: '2026-12-03' },
    ],
  ])('should judge %s', (_, dates, today, expected) => {
    expect(membershipStanding(dates, today)).toEqual(expected);
  });

  it('should give leaver access for exactly the retention period, whatever the dates', () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2020-01-01', n));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 3650 }),
        fc.integer({ min: -400, max: 4000 }),
        (endsOn, days, offset) => {
          const today = addDays(endsOn, offset);
          const standing = membershipStanding({ active: false, endsOn, leaverRetentionDays: days }, today);
          const expected = offset < 0 || offset < days ? 'LEAVER' : 'ENDED';
          expect(standing.kind).toBe(expected);
        },
      ),
    );
  });
});
