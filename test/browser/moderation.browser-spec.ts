import { unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { pdfPages } from '../e2e/support/pdf-text.js';
import { axeViolations, launchChromium, screenshot } from './support/browser.js';
import { signInToApi } from './support/api.js';
import { startWebApp } from './support/web-app.js';
import { ModerationPage } from './pages/moderationPage.js';
import { PractitionerPages } from './pages/practitionerPages.js';

const PSW = 'psw@demo-council.example';
const NQSW = 'nqsw@demo-council.example';
const NQSW_NAME = 'Demo Newly Qualified Social Worker';

describe('moderation packs in a real browser', () => {
  let web: Awaited<ReturnType<typeof startWebApp>>;
  let browser: Browser;
  let context: BrowserContext | undefined;

  async function signedIn(
    email: string,
    javaScriptEnabled = true,
  ): Promise<{ page: Page; moderation: ModerationPage; pages: PractitionerPages }> {
    context = await browser.newContext({ javaScriptEnabled, acceptDownloads: true });
    const page = await context.newPage();
    const pages = new PractitionerPages(page, web.baseUrl);
    await pages.signInAs(email);
    return { page, moderation: new ModerationPage(page, web.baseUrl), pages };
  }

  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchChromium();
    // The demo NQSW's ASYE, so that there is a portfolio to sample.
    const [psw, nqsw, assessor, manager] = await Promise.all(
      [PSW, NQSW, 'assessor@demo-council.example', 'supervisor@demo-council.example'].map((email) =>
        signInToApi(web.baseUrl, email),
      ),
    );
    await psw!.gql('mutation ($input: StartAsyeInput!) { startAsye(input: $input) { id } }', {
      input: {
        practitionerId: nqsw!.userId,
        assessorId: assessor!.userId,
        lineManagerId: manager!.userId,
        startDate: new Date().toISOString().slice(0, 10),
      },
    });
  }, 90_000);

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('draws a pack without JavaScript, shows refusals in the error summary, and downloads anonymised PDFs', async () => {
    const { page, moderation, pages } = await signedIn(PSW, false);
    await moderation.open();
    await pages.followNavigation('Moderation');
    expect(page.url()).toBe(`${web.baseUrl}/moderation`);
    expect(await page.title()).toBe('Moderation packs – Pathways');
    const visited = [page.url()];

    await moderation.draw({ size: 'ten' });
    expect(await page.title()).toBe('Error: Moderation packs – Pathways');
    expect(await moderation.errorSummary()).toEqual(['Enter how many portfolios to draw, as a whole number']);
    expect(await page.locator('.govuk-error-summary a').first().getAttribute('href')).toBe('#size');

    await moderation.draw({ size: '5', method: 'Stratified by assessor' });
    expect(await moderation.errorSummary()).toEqual(['Only 1 ASYE match: draw 1 or fewer.']);
    expect(await page.getByLabel('How many portfolios').inputValue()).toBe('5');
    expect(await page.getByLabel('Stratified by assessor').isChecked()).toBe(true);
    await screenshot(page, 'moderation-error');

    await moderation.draw({ size: '1', method: 'Stratified by assessor', seed: '12345' });
    expect(page.url()).toMatch(/\/moderation#pack-[0-9a-f-]{36}$/);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
      'Sample drawn: 1 of 1 portfolios, seed 12345',
    );
    expect(await moderation.packTables()).toEqual([
      [
        ['Portfolio', 'Assessor'],
        ['Practitioner A', 'Assessor 1'],
      ],
    ]);
    expect(await page.locator('main').textContent()).not.toContain(NQSW_NAME);
    await screenshot(page, 'moderation-pack');

    const { download, bytes } = await moderation.downloadFirstPack();
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    // A zip starts "PK" (not a page the web app answered with instead).
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const files = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(files)).toEqual(['practitioner-a.pdf']);
    const text = (await pdfPages(Buffer.from(files['practitioner-a.pdf']!))).join('\n');
    expect(text).toContain('Practitioner A');
    expect(text).toContain('Anonymised for moderation');
    for (const word of [NQSW_NAME, 'SW900005']) expect(text).not.toContain(word);

    // axe runs as a script in the page, so the pages are checked again with JavaScript on.
    await context!.close();
    const checked = await signedIn(PSW);
    for (const url of visited) {
      await checked.page.goto(url);
      expect(await axeViolations(checked.page)).toEqual([]);
      await checked.moderation.draw({ size: '' });
      expect(await checked.moderation.errorSummary()).toHaveLength(1);
      expect(await axeViolations(checked.page)).toEqual([]);
    }
  }, 180_000);

  it('is not there for a practitioner', async () => {
    const { page, moderation } = await signedIn(NQSW);
    expect(
      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Moderation' }).count(),
    ).toBe(0);
    expect(await moderation.open()).toBe(404);
    expect(await page.title()).toMatch(/not found/i);
    expect(await axeViolations(page)).toEqual([]);
  }, 90_000);
});
