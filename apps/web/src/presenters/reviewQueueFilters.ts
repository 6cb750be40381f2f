import type { PageCursor } from './paging.js';

/** The review queue's filters as the GET form sends them, kept as typed to show them again. */
export interface QueueFilters {
  practitioner: string;
  kind: string;
  item: string;
  minWaitingDays: string;
}

const MAX_WAITING_DAYS = 3650;

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Reads the query string; "waiting at least" must be a whole number of days (0 to 3650) to be used. */
export function readQueueFilters(query: Record<string, unknown>): {
  filters: QueueFilters;
  minWaitingDays: number | undefined;
  problems: { field: string; text: string }[];
} {
  const filters = {
    practitioner: text(query.practitioner),
    kind: text(query.kind),
    item: text(query.item),
    minWaitingDays: text(query.minWaitingDays),
  };
  const days = filters.minWaitingDays === '' ? undefined : Number(filters.minWaitingDays);
  const valid =
    days === undefined ||
    (/^\d+$/.test(filters.minWaitingDays) && Number.isInteger(days) && days <= MAX_WAITING_DAYS);
  return {
    filters,
    minWaitingDays: valid ? days : undefined,
    problems: valid
      ? []
      : [{ field: 'minWaitingDays', text: 'Enter the days waiting as a whole number, like 7' }],
  };
}

/** The queue's address with these filters (empty ones left out) and, for another page, its cursor. */
export function reviewQueueUrl(filters: QueueFilters, cursor: PageCursor = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  for (const [key, value] of Object.entries(cursor)) params.set(key, value);
  const query = params.toString();
  return `/reviews${query ? `?${query}` : ''}`;
}
