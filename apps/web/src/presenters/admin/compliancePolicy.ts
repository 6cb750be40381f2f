import type { FormErrors } from '../../forms.js';
import { errorsFor } from '../../forms.js';

/** The compliance policy's numeric settings, each as the form names and words it. */
export const POLICY_FIELDS = {
  reviewTurnaroundDays: 'Review turnaround target',
  supervisionDueSoonDays: 'Supervision due soon',
  supervisionMinMinutes: 'Shortest supervision that counts',
  asyeProtectedTimePercent: 'ASYE protected development time',
  asyeReviewDueSoonDays: 'ASYE review point due soon',
  asyeMaxMonthsSinceQualifying: 'Longest time from qualifying to the ASYE',
  cpdReminderDays: 'CPD reminders',
} as const;

export type PolicyField = keyof typeof POLICY_FIELDS;
/** What the form shows: exactly what was typed, so a refused value is never lost. */
export type PolicyValues = Record<PolicyField, string>;

export interface PolicyInput {
  reviewTurnaroundDays: number;
  supervisionDueSoonDays: number;
  supervisionMinMinutes: number;
  asyeProtectedTimePercent: number;
  asyeReviewDueSoonDays: number;
  asyeMaxMonthsSinceQualifying: number | null;
  cpdReminderDays: number[];
}

const WHOLE_NUMBER = /^\d{1,6}$/;

/** The policy as the API holds it, in the form's words ("60, 30, 7"; blank for no ASYE limit). */
export function policyValuesOf(policy: PolicyInput): PolicyValues {
  return {
    reviewTurnaroundDays: String(policy.reviewTurnaroundDays),
    supervisionDueSoonDays: String(policy.supervisionDueSoonDays),
    supervisionMinMinutes: String(policy.supervisionMinMinutes),
    asyeProtectedTimePercent: String(policy.asyeProtectedTimePercent),
    asyeReviewDueSoonDays: String(policy.asyeReviewDueSoonDays),
    asyeMaxMonthsSinceQualifying:
      policy.asyeMaxMonthsSinceQualifying === null ? '' : String(policy.asyeMaxMonthsSinceQualifying),
    cpdReminderDays: policy.cpdReminderDays.join(', '),
  };
}

/** What was posted, trimmed, as the form's values. */
export function policyValuesFrom(body: Record<string, unknown>): PolicyValues {
  const values = {} as PolicyValues;
  for (const field of Object.keys(POLICY_FIELDS) as PolicyField[])
    values[field] = typeof body[field] === 'string' ? body[field].trim() : '';
  return values;
}

/**
 * Reads the form into the API's input, or says which fields are not whole numbers. The ranges are the
 * API's to check (it names the field it refuses), so they are not repeated here.
 */
export function policyInputFrom(
  values: PolicyValues,
): { ok: true; input: PolicyInput } | { ok: false; errors: FormErrors } {
  const problems: { field: string; text: string }[] = [];
  const whole = (field: PolicyField): number => {
    if (!WHOLE_NUMBER.test(values[field]))
      problems.push({
        field,
        text: values[field]
          ? `${POLICY_FIELDS[field]} must be a whole number`
          : `Enter the ${POLICY_FIELDS[field].charAt(0).toLowerCase()}${POLICY_FIELDS[field].slice(1)}`,
      });
    return Number(values[field]);
  };
  const reviewTurnaroundDays = whole('reviewTurnaroundDays');
  const supervisionDueSoonDays = whole('supervisionDueSoonDays');
  const supervisionMinMinutes = whole('supervisionMinMinutes');
  const asyeProtectedTimePercent = whole('asyeProtectedTimePercent');
  const asyeReviewDueSoonDays = whole('asyeReviewDueSoonDays');
  const asyeMaxMonthsSinceQualifying = values.asyeMaxMonthsSinceQualifying
    ? whole('asyeMaxMonthsSinceQualifying')
    : null;
  const days = values.cpdReminderDays.split(/[\s,]+/).filter(Boolean);
  if (!days.length || !days.every((d) => WHOLE_NUMBER.test(d)))
    problems.push({
      field: 'cpdReminderDays',
      text: 'CPD reminders must be whole numbers of days, separated by commas, like 60, 30, 7',
    });
  if (problems.length) return { ok: false, errors: errorsFor(problems) };
  return {
    ok: true,
    input: {
      reviewTurnaroundDays,
      supervisionDueSoonDays,
      supervisionMinMinutes,
      asyeProtectedTimePercent,
      asyeReviewDueSoonDays,
      asyeMaxMonthsSinceQualifying,
      // Largest first, as people say them ("60, 30 and 7 days before").
      cpdReminderDays: [...new Set(days.map(Number))].sort((a, b) => b - a),
    },
  };
}

/** What a reminder scan did, in plain sentences. */
export function reminderScanSummary(run: {
  status: 'ALREADY_QUEUED' | 'ALREADY_RUNNING' | 'COMPLETED' | 'QUEUED';
  counts?: {
    cpdDeadline: number;
    reviewWaiting: number;
    asyeReviewDue: number;
    supervisionOverdue: number;
    emailed: number;
  } | null;
}): { headline: string; rows: { kind: string; count: number }[] } {
  if (run.status === 'QUEUED')
    return { headline: 'The reminder scan is queued and will run in a moment.', rows: [] };
  if (run.status === 'ALREADY_QUEUED')
    return { headline: 'A reminder scan is already waiting to run; no second one was queued.', rows: [] };
  if (run.status === 'ALREADY_RUNNING')
    return { headline: 'A reminder scan is running now; no second one was started.', rows: [] };
  const c = run.counts ?? {
    cpdDeadline: 0,
    reviewWaiting: 0,
    asyeReviewDue: 0,
    supervisionOverdue: 0,
    emailed: 0,
  };
  const stored = c.cpdDeadline + c.reviewWaiting + c.asyeReviewDue + c.supervisionOverdue;
  return {
    headline:
      stored === 0
        ? 'The reminder scan ran. No new reminders were due: everyone already has the ones they need.'
        : `The reminder scan ran and stored ${stored} new ${stored === 1 ? 'reminder' : 'reminders'}.`,
    rows: [
      { kind: 'CPD deadline approaching', count: c.cpdDeadline },
      { kind: 'Evidence waiting for review', count: c.reviewWaiting },
      { kind: 'ASYE review point due', count: c.asyeReviewDue },
      { kind: 'Supervision overdue', count: c.supervisionOverdue },
      { kind: 'Emails sent', count: c.emailed },
    ],
  };
}
