import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#app/persistence';
import { createWebApp } from '../../apps/web/src/app.js';
import { webConfigFromEnv } from '../../apps/web/src/config.js';
import { axeViolations, launchChromium, screenshot } from './support/browser.js';
import { startWebApp } from './support/web-app.js';

/** What has keyboard focus, as a screen reader would announce it: its tag and its text or label. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const doc = (globalThis as any).document;
    const el = doc.activeElement;
    if (!el || el === doc.body) return 'body';
    const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
    return `${el.tagName.toLowerCase()}: ${label.replace(/\s+/g, ' ').trim()}`;
  });
}

/** Presses Tab until the focused element's description matches, as a keyboard user would (at most 60 times). */
async function tabTo(page: Page, target: RegExp): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (target.test(await focused(page))) return;
  }
  throw new Error(`never reached ${target} by Tab; last focus: ${await focused(page)}`);
}

describe('keyboard-only use and the problem page, in a real browser', () => {
  let web: Awaited<ReturnType<typeof startWebApp>>;
  let browser: Browser;

  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('lets a keyboard user skip to the content, sign in, reach My evidence and save a draft without a mouse', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${web.baseUrl}/sign-in`);

    // The first Tab reaches the skip link, and following it moves focus to the main content.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a: Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('main-content');

    await tabTo(page, /^input: Email address$/);
    await page.keyboard.type('nqsw@demo-council.example');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('input: Password');
    await page.keyboard.type(DEMO_PASSWORD);
    await Promise.all([page.waitForURL(`${web.baseUrl}/`), page.keyboard.press('Enter')]);

    await tabTo(page, /^a: My evidence$/);
    await Promise.all([page.waitForURL(`${web.baseUrl}/evidence`), page.keyboard.press('Enter')]);
    await tabTo(page, /^a: Record evidence$/);
    await Promise.all([page.waitForURL(`${web.baseUrl}/evidence/new`), page.keyboard.press('Enter')]);

    // Radios are chosen with the arrow keys and Space, text typed, the form sent with Enter on its button.
    // Tab enters the group of kinds at its first radio; the arrow keys move through it, choosing as they go.
    await tabTo(page, /^input: CPD activity/);
    for (let i = 0; i < 10 && !/^input: Critical reflection/.test(await focused(page)); i++)
      await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: /^Critical reflection/ }).isChecked()).toBe(true);
    await tabTo(page, /^input: Title$/);
    await page.keyboard.type('Reflection typed by keyboard alone');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    const [year, month, day] = today.split('-');
    await tabTo(page, /^input: Day$/);
    await page.keyboard.type(String(Number(day)));
    await page.keyboard.press('Tab');
    await page.keyboard.type(String(Number(month)));
    await page.keyboard.press('Tab');
    await page.keyboard.type(year!);
    await tabTo(page, /^button: Save draft$/);
    await Promise.all([page.waitForURL(/\/evidence\/[0-9a-f-]{36}$/), page.keyboard.press('Enter')]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
      'Reflection typed by keyboard alone',
    );
    // Every focusable element shows where focus is (GOV.UK's yellow focus state, never none).
    const outline = await page.evaluate(() => {
      const doc = (globalThis as any).document;
      const link = doc.querySelector('main a');
      link.focus();
      const style = (globalThis as any).getComputedStyle(link);
      return `${style.outlineStyle} ${style.backgroundColor}`;
    });
    expect(outline).not.toBe('none rgba(0, 0, 0, 0)');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows "Sorry, there is a problem with the service" with a reference when the API cannot be reached, and keeps no session', async () => {
    // The web app alone, pointed at a port where no API listens: as when the API is down.
    const alone = createWebApp(webConfigFromEnv({ NODE_ENV: 'test' }, () => 'http://127.0.0.1:9'));
    const server: Server = await new Promise((resolve) => {
      const s = alone.listen(0, '127.0.0.1', () => resolve(s));
    });
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    // The web server's own log line for the failure, read instead of printed.
    const logged: string[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    try {
      await page.goto(`${baseUrl}/sign-in`);
      await page.getByLabel('Email address').fill('nqsw@demo-council.example');
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Sign in' }).click(),
      ]);
      expect(response.status()).toBe(503);
      await page.waitForLoadState();
      expect(await page.title()).toBe('Sorry, there is a problem with the service – Pathways');
      const reference = (await page.locator('.app-request-id').textContent())?.trim();
      expect(reference).toBe(response.headers()['x-request-id']);
      expect(await page.getByText('The service is busy or restarting').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'problem-page');
      // Nothing was signed in: the home page still asks for a sign-in.
      await page.goto(`${baseUrl}/`);
      expect(page.url()).toBe(`${baseUrl}/sign-in`);
      // Logged with the same reference, and without what the person typed.
      expect(logged.some((line) => line.includes(reference!))).toBe(true);
      expect(logged.join('\n')).not.toContain('nqsw@demo-council.example');
      expect(logged.join('\n')).not.toContain(DEMO_PASSWORD);
    } finally {
      console.error = consoleError;
      await context.close();
      await new Promise((resolve) => server.close(resolve));
    }
  }, 90_000);
});
