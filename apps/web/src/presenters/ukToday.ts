const UK_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The UK calendar day of an instant, as the API's dates are written: "2026-12-03". */
export function ukToday(now: Date): string {
  return UK_DAY.format(now);
}
