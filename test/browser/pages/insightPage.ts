import type { Download, Page } from 'playwright-core';

/** The workforce insight dashboard, as a PSW uses it. */
export class InsightPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(query = ''): Promise<number | undefined> {
    const response = await this.page.goto(`${this.baseUrl}/insight${query}`);
    return response?.status();
  }

  /** A part of the dashboard, found by its heading. */
  part(heading: string) {
    return this.page.locator('section').filter({
      has: this.page.getByRole('heading', { level: 2, name: heading, exact: true }),
    });
  }

  async summaryOf(heading: string): Promise<string> {
    return ((await this.part(heading).locator('[data-summary]').textContent()) ?? '').trim();
  }

  /** The rows of a part's first table, each as its cells' trimmed text. */
  async tableRows(heading: string): Promise<string[][]> {
    const rows = this.part(heading).getByRole('table').first().getByRole('row');
    const texts: string[][] = [];
    for (const row of await rows.all())
      texts.push((await row.locator('th, td').allTextContents()).map((t) => t.trim()));
    return texts;
  }

  async filterBy({ team, from, to }: { team?: string; from?: string; to?: string }): Promise<void> {
    if (team) await this.page.getByLabel('Team', { exact: true }).selectOption({ label: team });
    if (from) await this.page.getByLabel('From', { exact: true }).fill(from);
    if (to) await this.page.getByLabel('To', { exact: true }).fill(to);
    await Promise.all([
      this.page.waitForResponse((r) => r.request().isNavigationRequest() && /\/insight\?/.test(r.url())),
      this.page.getByRole('button', { name: 'Show figures' }).click(),
    ]);
    await this.page.waitForLoadState('load');
  }

  async downloadCsv(heading: string): Promise<{ download: Download; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.part(heading)
        .getByRole('link', { name: /Download this table as CSV/ })
        .click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { download, text: Buffer.concat(chunks).toString('utf8') };
  }
}
