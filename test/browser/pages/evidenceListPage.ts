import type { Page } from 'playwright-core';
import { tableRows } from './tableRows.js';

/** "My evidence": the practitioner's portfolio list, with its filter and downloads. */
export class EvidenceListPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string, status?: string): Promise<void> {
    await this.page.goto(`${baseUrl}/evidence`);
    if (status) {
      await this.page.getByLabel('Status').selectOption({ label: status });
      await this.page.getByRole('button', { name: 'Show evidence' }).click();
      await this.page.waitForLoadState('load');
    }
  }

  /** Each piece as "title | kind | status | date | last changed". */
  rows(): Promise<string[]> {
    return tableRows(this.page.getByRole('table', { name: /Your evidence/ })).catch(() => []);
  }

  async openPiece(title: string): Promise<void> {
    await this.page.getByRole('link', { name: title, exact: true }).first().click();
    await this.page.waitForLoadState('load');
  }

  async recordEvidence(): Promise<void> {
    await this.page.getByRole('button', { name: 'Record evidence' }).click();
    await this.page.waitForLoadState('load');
  }

  /** Downloads the portfolio PDF or the CPD log; returns the file name and bytes. */
  async download(
    which: 'my portfolio (PDF)' | 'my CPD log (CSV, for Social Work England)',
  ): Promise<{ fileName: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('link', { name: which }).click(),
    ]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    return { fileName: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }
}
