/** Wall-clock parts in Europe/London; `h23` so midnight is hour 0, never 24. */
const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/**
 * How far UK time is ahead of UTC at `instant`, in minutes: 0 in GMT (winter), 60 in BST (from
 * 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October). Uses the
 * time-zone database built into the JavaScript runtime, so past and future rule changes are covered.
 */
export function londonUtcOffsetMinutes(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new TypeError('Expected a valid Date');
  const part: Record<string, number> = {};
  for (const { type, value } of LONDON.formatToParts(instant)) part[type] = Number(value);
  const wall = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
  const wholeSecond = ms - (((ms % 1000) + 1000) % 1000);
  return (wall - wholeSecond) / 60_000;
}
