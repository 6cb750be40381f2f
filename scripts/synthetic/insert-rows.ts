import type pg from 'pg';

export interface Column {
  name: string;
  /** The column's PostgreSQL type: values travel as text and are cast to it. */
  type: string;
}

export type Cell = string | number | boolean | null;

/**
 * One set-based INSERT for many rows: every column travels as one text array and `unnest` turns the
 * arrays back into rows, so 10,000 rows cost one round trip and one statement.
 */
export async function insertRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const arrays = columns.map((_, c) => rows.map((r) => (r[c] === null ? null : String(r[c]))));
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const casts = columns.map((c, i) => `u.c${i}::${c.type}`).join(', ');
  const unnest = columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  const result = await client.query(
    `INSERT INTO "${table}" (${names}) SELECT ${casts} FROM unnest(${unnest}) AS u(${aliases})`,
    arrays,
  );
  return result.rowCount ?? rows.length;
}

/** Rows for one table, inserted in chunks as they accumulate. */
export class RowBuffer {
  private rows: Cell[][] = [];
  inserted = 0;

  constructor(
    readonly table: string,
    readonly columns: readonly Column[],
  ) {}

  get pending(): number {
    return this.rows.length;
  }

  push(row: Cell[]): void {
    if (row.length !== this.columns.length) {
      throw new Error(`${this.table}: expected ${this.columns.length} values, got ${row.length}`);
    }
    this.rows.push(row);
  }

  async flush(client: pg.ClientBase): Promise<void> {
    const rows = this.rows;
    this.rows = [];
    this.inserted += await insertRows(client, this.table, this.columns, rows);
  }
}
