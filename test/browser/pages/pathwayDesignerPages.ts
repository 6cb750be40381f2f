import type { Page } from 'playwright-core';
import { follow } from './adminPages.js';

/** The PSW's Pathway designer, as a PSW uses it. */
export class PathwayDesignerPages {
  constructor(private readonly page: Page) {}

  /** Clicks the button (or link) named `name` and waits for the next page. */
  press(name: string, role: 'button' | 'link' = 'button'): Promise<void> {
    return follow(this.page, this.page.getByRole(role, { name, exact: true }));
  }

  /** The route form has a save button at its top (the one Enter presses) and at its foot. */
  save(): Promise<void> {
    return follow(this.page, this.page.getByRole('button', { name: 'Save the route' }).last());
  }

  /** A criterion's field by its place in the tree: `c.0.months` is the first criterion's months. */
  field(path: string) {
    return this.page.locator(`#${path.replace(/\./g, '-')}`);
  }

  async flash(): Promise<string> {
    return this.page.locator('.govuk-notification-banner').innerText();
  }

  errorSummary(): Promise<string[]> {
    return this.page.locator('.govuk-error-summary a').allInnerTexts();
  }

  /** The legends of the criteria fieldsets, in order. */
  criteriaHeadings(): Promise<string[]> {
    return this.page.locator('fieldset.app-criterion > legend').allInnerTexts();
  }

  async tableRows(caption: string): Promise<string[][]> {
    const table = this.page.locator('table', { has: this.page.locator('caption', { hasText: caption }) });
    return table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) =>
          [...r.querySelectorAll('td, th')].map((c) =>
            (c as { innerText: string }).innerText.replace(/\s+/g, ' ').trim(),
          ),
        ),
      );
  }
}
