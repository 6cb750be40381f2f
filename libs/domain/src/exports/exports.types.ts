/** Where a subject access export stands: waiting for the job queue, being made, ready, or failed. */
export const SUBJECT_ACCESS_EXPORT_STATUSES = ['QUEUED', 'RUNNING', 'READY', 'FAILED'] as const;
export type SubjectAccessExportStatus = (typeof SUBJECT_ACCESS_EXPORT_STATUSES)[number];
