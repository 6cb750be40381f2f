import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '#app/persistence';
import { axeViolations, launchChromium, screenshot } from './support/browser.js';
import { startWebApp } from './support/web-app.js';
import { SignInPage } from './pages/signInPage.js';

describe('web app shell in a real browser', () => {
  let web: Awaited<ReturnType<typeof startWebApp>>;
  let browser: Browser;

  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('signs in with JavaScript off, shows the home page with a title and skip link, and signs out', async () => {
    // axe and screenshots need the page's JavaScript, so they run on the same pages in the tests below.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await signIn.open(web.baseUrl);
    expect(await page.title()).toBe('Sign in – Pathways');

    await signIn.signIn('nqsw@demo-council.example', DEMO_PASSWORD);
    await page.waitForURL(`${web.baseUrl}/`);
    expect(await page.title()).toBe('Where I stand – Pathways');
    expect(await page.getByRole('link', { name: 'Skip to main content' }).count()).toBe(1);

    await Promise.all([
      page.waitForURL(`${web.baseUrl}/sign-in`),
      page.getByRole('button', { name: 'Sign out' }).click(),
    ]);
    await page.goto(`${web.baseUrl}/`);
    expect(page.url()).toBe(`${web.baseUrl}/sign-in`);
    await context.close();
  }, 90_000);

  it('looks like a council service, not GOV.UK: no crown, no Crown copyright, no GDS Transport typeface', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await new SignInPage(page).open(web.baseUrl);
    await page.waitForLoadState('load');

    const fonts = await Promise.all(
      ['h1', '.govuk-label', '.govuk-button', '.govuk-input', '.govuk-footer'].map((selector) =>
        page
          .locator(selector)
          .first()
          .evaluate((el) => (globalThis as any).getComputedStyle(el).fontFamily as string),
      ),
    );
    expect(fonts).toEqual(fonts.map(() => 'arial, sans-serif'));
    expect(
      requested.filter((p) => p.includes('/fonts/') || /govuk-(crest|icon)|favicon\.ico/.test(p)),
    ).toEqual([]);
    expect(
      await page
        .locator('.govuk-footer__crown, .govuk-footer__copyright-logo, .govuk-footer__licence-logo')
        .count(),
    ).toBe(0);
    expect(await page.locator('a[href*="nationalarchives.gov.uk"]').count()).toBe(0);
    expect(await page.locator('footer').textContent()).toContain('© Pathways');
    expect(
      await page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility statement' }).count(),
    ).toBe(1);
    await context.close();
  }, 90_000);

  it('shows the error summary linked to the field for a wrong password, keeping the email typed', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await signIn.open(web.baseUrl);
    await signIn.signIn('nqsw@demo-council.example', 'not-the-password');
    expect(await page.title()).toBe('Error: Sign in – Pathways');
    expect(await signIn.errorSummaryLinks()).toEqual(['Enter a correct email address and password']);
    expect(await page.getByLabel('Email address').inputValue()).toBe('nqsw@demo-council.example');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-error');
    await context.close();
  }, 90_000);

  it('answers an unknown page with the 404 page, and works at 320 px wide', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    const response = await page.goto(`${web.baseUrl}/sign-in`);
    expect(response?.status()).toBe(200);
    const overflow = await page.evaluate(
      () => (globalThis as any).document.documentElement.scrollWidth > (globalThis as any).innerWidth,
    );
    expect(overflow).toBe(false);
    const signIn = new SignInPage(page);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-320px');
    await signIn.signIn('student@demo-council.example', DEMO_PASSWORD);
    await page.waitForURL(`${web.baseUrl}/`);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'home-320px');
    const missing = await page.goto(`${web.baseUrl}/no-such-page`);
    expect(missing?.status()).toBe(404);
    expect(await page.title()).toBe('Page not found – Pathways');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 90_000);
});
