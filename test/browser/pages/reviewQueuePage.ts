import type { Locator, Page } from 'playwright-core';
import { clickAndWaitForPage } from './navigation.js';

/** What a row of the review queue tells the reviewer. */
export interface QueueRow {
  title: string;
  practitioner: string;
  kind: string;
  submitted: string;
  waiting: string;
}

/** The review queue (/reviews), as a reviewer uses it: filters, rows oldest first, paging. */
export class ReviewQueuePage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/reviews`);
  }

  /** The sentence saying how many submissions wait, e.g. "3 submissions are waiting for your decision." */
  async countText(): Promise<string> {
    return ((await this.page.locator('#queue-count').textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  /** Sets the filters given (by their visible names) and applies them; the rest stay as they are. */
  async filter(by: {
    practitioner?: string;
    kind?: string;
    domain?: string;
    minWaitingDays?: string;
  }): Promise<void> {
    if (by.practitioner !== undefined)
      await this.page.getByLabel('Practitioner').selectOption({ label: by.practitioner });
    if (by.kind !== undefined)
      await this.page.getByLabel('Kind of evidence').selectOption({ label: by.kind });
    if (by.domain !== undefined)
      await this.page.getByLabel('Mapped to PCF domain').selectOption({ label: by.domain });
    if (by.minWaitingDays !== undefined)
      await this.page.getByLabel('Waiting at least (days)').fill(by.minWaitingDays);
    await clickAndWaitForPage(this.page, this.page.getByRole('button', { name: 'Apply filters' }));
  }

  async rows(): Promise<QueueRow[]> {
    const rows = this.page.locator('#review-queue tbody tr');
    const result: QueueRow[] = [];
    for (let i = 0; i < (await rows.count()); i++) result.push(await this.read(rows.nth(i)));
    return result;
  }

  async row(title: string): Promise<QueueRow | undefined> {
    return (await this.rows()).find((r) => r.title === title);
  }

  async openReview(title: string): Promise<void> {
    await Promise.all([
      this.page.waitForURL(/\/reviews\/[^/]+\/versions\/[^/]+$/),
      this.page.locator('#review-queue').getByRole('link', { name: title, exact: true }).click(),
    ]);
  }

  /** Ticks the pieces to review together, by title. */
  async choose(titles: string[]): Promise<void> {
    for (const title of titles) await this.page.getByLabel(`Choose ${title}`, { exact: true }).check();
  }

  async reviewChosen(): Promise<void> {
    await clickAndWaitForPage(this.page, this.page.getByRole('button', { name: 'Review several pieces' }));
  }

  async hasNextPage(): Promise<boolean> {
    return (await this.page.getByRole('link', { name: /Next/ }).count()) > 0;
  }

  async nextPage(): Promise<void> {
    await Promise.all([
      this.page.waitForURL(/after=/),
      this.page.getByRole('link', { name: /Next/ }).click(),
    ]);
  }

  errorSummaryLinks(): Promise<string[]> {
    return this.page.locator('.govuk-error-summary a').allTextContents();
  }

  async flash(): Promise<string> {
    return (
      (await this.page
        .locator('.govuk-notification-banner--success .govuk-notification-banner__content')
        .textContent()) ?? ''
    ).trim();
  }

  private async read(row: Locator): Promise<QueueRow> {
    const cells = (await row.locator('td:not(.app-select-cell)').allTextContents()).map((t) =>
      t.replace(/\s+/g, ' ').trim(),
    );
    const [title = '', practitioner = '', kind = '', submitted = '', waiting = ''] = cells;
    return { title, practitioner, kind, submitted, waiting };
  }
}
