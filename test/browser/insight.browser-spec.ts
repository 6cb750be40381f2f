import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchChromium, screenshot } from './support/browser.js';
import { signInToApi } from './support/api.js';
import { startWebApp } from './support/web-app.js';
import { InsightPage } from './pages/insightPage.js';
import { PractitionerPages } from './pages/practitionerPages.js';

const PSW = 'psw@demo-council.example';
const NQSW = 'nqsw@demo-council.example';
/** Three: the demo's Children and Families team (3 practitioners) is shown, Adults (2) is not. */
const MIN_GROUP_SIZE = 3;
const SUPPRESSED = `Fewer than ${MIN_GROUP_SIZE} people: not shown`;

const PARTS = [
  'Stage distribution',
  'PCF coverage',
  'CPD compliance by team',
  'Review turnaround and backlog',
  'Supervision',
  'Progression pipeline',
  'Early-career cohort (ASYE)',
];

describe('workforce insight in a real browser', () => {
  let web: Awaited<ReturnType<typeof startWebApp>>;
  let browser: Browser;
  let context: BrowserContext | undefined;

  /** A supervision session for the NQSW today, so the supervision part has someone supervised. */
  async function superviseTheNqsw(): Promise<void> {
    const [nqsw, supervisor] = await Promise.all(
      [NQSW, 'supervisor@demo-council.example'].map((email) => signInToApi(web.baseUrl, email)),
    );
    await supervisor!.gql(
      'mutation ($input: RecordSupervisionInput!) { recordSupervision(input: $input) { id } }',
      {
        input: {
          superviseeId: nqsw!.userId,
          date: new Date().toISOString().slice(0, 10),
          durationMinutes: 90,
          kind: 'REFLECTIVE',
          notes: 'Caseload and reflection.',
        },
      },
    );
  }

  async function signedIn(
    email: string,
    options: { javaScriptEnabled?: boolean; width?: number } = {},
  ): Promise<{ page: Page; insight: InsightPage; pages: PractitionerPages }> {
    context = await browser.newContext({
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      acceptDownloads: true,
      ...(options.width ? { viewport: { width: options.width, height: 800 } } : {}),
    });
    const page = await context.newPage();
    const pages = new PractitionerPages(page, web.baseUrl);
    await pages.signInAs(email);
    return { page, insight: new InsightPage(page, web.baseUrl), pages };
  }

  beforeAll(async () => {
    web = await startWebApp({ apiEnv: { INSIGHT_MIN_GROUP_SIZE: String(MIN_GROUP_SIZE) } });
    browser = await launchChromium();
    await superviseTheNqsw();
  }, 90_000);

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('shows the PSW every part as a chart with its sentence and its table, small teams withheld', async () => {
    const { page, pages } = await signedIn(PSW);
    await pages.followNavigation('Workforce insight');
    // The navigation's own wait ends on the page it left; wait for this one to be whole.
    await page.waitForURL(`${web.baseUrl}/insight`, { waitUntil: 'load' });
    const insight = new InsightPage(page, web.baseUrl);
    expect(page.url()).toBe(`${web.baseUrl}/insight`);
    expect(await page.title()).toBe('Workforce insight – Pathways');
    expect(await page.locator('h1').allTextContents()).toEqual(['Workforce insight']);
    expect(await page.locator('main h2').allTextContents()).toEqual(['Contents', ...PARTS]);

    for (const heading of PARTS) {
      const part = insight.part(heading);
      const chart = part.getByRole('img');
      expect(await chart.count()).toBe(1);
      // Named by its <title> and described by its <desc>: the same sentence the page prints.
      const summary = await insight.summaryOf(heading);
      expect(summary.length).toBeGreaterThan(20);
      expect(await chart.locator('desc').textContent()).toBe(summary);
      expect(await chart.locator('text').count()).toBeGreaterThan(0);
      expect(await part.getByRole('table').count()).toBeGreaterThanOrEqual(1);
      expect(await part.getByRole('link', { name: /Download this table as CSV/ }).count()).toBe(1);
    }

    expect(await insight.summaryOf('Stage distribution')).toMatch(
      /^(Most practitioners \(\d+ of \d+\) are at .+ stage|The largest groups \(\d+ of \d+ each\) are at the .+ stages)\.$/,
    );
    const stages = await insight.tableRows('Stage distribution');
    expect(stages[0]).toEqual(['Stage', 'PCF level', 'Practitioners']);

    const coverage = await insight.tableRows('PCF coverage');
    expect(coverage).toHaveLength(10); // the heading row and the nine PCF domains
    expect(
      await insight.part('PCF coverage').getByRole('img').locator('rect').count(),
    ).toBeGreaterThanOrEqual(9);

    const cpd = await insight.tableRows('CPD compliance by team');
    expect(cpd[0]).toEqual(['Team', 'Meeting requirements', 'Met', 'Judged', 'At risk']);
    expect(cpd.find((row) => row[0] === 'Adults')).toEqual(['Adults', SUPPRESSED, '', '', '']);
    expect(cpd.find((row) => row[0] === 'Children and Families')?.[1]).toMatch(/^\d+%$/);
    const cpdChart = insight.part('CPD compliance by team').getByRole('img');
    expect(await cpdChart.locator('text', { hasText: SUPPRESSED }).count()).toBe(1);

    const supervision = await insight.tableRows('Supervision');
    expect(supervision.find((row) => row[0] === 'Adults')?.[1]).toBe(SUPPRESSED);

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'insight-dashboard');
  }, 90_000);

  it('filters by team and date range without JavaScript, and says plainly what it withholds', async () => {
    const { page, insight } = await signedIn(PSW, { javaScriptEnabled: false });
    const visited: string[] = [];
    await insight.open();
    await insight.filterBy({ team: 'Children and Families' });
    expect(page.url()).toMatch(
      /\/insight\?teamId=[0-9a-f-]{36}&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/,
    );
    expect(await page.locator('.govuk-body-l').textContent()).toMatch(
      /Children and Families: 3 practitioners,/,
    );
    expect(await insight.summaryOf('CPD compliance by team')).toContain('in Children and Families');
    expect(await page.getByLabel('Team', { exact: true }).inputValue()).toMatch(/^[0-9a-f-]{36}$/);
    visited.push(page.url());

    await insight.filterBy({ team: 'Adults' });
    expect(await page.locator('.govuk-body-l').textContent()).toMatch(/Adults: 2 practitioners,/);
    expect(await page.getByText(SUPPRESSED).first().isVisible()).toBe(true);
    expect(await insight.part('Stage distribution').getByText(SUPPRESSED).count()).toBe(1);
    expect(await insight.part('Stage distribution').getByRole('img').count()).toBe(0);
    await screenshot(page, 'insight-small-team');
    visited.push(page.url());

    await insight.filterBy({ team: 'All teams', from: '2026-12-01', to: '2026-01-01' });
    expect(await page.title()).toBe('Error: Workforce insight – Pathways');
    expect(await page.locator('.govuk-error-summary a').allTextContents()).toEqual([
      'The first day must be on or before the last day',
    ]);
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('2026-12-01');
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe('2026-01-01');
    visited.push(page.url());

    // axe runs as a script in the page, so the same addresses are checked again with JavaScript on.
    await context!.close();
    const checked = await signedIn(PSW);
    for (const url of visited) {
      await checked.page.goto(url);
      expect(await axeViolations(checked.page)).toEqual([]);
    }
  }, 120_000);

  it('downloads a part’s table as CSV with the figures the page shows', async () => {
    const { insight } = await signedIn(PSW);
    await insight.open();
    const shown = await insight.tableRows('CPD compliance by team');
    const { download, text } = await insight.downloadCsv('CPD compliance by team');
    expect(download.suggestedFilename()).toMatch(
      /^workforce-insight-cpd-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\n');
    expect(lines[0]).toBe('Team,Meeting requirements,Met,Judged,At risk');
    expect(lines).toContain(`Adults,${SUPPRESSED},,,`);
    expect(lines).toHaveLength(shown.length);

    const coverage = await insight.downloadCsv('PCF coverage');
    expect(coverage.text.replace(/^\uFEFF/, '').split('\n')[0]).toMatch(
      /^Domain,.*,All levels,Practitioners$/,
    );
  }, 90_000);

  it('fits the dashboard into 320 px without scrolling sideways', async () => {
    const { page, insight, pages } = await signedIn(PSW, { width: 320 });
    await insight.open();
    expect(await pages.hasHorizontalScroll()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'insight-320px');
  }, 90_000);

  it('is not there for a practitioner', async () => {
    const { page, insight } = await signedIn(NQSW);
    expect(
      await page
        .getByRole('navigation', { name: 'Menu' })
        .getByRole('link', { name: 'Workforce insight' })
        .count(),
    ).toBe(0);
    expect(await insight.open()).toBe(404);
    expect(await page.title()).toMatch(/not found/i);
    expect(await insight.open('/cpd.csv')).toBe(404);
    expect(await axeViolations(page)).toEqual([]);
  }, 90_000);
});
