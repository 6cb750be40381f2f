/** What a notification is about; each kind is created by the scheduled reminder scan. */
export const NOTIFICATION_KINDS = [
  'CPD_DEADLINE',
  'REVIEW_WAITING',
  'ASYE_REVIEW_DUE',
  'SUPERVISION_OVERDUE',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Days a submission may wait for the reviewer's decision before the reviewer is reminded, unless
 * the organisation sets its own target. Not a national rule: two working weeks is a common local one.
 */
export const DEFAULT_REVIEW_TURNAROUND_DAYS = 14;
