import type { Locator } from 'playwright-core';

/** A table's body rows, each as its cells' text joined by " | " (the browser has no DOM types here). */
export function tableRows(table: Locator): Promise<string[]> {
  return table.locator('tbody tr').evaluateAll((rows: any[]) =>
    rows.map((r) =>
      Array.from(r.querySelectorAll('td') as ArrayLike<{ textContent: string | null }>)
        .map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())
        .join(' | '),
    ),
  );
}
