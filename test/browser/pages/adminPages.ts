import type { Locator, Page } from 'playwright-core';

/**
 * Follows a link or submits a form, and waits for the page it leads to: a click does not wait for the
 * next page, and reading the old one meanwhile is a race.
 */
export async function follow(page: Page, target: Locator): Promise<void> {
  await Promise.all([page.waitForNavigation(), target.click()]);
}

/** The administrator's pages and the invitee's, as people use them. */
export class AdminPages {
  constructor(private readonly page: Page) {}

  /** Clicks the button (or link) named `name` and waits for the next page. */
  press(name: string, role: 'button' | 'link' = 'button'): Promise<void> {
    return follow(this.page, this.page.getByRole(role, { name, exact: true }));
  }

  async openMembers(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/admin/members`);
  }

  async invite(person: { fullName: string; email: string; roles: string[]; team?: string }): Promise<void> {
    await this.press('Invite someone');
    await this.page.getByLabel('Full name').fill(person.fullName);
    await this.page.getByLabel('Email address').fill(person.email);
    for (const role of person.roles) await this.page.getByLabel(role, { exact: true }).check();
    if (person.team) await this.page.getByLabel('Team').selectOption({ label: person.team });
    await this.press('Send invitation');
  }

  /** The invitee's page, from the link in their email. */
  async accept(
    link: string,
    password: string,
    options: {
      confirmation?: string;
      registration?: { regulator: string; number: string; dateQualified: string };
    } = {},
  ): Promise<void> {
    await this.page.goto(link);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByLabel('Confirm password').fill(options.confirmation ?? password);
    if (options.registration) {
      await this.page.getByLabel(options.registration.regulator).check();
      await this.page.getByLabel('Registration number').fill(options.registration.number);
      await this.fillDate('When did you qualify as a social worker?', options.registration.dateQualified);
    }
    await this.press('Accept invitation');
  }

  async fillDate(legend: string | RegExp, iso: string): Promise<void> {
    const [year, month, day] = iso.split('-');
    const group = this.page.getByRole('group', { name: legend });
    await group.getByLabel('Day').fill(String(Number(day)));
    await group.getByLabel('Month').fill(String(Number(month)));
    await group.getByLabel('Year').fill(year!);
  }

  flash(): Promise<string> {
    return this.page.locator('.govuk-notification-banner__content').innerText();
  }

  errorSummaryLinks(): Promise<string[]> {
    return this.page.locator('.govuk-error-summary a').allTextContents();
  }

  /** The rows of the table captioned `caption`, each as its cells' text. */
  async tableRows(caption: string): Promise<string[][]> {
    const rows = this.page
      .locator('table', { has: this.page.locator('caption', { hasText: caption }) })
      .locator('tbody tr');
    const texts: string[][] = [];
    for (const row of await rows.all())
      texts.push((await row.locator('td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()));
    return texts;
  }
}
