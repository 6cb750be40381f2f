import type { Locator } from 'playwright-core';

/** A table's body rows, each as its cells’ rendered text (a line break is a space) joined by " | " (the browser has no DOM types here). */
export function tableRows(table: Locator): Promise<string[]> {
  return table.locator('tbody tr').evaluateAll((rows: any[]) =>
    rows.map((r) =>
      Array.from(r.querySelectorAll('td') as ArrayLike<{ innerText: string }>)
        .map((c) => (c.innerText ?? '').replace(/\s+/g, ' ').trim())
        .join(' | '),
    ),
  );
}
