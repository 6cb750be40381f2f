/** A date as the GOV.UK date input posts it: three boxes. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

const ukDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** Today in the UK as YYYY-MM-DD (the API judges dates by the UK day). */
export function ukToday(now: Date): string {
  return ukDay.format(now);
}

/** The three boxes of `prefix` from a posted body, trimmed. */
export function datePartsFrom(body: Record<string, unknown>, prefix: string): DateParts {
  const part = (name: string) => String(body[`${prefix}-${name}`] ?? '').trim();
  return { day: part('day'), month: part('month'), year: part('year') };
}

export function datePartsOf(iso: string | null | undefined): DateParts {
  const [year = '', month = '', day = ''] = (iso ?? '').split('-');
  return { day: day.replace(/^0/, ''), month: month.replace(/^0/, ''), year };
}

export function isBlank(parts: DateParts): boolean {
  return !parts.day && !parts.month && !parts.year;
}

/**
 * The boxes as YYYY-MM-DD, or why not, in the words the GOV.UK pattern uses for `label`
 * ("Starts on must be a real date").
 */
export function isoDateFrom(
  parts: DateParts,
  label: string,
): { ok: true; value: string } | { ok: false; message: string } {
  if (isBlank(parts)) return { ok: false, message: `Enter the date for ${label.toLowerCase()}` };
  const missing = (['day', 'month', 'year'] as const).filter((k) => !parts[k]);
  if (missing.length) return { ok: false, message: `${label} must include a ${missing.join(' and ')}` };
  if (![parts.day, parts.month, parts.year].every((p) => /^\d+$/.test(p)) || parts.year.length !== 4)
    return { ok: false, message: `${label} must be a real date` };
  const [day, month, year] = [Number(parts.day), Number(parts.month), Number(parts.year)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return { ok: false, message: `${label} must be a real date` };
  return { ok: true, value: date.toISOString().slice(0, 10) };
}

/** YYYY-MM-DD plus whole days. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
