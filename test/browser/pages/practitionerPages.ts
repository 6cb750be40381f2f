import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#app/persistence';
import { SignInPage } from './signInPage.js';

/** The practitioner's own pages, as they reach them: signed in, then through the navigation and links. */
export class PractitionerPages {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async signInAs(email: string): Promise<void> {
    const signIn = new SignInPage(this.page);
    await signIn.open(this.baseUrl);
    await signIn.signIn(email, DEMO_PASSWORD);
    await this.page.waitForURL(`${this.baseUrl}/`);
  }

  /** The text of the section under an h2, up to the next h2. */
  section(heading: string): Promise<string> {
    return this.page.evaluate((name) => {
      const doc = (globalThis as any).document;
      const h2 = [...doc.querySelectorAll('h2')].find((h: any) => h.textContent.trim() === name);
      if (!h2) return '';
      let text = '';
      for (let n = h2.nextElementSibling; n && n.tagName !== 'H2'; n = n.nextElementSibling)
        text += ` ${n.textContent}`;
      return text.replace(/\s+/g, ' ').trim();
    }, heading);
  }

  async followNavigation(name: string): Promise<void> {
    await Promise.all([
      this.page.waitForLoadState('load'),
      this.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name }).click(),
    ]);
  }

  hasHorizontalScroll(): Promise<boolean> {
    return this.page.evaluate(
      () => (globalThis as any).document.documentElement.scrollWidth > (globalThis as any).innerWidth,
    );
  }
}
