import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#app/persistence';
import { AdminPages, follow } from './pages/adminPages.js';
import { SignInPage } from './pages/signInPage.js';
import { axeViolations, launchChromium, screenshot } from './support/browser.js';
import { startWebApp } from './support/web-app.js';

const ADMIN = 'admin@demo-council.example';

describe('administration in a real browser: settings and compliance, records, reminders', () => {
  let web: Awaited<ReturnType<typeof startWebApp>>;
  let webWithJobs: Awaited<ReturnType<typeof startWebApp>>;
  let browser: Browser;
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // The second runs the job queue, as production does: it makes the subject access archives. The
    // first runs none, so the reminder scan runs when asked rather than being queued.
    [web, webWithJobs] = await Promise.all([
      startWebApp(),
      startWebApp({ apiEnv: { JOBS_ENABLED: 'true' } }),
    ]);
    browser = await launchChromium();
  }, 90_000);

  afterEach(async () => {
    for (const c of contexts) await c.close();
    contexts = [];
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await webWithJobs?.close();
  });

  const signedIn = async (options: { javaScriptEnabled?: boolean; baseUrl?: string } = {}): Promise<Page> => {
    const baseUrl = options.baseUrl ?? web.baseUrl;
    const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
    contexts.push(context);
    // A missing link or button fails in seconds rather than at the test's timeout.
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await signIn.open(baseUrl);
    await signIn.signIn(ADMIN, DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl}/`);
    return page;
  };

  /**
   * axe runs as a script in the page, so a page from a context without JavaScript is checked as the
   * same HTML written into a page that has it, on the same origin so that its styles load.
   */
  const expectAccessible = async (page: Page, name: string, javaScriptOff = false): Promise<void> => {
    expect(await page.locator('h1').count()).toBe(1);
    let checked = page;
    if (javaScriptOff) {
      const context = await browser.newContext();
      contexts.push(context);
      checked = await context.newPage();
      await checked.goto(`${web.baseUrl}/accessibility`);
      await checked.setContent(await page.content(), { waitUntil: 'load' });
    }
    expect(await axeViolations(checked)).toEqual([]);
    await screenshot(checked, name);
  };

  it('changes a compliance setting with JavaScript off, keeps what was typed when it is refused', async () => {
    const admin = await signedIn({ javaScriptEnabled: false });
    const pages = new AdminPages(admin);
    await pages.openMembers(web.baseUrl);
    await pages.press('Settings and compliance', 'link');
    expect(await admin.title()).toBe('Settings and compliance – Pathways');
    await expectAccessible(admin, 'admin-settings', true);

    const turnaround = admin.getByLabel('Review turnaround target');
    await turnaround.fill('two weeks');
    await admin.getByLabel('CPD reminders').fill('45, 10');
    await pages.press('Save compliance settings');
    expect(await pages.errorSummaryLinks()).toEqual(['Review turnaround target must be a whole number']);
    expect(await admin.locator('.govuk-error-summary a').getAttribute('href')).toBe('#reviewTurnaroundDays');
    expect(await turnaround.inputValue()).toBe('two weeks');
    expect(await admin.getByLabel('CPD reminders').inputValue()).toBe('45, 10');
    await expectAccessible(admin, 'admin-settings-error', true);

    // Out of the API's range: its refusal is linked to the field, and the value stays.
    await turnaround.fill('200');
    await pages.press('Save compliance settings');
    expect(await pages.errorSummaryLinks()).toHaveLength(1);
    expect(await admin.locator('.govuk-error-summary a').getAttribute('href')).toBe('#reviewTurnaroundDays');
    expect(await turnaround.inputValue()).toBe('200');

    await turnaround.fill('21');
    await pages.press('Save compliance settings');
    expect(await pages.flash()).toContain('Compliance settings saved');
    expect(await admin.getByLabel('Review turnaround target').inputValue()).toBe('21');
    expect(await admin.getByLabel('CPD reminders').inputValue()).toBe('45, 10');

    await admin.getByLabel('Days leavers keep their records').fill('120');
    await pages.press('Save retention period');
    expect(await pages.flash()).toContain('Leavers now keep their records for 120 days');
    expect(await admin.getByLabel('Days leavers keep their records').inputValue()).toBe('120');
    await expectAccessible(admin, 'admin-settings-saved', true);
  }, 120_000);

  it('places a legal hold, is refused erasure plainly while it holds, and releases it', async () => {
    const admin = await signedIn();
    const pages = new AdminPages(admin);
    await pages.openMembers(web.baseUrl);
    await follow(admin, admin.getByRole('link', { name: 'Demo Social Work Student' }));

    await pages.press('Place a legal hold');
    expect(await pages.errorSummaryLinks()).toEqual(['Enter why their records must be kept']);
    await expectAccessible(admin, 'admin-member-hold-error');
    await admin.getByLabel('Why must their records be kept?').fill('Employment tribunal claim 2026/117');
    await pages.press('Place a legal hold');
    expect(await pages.flash()).toContain('Legal hold placed');
    expect(await admin.locator('.govuk-summary-list').innerText()).toContain(
      'Employment tribunal claim 2026/117',
    );

    // Erasure is only for someone who has left: end the membership today.
    await pages.press('End membership');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    await pages.fillDate(/first day without access/, today);
    await pages.press('Continue');
    await pages.press('End membership');
    expect(await pages.flash()).toContain('Membership ended');

    await pages.press('Erase their records');
    expect(await admin.title()).toBe('Confirm erasing Demo Social Work Student’s records – Pathways');
    await expectAccessible(admin, 'admin-erase-confirm');
    await pages.press('Erase their records');
    expect(await admin.getByRole('heading', { level: 1 }).innerText()).toBe(
      'Demo Social Work Student’s records cannot be erased yet',
    );
    expect(await admin.locator('#erase-refusal').innerText()).toMatch(/legal hold is in place/i);
    await expectAccessible(admin, 'admin-erase-refused-hold');

    await pages.press('Go back to Demo Social Work Student’s page', 'link');
    await pages.press('Release the legal hold');
    expect(await pages.flash()).toContain('Legal hold released');
    expect(await admin.getByLabel('Why must their records be kept?').isVisible()).toBe(true);

    // Without the hold, the retention period still keeps their records, and the page says until when.
    await pages.press('Erase their records');
    await pages.press('Erase their records');
    expect(await admin.locator('#erase-refusal').innerText()).toMatch(
      /kept until the retention period ends: they can be erased from/,
    );
    await expectAccessible(admin, 'admin-erase-refused-retention');
  }, 120_000);

  it('asks for a subject access export of a member, lists it and downloads it when it is ready', async () => {
    const admin = await signedIn({ baseUrl: webWithJobs.baseUrl });
    const pages = new AdminPages(admin);
    await pages.openMembers(webWithJobs.baseUrl);
    await follow(admin, admin.getByRole('link', { name: 'Demo Supervisor' }));
    const memberPage = admin.url();
    await pages.press('Ask for a subject access export');
    expect(await pages.flash()).toContain('Subject access export requested');
    let rows = await pages.tableRows('Subject access exports');
    expect(rows).toHaveLength(1);
    expect(rows[0]![1]).toMatch(/Waiting to be made|Being made|Ready/);
    await expectAccessible(admin, 'admin-member-subject-access');

    // The job queue makes the archive; the administrator comes back to the page until it is ready.
    for (let tries = 0; !/Ready/.test(rows[0]![1] ?? '') && tries < 60; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await admin.goto(memberPage);
      rows = await pages.tableRows('Subject access exports');
    }
    expect(rows[0]![1]).toMatch(/Ready/);
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin
        .getByRole('link', { name: /^Download/ })
        .first()
        .click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    const profile = JSON.parse(strFromU8(files['records/profile.json']!)) as { full_name: string }[];
    expect(profile.map((p) => p.full_name)).toEqual(['Demo Supervisor']);
    const manifest = JSON.parse(strFromU8(files['subject-access-export.json']!)) as { subjectUserId: string };
    expect(memberPage).toContain(manifest.subjectUserId);
  }, 90_000);

  it('runs the reminder scan and says what it did; makes a new signing key after confirming', async () => {
    const admin = await signedIn();
    const pages = new AdminPages(admin);
    await admin.goto(`${web.baseUrl}/admin/reminders`);
    expect(await admin.title()).toBe('Reminders and signing key – Pathways');
    await expectAccessible(admin, 'admin-reminders');

    await pages.press('Run the reminder scan now');
    expect(await admin.locator('#scan-result').innerText()).toMatch(
      /The reminder scan ran(?: and stored \d+ new reminders?|\. No new reminders were due)/,
    );
    expect((await pages.tableRows('What the scan did')).map((r) => r[0])).toEqual([
      'CPD deadline approaching',
      'Evidence waiting for review',
      'ASYE review point due',
      'Supervision overdue',
      'Emails sent',
    ]);
    await expectAccessible(admin, 'admin-reminders-scan');

    // A second scan stores nothing new: each reminder is kept once.
    await pages.press('Run the reminder scan now');
    expect(await admin.locator('#scan-result').innerText()).toContain('No new reminders were due');

    await pages.press('Make a new signing key');
    expect(await admin.title()).toBe('Confirm a new signing key – Pathways');
    await expectAccessible(admin, 'admin-signing-key-confirm');
    await pages.press('Make a new signing key');
    expect(await pages.flash()).toMatch(/New signing key .+ in use; credentials signed before still verify/);
  }, 120_000);
});
