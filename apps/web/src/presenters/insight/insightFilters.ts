import { errorsFor, type FormErrors } from '../../forms.js';

/** The dashboard's filters as the GET form sends them; empty strings mean "not chosen". */
export interface InsightFilters {
  teamId: string;
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isRealDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Reads the query string; anything but a single string counts as not chosen. */
export function insightFiltersFrom(query: Record<string, unknown>): InsightFilters {
  const one = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  return { teamId: one(query.teamId), from: one(query.from), to: one(query.to) };
}

/** Dates a person can fix before the API is asked: a real day each, the first not after the last. */
export function insightFilterErrors(filters: InsightFilters): FormErrors | undefined {
  const problems: { field: string; text: string }[] = [];
  if (filters.from && !isRealDay(filters.from))
    problems.push({ field: 'from', text: 'Enter the first day as a real date, like 2026-01-31' });
  if (filters.to && !isRealDay(filters.to))
    problems.push({ field: 'to', text: 'Enter the last day as a real date, like 2026-12-31' });
  if (!problems.length && filters.from && filters.to && filters.from > filters.to)
    problems.push({ field: 'from', text: 'The first day must be on or before the last day' });
  return problems.length ? errorsFor(problems) : undefined;
}

/** The same filters as a query string, for the CSV links: "?teamId=…&from=…". */
export function insightQueryString(filters: InsightFilters): string {
  const params = new URLSearchParams(
    Object.entries(filters).filter((entry): entry is [string, string] => entry[1] !== ''),
  ).toString();
  return params ? `?${params}` : '';
}

/** Variables for the WorkforceInsight operation: only what was chosen. */
export function insightVariables(filters: InsightFilters): { teamId?: string; from?: string; to?: string } {
  return {
    ...(filters.teamId ? { teamId: filters.teamId } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
}
