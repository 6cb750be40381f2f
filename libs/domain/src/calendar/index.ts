// Days of the calendar, shared by every area of the domain. Only what callers outside the domain use is public.
export type { IsoDate } from './iso-date.js';
export { isDateInRange } from './is-date-in-range.js';
