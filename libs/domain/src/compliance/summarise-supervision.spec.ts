import fc from 'fast-check';
import { addDays } from '../calendar/add-days.js';
import { summariseSupervision as sut } from './summarise-supervision.js';
import {
  DEFAULT_SUPERVISION_POLICY,
  type SupervisionFacts,
  type SupervisionSessionFacts,
} from './supervision.types.js';

/** A Monday. Day 1 is the start; day 42 is 2025-02-16, day 43 is 2025-02-17; 6 months is 2025-07-06. */
const START = '2025-01-06';

const session = (date: string, minutes = 90, kind: SupervisionSessionFacts['kind'] = 'REFLECTIVE') => ({
  date,
  minutes,
  kind,
});
const nqsw = (sessions: SupervisionSessionFacts[] = []): SupervisionFacts => ({
  nqswStartedOn: START,
  sessions,
});

describe('summariseSupervision', () => {
  describe('NQSW phases: weekly for 6 weeks, fortnightly until 6 months, monthly after', () => {
    it.each<[string | null, string, string]>([
      [null, '2025-01-13', 'nothing yet: a week from the start'],
      ['2025-01-06', '2025-01-13', 'seen on the first day'],
      ['2025-02-09', '2025-02-16', 'seen on day 35: due on day 42, the last weekly day'],
      ['2025-02-10', '2025-02-24', 'seen on day 36: a week later is day 43, fortnightly, so a fortnight'],
      ['2025-02-16', '2025-03-02', 'seen on day 42'],
      ['2025-02-17', '2025-03-03', 'seen on day 43'],
      ['2025-06-21', '2025-07-05', 'seen 15 days before 6 months: a fortnight, still before 6 months'],
      ['2025-06-22', '2025-07-22', 'seen 14 days before 6 months: a fortnight lands on 6 months, so monthly'],
      ['2025-07-06', '2025-08-06', 'seen on the 6-month day'],
      ['2025-12-31', '2026-01-31', 'seen in the monthly phase'],
    ])('should, last seen %s, set the next session due on %s (%s)', (last, due, _label) => {
      const summary = sut(nqsw(last === null ? [] : [session(last)]), '2026-03-01');
      expect(summary.nextDueOn).toBe(due);
      expect(summary.lastQualifyingOn).toBe(last);
    });

    it.each([
      ['2025-02-16', 7, 'DAYS', 'day 42'],
      ['2025-02-17', 14, 'DAYS', 'day 43'],
      ['2025-07-05', 14, 'DAYS', 'the day before 6 months'],
      ['2025-07-06', 1, 'MONTHS', '6 months'],
    ])('should, on %s, be in the phase of every %d %s (%s)', (today, count, unit, _label) => {
      expect(sut(nqsw(), today).everyNow).toEqual({ count, unit });
    });
  });

  describe('overdue and upcoming', () => {
    it.each([
      ['2025-01-09', false, 0, false, 'four days before'],
      ['2025-01-10', false, 0, true, 'three days before'],
      ['2025-01-13', false, 0, true, 'on the due date'],
      ['2025-01-14', true, 1, false, 'the day after'],
      ['2025-01-27', true, 14, false, 'two weeks after'],
    ])(
      'should, on %s, say overdue %s by %d days, due soon %s (%s)',
      (today, overdue, daysOverdue, dueSoon, _label) => {
        expect(sut(nqsw([session(START)]), today)).toMatchObject({
          nextDueOn: '2025-01-13',
          overdue,
          daysOverdue,
          dueSoon,
        });
      },
    );
  });

  describe('what counts', () => {
    it.each<[string, SupervisionSessionFacts, boolean]>([
      ['exactly 90 minutes', session('2025-01-10', 90), true],
      ['89 minutes', session('2025-01-10', 89), false],
      ['a group session', session('2025-01-10', 120, 'GROUP'), true],
      ['a case-management session', session('2025-01-10', 120, 'CASE_MANAGEMENT'), true],
      ['a session after today', session('2025-01-12', 120), false],
    ])('should count %s: %s', (_label, extra, counts) => {
      const summary = sut(nqsw([session(START), extra]), '2025-01-11');
      expect(summary.lastQualifyingOn).toBe(counts ? '2025-01-10' : START);
      expect(summary.qualifyingSessions).toBe(counts ? 2 : 1);
    });

    it('should count sessions under the minimum length', () => {
      const sessions = [
        session(START, 60),
        session('2025-01-08', 89),
        session('2025-01-09', 90),
        session('2025-03-01', 30),
      ];
      expect(sut(nqsw(sessions), '2025-01-20').sessionsUnderMinimum).toBe(2);
    });

    it('should follow an organisation that does not count group sessions', () => {
      const policy = {
        ...DEFAULT_SUPERVISION_POLICY,
        countsKinds: ['REFLECTIVE', 'CASE_MANAGEMENT'] as const,
      };
      const summary = sut(nqsw([session(START), session('2025-01-10', 120, 'GROUP')]), '2025-01-11', policy);
      expect(summary.lastQualifyingOn).toBe(START);
    });

    it('should follow an organisation’s own frequency (fortnightly for all NQSWs)', () => {
      const policy = {
        ...DEFAULT_SUPERVISION_POLICY,
        nqswPhases: [{ until: null, every: { unit: 'DAYS' as const, count: 14 } }],
      };
      expect(sut(nqsw([session('2025-01-07')]), '2025-01-08', policy).nextDueOn).toBe('2025-01-21');
    });
  });

  describe('after a stage change: the frequency changes, the clock does not restart', () => {
    it('should count an NQSW promoted after nine months without supervision as overdue', () => {
      const summary = sut(
        { nqswStartedOn: START, nqswEndedOn: '2025-10-06', sessions: [session(START)] },
        '2025-10-10',
      );

      expect(summary).toMatchObject({
        lastQualifyingOn: START,
        nextDueOn: '2025-01-13',
        overdue: true,
        everyNow: { unit: 'MONTHS', count: 1 },
      });
      expect(summary.daysOverdue).toBe(270);
    });

    it.each<[string, string | null, string, boolean]>([
      ['still an NQSW: fortnightly from the last session', null, '2025-03-15', true],
      ['promoted two days after it: monthly from the same session', '2025-03-03', '2025-04-01', false],
    ])('should, %s, set the next session', (_label, nqswEndedOn, nextDueOn, overdue) => {
      const summary = sut(
        { nqswStartedOn: START, nqswEndedOn, sessions: [session('2025-03-01')] },
        '2025-03-20',
      );

      expect(summary).toMatchObject({ lastQualifyingOn: '2025-03-01', nextDueOn, overdue });
    });

    it('should keep the NQSW frequency up to the day of the change', () => {
      const summary = sut(
        { nqswStartedOn: START, nqswEndedOn: '2025-03-03', sessions: [session('2025-01-20')] },
        '2025-01-25',
      );

      expect(summary).toMatchObject({ nextDueOn: '2025-01-27', everyNow: { unit: 'DAYS', count: 7 } });
    });
  });

  describe('everyone else: monthly', () => {
    it.each<[SupervisionFacts, string | null]>([
      [{ nqswStartedOn: null, inPostSince: '2025-01-31', sessions: [] }, '2025-02-28'],
      [{ nqswStartedOn: null, inPostSince: '2025-01-31', sessions: [session('2025-03-31')] }, '2025-04-30'],
      [{ nqswStartedOn: null, sessions: [session('2024-12-15')] }, '2025-01-15'],
      [{ nqswStartedOn: null, sessions: [] }, null],
    ])('should set the next session due for %j on %s', (facts, due) => {
      const summary = sut(facts, '2025-05-01');
      expect(summary.nextDueOn).toBe(due);
      expect(summary.overdue).toBe(due !== null && due < '2025-05-01');
    });

    it('should count a session before the NQSW started from the start instead', () => {
      expect(sut(nqsw([session('2024-12-20')]), '2025-01-07').nextDueOn).toBe('2025-01-13');
    });
  });

  it('should always set the next session after the last one and after the start', () => {
    const date = fc.integer({ min: -30, max: 400 }).map((n) => addDays(START, n));
    fc.assert(
      fc.property(fc.array(date, { maxLength: 8 }), (dates) => {
        const summary = sut(nqsw(dates.map((d) => session(d))), '2026-06-01');
        expect(summary.nextDueOn! > START).toBe(true);
        if (summary.lastQualifyingOn !== null)
          expect(summary.nextDueOn! > summary.lastQualifyingOn).toBe(true);
      }),
    );
  });

  it('should never set the next session earlier because a later session was held', () => {
    const offset = fc.integer({ min: 0, max: 400 });
    fc.assert(
      fc.property(offset, fc.integer({ min: 1, max: 60 }), (a, gap) => {
        const first = sut(nqsw([session(addDays(START, a))]), '2026-06-01').nextDueOn!;
        const later = sut(
          nqsw([session(addDays(START, a)), session(addDays(START, a + gap))]),
          '2026-06-01',
        ).nextDueOn!;
        expect(later >= first).toBe(true);
      }),
    );
  });
});
