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

const HOUR_MS = 3_600_000;
/** Offsets by UTC hour: formatting a date in a time zone is slow, and the offset only changes on the hour. */
const byHour = new Map<number, number>();

/**
 * How far UK time is ahead of UTC at `instant`, in minutes: 0 in GMT (winter), 60 in BST (from
 * 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October). Uses the
 * time-zone database built into the JavaScript runtime, so past and future rule changes are covered.
 */
export function londonUtcOffsetMinutes(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new TypeError('Expected a valid Date');
  const hour = Math.floor(ms / HOUR_MS);
  const known = byHour.get(hour);
  if (known !== undefined) return known;
  const part: Record<string, number> = {};
  for (const { type, value } of LONDON.formatToParts(new Date(hour * HOUR_MS))) part[type] = Number(value);
  const wall = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
  const offset = (wall - hour * HOUR_MS) / 60_000;
  if (byHour.size >= 10_000) byHour.clear();
  byHour.set(hour, offset);
  return offset;
}
