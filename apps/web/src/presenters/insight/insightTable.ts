import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';

/** One part's figures as rows: what the page shows as a table and what its CSV download holds. */
export interface InsightTable {
  caption: string;
  head: string[];
  rows: string[][];
}

/**
 * The table as a CSV stream, header first: the download holds exactly what the page shows. A byte order
 * mark, so spreadsheets read names with accents as UTF-8.
 */
export function insightTableCsv(table: InsightTable): Readable {
  return Readable.from([table.head, ...table.rows]).pipe(stringify({ bom: true }));
}

/** What the page writes where the API withholds a small group's figures. */
export function suppressionText(minGroupSize: number): string {
  return `Fewer than ${minGroupSize} people: not shown`;
}

/** 0.625 → "63%"; null → "No figures". */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? 'No figures' : `${Math.round(share * 100)}%`;
}

/** Days to one decimal place, without a trailing ".0": 4 → "4 days", 1 → "1 day", null → "No decisions". */
export function days(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'No decisions';
  const rounded = Math.round(value * 10) / 10;
  return `${rounded} ${rounded === 1 ? 'day' : 'days'}`;
}
