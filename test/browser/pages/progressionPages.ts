import type { Locator, Page } from 'playwright-core';
import { PractitionerPages } from './practitionerPages.js';

/** The progression pages, as a PSW or a practitioner reaches them. */
export class ProgressionPages {
  private readonly practitioner: PractitionerPages;

  constructor(
    readonly page: Page,
    private readonly base: string,
  ) {
    this.practitioner = new PractitionerPages(page, base);
  }

  signInAs(email: string): Promise<void> {
    return this.practitioner.signInAs(email);
  }

  followNavigation(name: string): Promise<void> {
    return this.practitioner.followNavigation(name);
  }

  hasHorizontalScroll(): Promise<boolean> {
    return this.practitioner.hasHorizontalScroll();
  }

  async open(path: string): Promise<void> {
    await this.page.goto(`${this.base}${path}`);
  }

  /** Clicks something that navigates (a link, or a form's button: POST, then 303 to a page) and waits for that page. */
  async follow(target: Locator): Promise<void> {
    await Promise.all([this.page.waitForEvent('framenavigated'), target.click()]);
    await this.page.waitForLoadState('load');
  }

  flash(): Promise<string> {
    return this.page
      .locator('.govuk-notification-banner__content')
      .innerText()
      .then((t) => t.trim());
  }

  /** The route section on /my-progression for a stage. */
  route(stageName: string): Locator {
    return this.page.locator('section', {
      has: this.page.getByRole('heading', { name: `Next: ${stageName}` }),
    });
  }

  mainText(): Promise<string> {
    return this.page
      .locator('main')
      .innerText()
      .then((t) => t.replace(/\s+/g, ' '));
  }
}
