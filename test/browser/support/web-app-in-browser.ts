import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#app/persistence';
import { SignInPage } from '../pages/signInPage.js';
import { launchChromium } from './browser.js';
import { startWebApp } from './web-app.js';

/**
 * A spec file's real app (API and web app on its own database) and one Chromium, with every browser
 * context a test opens closed after it, so each test starts signed out and shares nothing.
 */
export function webAppInBrowser(): {
  readonly baseUrl: string;
  newPage(options?: BrowserContextOptions): Promise<Page>;
  signedInAs(email: string, options?: BrowserContextOptions): Promise<Page>;
} {
  let web: Awaited<ReturnType<typeof startWebApp>>;
  let browser: Browser;
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchChromium();
  }, 90_000);
  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  const newPage = async (options: BrowserContextOptions = {}) => {
    const context = await browser.newContext(options);
    contexts.push(context);
    return context.newPage();
  };
  return {
    get baseUrl() {
      return web.baseUrl;
    },
    newPage,
    async signedInAs(email, options = {}) {
      const page = await newPage(options);
      const signIn = new SignInPage(page);
      await signIn.open(web.baseUrl);
      await Promise.all([page.waitForURL(`${web.baseUrl}/`), signIn.signIn(email, DEMO_PASSWORD)]);
      return page;
    },
  };
}
