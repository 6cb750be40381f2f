import type { Page } from 'playwright-core';
import { tableRows } from './tableRows.js';

/** One piece of evidence as its owner sees it: status, mappings, files, submission and history. */
export class EvidencePage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string, evidenceId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/evidence/${evidenceId}`);
  }

  /** The evidence id, from the page's address. */
  evidenceId(): string {
    return /\/evidence\/([0-9a-f-]{36})/.exec(this.page.url())?.[1] ?? '';
  }

  async title(): Promise<string> {
    return ((await this.page.locator('h1').textContent()) ?? '').trim();
  }

  async status(): Promise<string> {
    return ((await this.page.locator('h1 + p .govuk-tag').textContent()) ?? '').trim();
  }

  async flash(): Promise<string> {
    return (
      (await this.page
        .locator('.govuk-notification-banner--success .govuk-notification-banner__heading')
        .first()
        .textContent()) ?? ''
    ).trim();
  }

  async upload(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.getByLabel('Attach a file').setInputFiles(file);
    await Promise.all([
      this.page.waitForLoadState('load'),
      this.page.getByRole('button', { name: 'Upload file' }).click(),
    ]);
    await this.page.waitForLoadState('load');
  }

  attachments(): Promise<string[]> {
    return this.page
      .locator('#attachments + ul a, #attachments ~ ul.govuk-list a')
      .allTextContents()
      .then((t) => t.map((s) => s.trim()));
  }

  async removeAttachment(fileName: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove ${fileName}` }).click();
    await this.page.waitForLoadState('load');
  }

  /** Downloads an attached file by name; returns its bytes. */
  async downloadAttachment(fileName: string): Promise<Buffer> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('link', { name: fileName }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** The reviewers offered, as their radios name them ("Demo ASYE Assessor (ASYE assessor)"). */
  reviewerChoices(): Promise<string[]> {
    return this.page
      .getByRole('group', { name: 'Who should review it?' })
      .locator('.govuk-radios__label')
      .allTextContents()
      .then((t) => t.map((s) => s.trim()));
  }

  async submitTo(reviewer: string, placement?: 'First placement' | 'Final placement'): Promise<void> {
    await this.page.getByRole('radio', { name: reviewer }).check();
    if (placement) await this.page.getByRole('radio', { name: placement }).check();
    await Promise.all([
      this.page.waitForLoadState('load'),
      this.page.getByRole('button', { name: 'Submit for review' }).click(),
    ]);
    await this.page.waitForLoadState('load');
  }

  async withdraw(): Promise<void> {
    await this.page.getByRole('button', { name: 'Withdraw from review' }).click();
    await this.page.waitForLoadState('load');
  }

  /** Each mapping as "item | level | why | decision". */
  mappings(): Promise<string[]> {
    return tableRows(this.page.getByRole('table', { name: /Framework items this version claims/ }));
  }

  /** The reviewer's decision banner, once decided. */
  async reviewDecision(): Promise<string | null> {
    const banner = this.page.locator('#review-decision');
    return (await banner.count()) ? ((await banner.textContent()) ?? '').replace(/\s+/g, ' ').trim() : null;
  }

  /** The version history, one "Version N | status | created | review" line each. */
  history(): Promise<string[]> {
    return tableRows(this.page.getByRole('table', { name: /Every version of this evidence/ }));
  }

  async edit(): Promise<void> {
    await this.page.getByRole('button', { name: /Edit this evidence|Start a new version/ }).click();
    await this.page.waitForLoadState('load');
  }
}
