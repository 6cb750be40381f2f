import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * A keyset page as a list's repository is asked for it: the sort key of the cursor row (null for the
 * start of the list, or its end when `backward`), and how many rows to read.
 */
export interface KeysetPage<K extends readonly (string | number)[]> {
  cursor: K | null;
  backward: boolean;
  limit: number;
}

/** A column of a list's sort key, with the type its cursor part is cast to in SQL. */
export interface KeysetColumn {
  expression: string;
  type: 'timestamptz' | 'date' | 'uuid' | 'bigint' | 'text' | 'numeric';
}

/**
 * Reads one keyset page of `qb` (its filters already applied) and gives the rows back in the list's
 * own order, `order` on every column of the key. Forward it reads from the cursor on in that order;
 * backward it reads in the reverse order from the cursor (so the `limit` rows nearest it, an index
 * scan backwards) and reverses them here. The cursor's parts are bound as parameters, cast to each
 * column's type.
 */
export async function keysetPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  columns: readonly KeysetColumn[],
  order: 'ASC' | 'DESC',
  page: KeysetPage<readonly (string | number)[]>,
): Promise<T[]> {
  const reading = page.backward ? (order === 'ASC' ? 'DESC' : 'ASC') : order;
  columns.forEach((c, i) =>
    i === 0 ? qb.orderBy(c.expression, reading) : qb.addOrderBy(c.expression, reading),
  );
  qb.limit(page.limit);
  if (page.cursor) {
    const tuple = (parts: string[]) => (parts.length === 1 ? parts[0]! : `(${parts.join(', ')})`);
    qb.andWhere(
      `${tuple(columns.map((c) => c.expression))} ${reading === 'ASC' ? '>' : '<'} ${tuple(
        columns.map((c, i) => `:keyset${i}::${c.type}`),
      )}`,
      Object.fromEntries(page.cursor.map((part, i) => [`keyset${i}`, part])),
    );
  }
  const rows = await qb.getMany();
  return page.backward ? rows.reverse() : rows;
}
