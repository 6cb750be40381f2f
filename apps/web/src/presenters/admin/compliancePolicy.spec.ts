import { policyInputFrom, policyValuesOf, reminderScanSummary } from './compliancePolicy.js';

const POLICY = {
  reviewTurnaroundDays: 14,
  supervisionDueSoonDays: 7,
  supervisionMinMinutes: 90,
  asyeProtectedTimePercent: 10,
  asyeReviewDueSoonDays: 14,
  asyeMaxMonthsSinceQualifying: null,
  cpdReminderDays: [60, 30, 7],
};

describe('compliancePolicy', () => {
  it('should read back the values it shows', () => {
    const values = policyValuesOf(POLICY);
    expect(values.cpdReminderDays).toBe('60, 30, 7');
    expect(values.asyeMaxMonthsSinceQualifying).toBe('');
    expect(policyInputFrom(values)).toEqual({ ok: true, input: POLICY });
  });

  it('should sort and de-duplicate the CPD reminder days', () => {
    const values = { ...policyValuesOf(POLICY), cpdReminderDays: '7 30,60, 30' };
    const result = policyInputFrom(values);
    expect(result.ok && result.input.cpdReminderDays).toEqual([60, 30, 7]);
  });

  it('should name each field that is not a whole number, linked to it', () => {
    const values = {
      ...policyValuesOf(POLICY),
      reviewTurnaroundDays: 'two weeks',
      supervisionMinMinutes: '',
    };
    const result = policyInputFrom(values);
    expect(!result.ok && result.errors.list).toEqual([
      { text: 'Review turnaround target must be a whole number', href: '#reviewTurnaroundDays' },
      { text: 'Enter the shortest supervision that counts', href: '#supervisionMinMinutes' },
    ]);
  });

  it('should refuse CPD reminder days that are not numbers', () => {
    const result = policyInputFrom({ ...policyValuesOf(POLICY), cpdReminderDays: '60, soon' });
    expect(!result.ok && Object.keys(result.errors.byField)).toEqual(['cpdReminderDays']);
  });

  it('should say what a scan that ran did, and that a queued one will run', () => {
    const ran = reminderScanSummary({
      status: 'COMPLETED',
      counts: { cpdDeadline: 2, reviewWaiting: 1, asyeReviewDue: 0, supervisionOverdue: 0, emailed: 3 },
    });
    expect(ran.headline).toBe('The reminder scan ran and stored 3 new reminders.');
    expect(ran.rows).toContainEqual({ kind: 'Emails sent', count: 3 });
    expect(reminderScanSummary({ status: 'QUEUED' }).rows).toEqual([]);
    expect(reminderScanSummary({ status: 'COMPLETED', counts: null }).headline).toMatch(/No new reminders/);
  });
});
