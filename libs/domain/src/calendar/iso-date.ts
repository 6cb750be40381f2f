/** A day of the calendar as `YYYY-MM-DD` (reference §3.3: CPD dates are days, not instants). */
export type IsoDate = string;
