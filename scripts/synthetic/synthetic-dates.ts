// Dates in the synthetic data: ISO days (YYYY-MM-DD) counted in whole days since the epoch, UTC.
export const DAY = 86_400_000;
export const toDays = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
export const fromDays = (days: number) => new Date(Math.round(days) * DAY).toISOString().slice(0, 10);
export const addDays = (iso: string, n: number) => fromDays(toDays(iso) + n);
export const minDate = (a: string, b: string) => (a < b ? a : b);
export const maxDate = (a: string, b: string) => (a > b ? a : b);
export const at = (iso: string, hour: number, minute = 0) =>
  `${iso}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`;
