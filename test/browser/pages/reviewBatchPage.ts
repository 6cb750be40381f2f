import type { Locator, Page } from 'playwright-core';
import { clickAndWaitForPage } from './navigation.js';
import type { MappingChoice } from './reviewPage.js';

/**
 * "Review several pieces" (/reviews/several): one section per chosen piece, each with its own mapping
 * decisions, outcome and comment, sent together; then the page of what became of each.
 */
export class ReviewBatchPage {
  constructor(private readonly page: Page) {}

  /** The pieces on the page, by title, in order. */
  async titles(): Promise<string[]> {
    return (await this.page.locator('.app-batch-piece h2').allTextContents()).map((t) => t.trim());
  }

  /** The section of one piece, by its title. */
  piece(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** Decides one mapping of one piece, named as the page names it. */
  async decide(title: string, mapping: string, choice: MappingChoice, comment?: string): Promise<void> {
    const piece = this.piece(title);
    const group = piece.getByRole('group', { name: mapping, exact: true });
    if ('accept' in choice) await group.getByRole('radio', { name: /^Accept(?! at another level)/ }).check();
    else if ('notAccepted' in choice) await group.getByRole('radio', { name: 'Do not accept' }).check();
    else {
      await group.getByRole('radio', { name: 'Accept at another level' }).check();
      const item = mapping.split(' at ')[0];
      await piece
        .getByLabel(`Level you accept ${item} at`, { exact: true })
        .selectOption({ label: choice.otherLevel });
    }
    if (comment !== undefined)
      await piece.getByLabel(`Comment on ${mapping} (optional)`, { exact: true }).fill(comment);
  }

  async outcome(title: string, outcome: 'Approve' | 'Request changes'): Promise<void> {
    await this.piece(title)
      .getByRole('group', { name: `Your decision on ${title}` })
      .getByRole('radio', { name: outcome, exact: true })
      .check();
  }

  async comment(title: string, text: string): Promise<void> {
    await this.commentField(title).fill(text);
  }

  commentValue(title: string): Promise<string> {
    return this.commentField(title).inputValue();
  }

  mappingCommentValue(title: string, mapping: string): Promise<string> {
    return this.piece(title).getByLabel(`Comment on ${mapping} (optional)`, { exact: true }).inputValue();
  }

  async send(): Promise<void> {
    await clickAndWaitForPage(this.page, this.page.getByRole('button', { name: 'Send my decisions' }));
  }

  errorSummaryLinks(): Promise<string[]> {
    return this.page.locator('.govuk-error-summary a').allTextContents();
  }

  /** After sending: each piece's title and what became of it, as the result page says. */
  async results(): Promise<[string, string][]> {
    const rows = this.page.locator('#batch-result .govuk-summary-list__row');
    const result: [string, string][] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      const key = ((await row.locator('.govuk-summary-list__key').textContent()) ?? '').trim();
      const value = (await row.locator('.govuk-summary-list__value').textContent()) ?? '';
      result.push([key, value.replace(/\s+/g, ' ').trim()]);
    }
    return result;
  }

  async reviewAgain(title: string): Promise<void> {
    await clickAndWaitForPage(this.page, this.page.getByRole('link', { name: `Review ${title} again` }));
  }

  private commentField(title: string): Locator {
    return this.piece(title).getByLabel(`Comment to the practitioner on ${title} (optional)`, {
      exact: true,
    });
  }
}
