import type { Download, Page } from 'playwright-core';

/** The PSW's moderation page: the form that draws a sample, and the packs drawn. */
export class ModerationPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<number> {
    const response = await this.page.goto(`${this.baseUrl}/moderation`);
    return response?.status() ?? 0;
  }

  async draw(values: {
    size?: string;
    method?: 'At random' | 'Stratified by assessor';
    seed?: string;
  }): Promise<void> {
    await this.page.getByLabel('How many portfolios').fill(values.size ?? '');
    if (values.method) await this.page.getByLabel(values.method).check();
    await this.page.getByLabel('Seed (optional)').fill(values.seed ?? '');
    await Promise.all([
      this.page.waitForLoadState('load'),
      this.page.getByRole('button', { name: 'Draw sample' }).click(),
    ]);
  }

  errorSummary(): Promise<string[]> {
    return this.page.locator('.govuk-error-summary a').allTextContents();
  }

  /** Each pack's portfolio table, as rows of cell texts (header row first). */
  async packTables(): Promise<string[][][]> {
    const tables = this.page.locator('main section table');
    const out: string[][][] = [];
    for (let i = 0; i < (await tables.count()); i += 1) {
      const rows = tables.nth(i).locator('tr');
      const table: string[][] = [];
      for (let r = 0; r < (await rows.count()); r += 1) {
        table.push((await rows.nth(r).locator('th, td').allTextContents()).map((t) => t.trim()));
      }
      out.push(table);
    }
    return out;
  }

  async downloadFirstPack(): Promise<{ download: Download; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page
        .getByRole('link', { name: /Download the anonymised portfolios/ })
        .first()
        .click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { download, bytes: Buffer.concat(chunks) };
  }
}
