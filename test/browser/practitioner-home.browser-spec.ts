import type { Browser, BrowserContext } from 'playwright-core';
import { axeViolations, launchChromium, screenshot } from './support/browser.js';
import { signInToApi } from './support/api.js';
import { startWebApp } from './support/web-app.js';
import { PractitionerPages } from './pages/practitionerPages.js';

const NQSW = 'nqsw@demo-council.example';

describe('the practitioner’s own pages in a real browser', () => {
  let web: Awaited<ReturnType<typeof startWebApp>>;
  let browser: Browser;
  let context: BrowserContext | undefined;

  /**
   * The demo NQSW as the pages expect them: an ASYE started in September (so its 3-month review
   * point is overdue), one supervision session today, and the reminders a scan makes of that.
   */
  async function giveTheNqswAnAsyeSupervisionAndReminders(): Promise<void> {
    const [psw, nqsw, assessor, supervisor] = await Promise.all(
      ['psw', 'nqsw', 'assessor', 'supervisor'].map((who) =>
        signInToApi(web.baseUrl, `${who}@demo-council.example`),
      ),
    );
    await psw!.gql('mutation ($input: StartAsyeInput!) { startAsye(input: $input) { id } }', {
      input: {
        practitionerId: nqsw!.userId,
        assessorId: assessor!.userId,
        lineManagerId: supervisor!.userId,
        startDate: '2026-09-01',
      },
    });
    await supervisor!.gql(
      'mutation ($input: RecordSupervisionInput!) { recordSupervision(input: $input) { id } }',
      {
        input: {
          superviseeId: nqsw!.userId,
          date: new Date().toISOString().slice(0, 10),
          durationMinutes: 90,
          kind: 'REFLECTIVE',
          notes: 'Talked through the first home visits.',
        },
      },
    );
    // A scan that was already running (or was queued) when this one was asked for may have read
    // the organisation before the ASYE existed: scan again until its reminder reaches the NQSW
    // (each reminder is stored once, however many scans run), however busy the machine is.
    const deadline = Date.now() + 60_000;
    for (;;) {
      await psw!.gql('mutation { runReminderScan { __typename } }');
      const { notifications } = (await nqsw!.gql('{ notifications(first: 50) { nodes { title } } }')) as {
        notifications: { nodes: { title: string }[] };
      };
      if (notifications.nodes.some((n) => /ASYE review point overdue/.test(n.title))) return;
      if (Date.now() > deadline) throw new Error('no reminder scan made the ASYE reminder within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchChromium();
    await giveTheNqswAnAsyeSupervisionAndReminders();
  }, 90_000);

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('shows the NQSW their CPD, next steps, PCF coverage as a picture and a table, and their evidence in progress', async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    const pages = new PractitionerPages(page, web.baseUrl);
    await pages.signInAs(NQSW);
    expect(await page.title()).toBe('Where I stand – Pathways');
    expect(await page.locator('h1').allTextContents()).toEqual(['Where I stand']);

    const cpd = await pages.section('Your CPD this registration year');
    expect(cpd).toContain(
      'You have not met Social Work England’s CPD requirements for this registration year yet.',
    );
    expect(cpd).toMatch(/Different pieces of CPD Not met yet 0 of 2 pieces/);
    expect(cpd).toMatch(/Pieces with a peer reflection Not met yet 0 of 1 piece/);
    expect(cpd).toMatch(/\d+ days? left, until 30 November 20\d\d\./);

    const nextSteps = await pages.section('Your next steps');
    expect(nextSteps).toContain('Newly qualified social worker (ASYE)');
    expect(nextSteps).toContain('Next: Social worker');
    expect(nextSteps).toContain('You need a verified completed ASYE.');

    const picture = page.getByRole('img', { name: /PCF coverage of your evidence across 9 domains/ });
    await expect(picture.count()).resolves.toBe(1);
    expect(await picture.getAttribute('aria-labelledby')).toBe('coverage-map-title');
    expect(await picture.locator('rect').count()).toBe(81);
    const table = page.getByRole('table', { name: /Your PCF coverage by domain/ });
    expect(await table.getByRole('row').count()).toBe(10);
    const professionalism = table.getByRole('row', { name: /^Professionalism/ }).locator('th, td');
    expect((await professionalism.allTextContents()).map((t) => t.trim())).toEqual([
      'Professionalism',
      'None',
      'ASYE',
      'None',
    ]);

    const evidence = await pages.section('Your evidence in progress');
    expect(evidence).toContain('Observed first home visit (demonstration)');
    expect(evidence).toContain('sent to Demo ASYE Assessor');
    expect(evidence).toContain('Reflection on my first month (demonstration)');
    expect(evidence).toContain('Nothing has been sent back to you for changes.');
    const draft = page.getByRole('link', { name: 'Reflection on my first month (demonstration)' });
    expect(await draft.getAttribute('href')).toMatch(/^\/evidence\/[0-9a-f-]{36}$/);

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'practitioner-home');
  }, 90_000);

  it('takes the NQSW from home to their ASYE, supervision and notifications', async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    const pages = new PractitionerPages(page, web.baseUrl);
    await pages.signInAs(NQSW);

    await Promise.all([
      page.waitForURL(`${web.baseUrl}/asye`),
      page.getByRole('link', { name: 'See your ASYE progress' }).click(),
    ]);
    expect(await page.title()).toBe('My ASYE – Pathways');
    const reviewPoints = await pages.section('Review points');
    expect(reviewPoints).toMatch(/3-month review Overdue Overdue: it was due on 1 December 2026\./);
    expect(reviewPoints).toMatch(/6-month review Upcoming Due on 1 March 2027\./);
    const needed = await pages.section('Evidence the year needs');
    expect(needed).toContain('Direct observations of your practice 0 of 3');
    expect(await pages.section('Protected development time')).toMatch(/^0 minutes recorded, of the /);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'practitioner-asye');

    await pages.followNavigation('Supervision');
    expect(await page.title()).toBe('My supervision – Pathways');
    expect(await page.locator('main').textContent()).toMatch(
      /Your next supervision is due by \d+ \w+ 20\d\d\./,
    );
    expect(
      await page.getByRole('row', { name: /Reflective 1 hour 30 minutes Demo Supervisor/ }).count(),
    ).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'practitioner-supervision');

    await pages.followNavigation('Notifications');
    expect(await page.title()).toBe('Notifications – Pathways');
    expect(await page.getByRole('heading', { name: /ASYE review point overdue/ }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'practitioner-notifications');
  }, 90_000);

  it('with JavaScript off, reads where they stand and marks a notification read with the form', async () => {
    context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const pages = new PractitionerPages(page, web.baseUrl);
    await pages.signInAs(NQSW);
    expect(await page.getByRole('img', { name: /PCF coverage/ }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'My ASYE' }).count()).toBe(1);

    await page.goto(`${web.baseUrl}/notifications?show=unread`);
    const unread = page.getByRole('heading', { name: /ASYE review point overdue/ });
    expect(await unread.count()).toBe(1);
    // The form posts, and the answer redirects back to the same list (POST-redirect-GET).
    await Promise.all([
      page.waitForResponse(
        (r) => r.url() === `${web.baseUrl}/notifications?show=unread` && r.request().method() === 'GET',
      ),
      page.getByRole('button', { name: /^Mark as read\W+ASYE review point overdue$/ }).click(),
    ]);
    await page.waitForLoadState('load');
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(
      'Notification marked as read',
    );
    expect(await page.getByRole('heading', { name: /ASYE review point overdue/ }).count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('You have no unread notifications.');
    await page.goto(`${web.baseUrl}/notifications`);
    expect(await page.getByRole('heading', { name: 'ASYE review point overdue' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Mark as read/ }).count()).toBe(0);
  }, 90_000);

  it('works at 320 px wide without scrolling sideways, home and the other pages', async () => {
    context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    const pages = new PractitionerPages(page, web.baseUrl);
    await pages.signInAs(NQSW);
    expect(await page.title()).toBe('Where I stand – Pathways');
    expect(await pages.hasHorizontalScroll()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'practitioner-home-320px');
    for (const path of ['/asye', '/supervision', '/notifications']) {
      await page.goto(`${web.baseUrl}${path}`);
      expect([path, await pages.hasHorizontalScroll()]).toEqual([path, false]);
    }
  }, 90_000);

  it('tells a student plainly that no regulator’s CPD rule and no ASYE apply to them', async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    const pages = new PractitionerPages(page, web.baseUrl);
    await pages.signInAs('student@demo-council.example');
    expect(await pages.section('Your CPD this registration year')).toContain(
      'No regulator is recorded for you',
    );
    expect(await pages.section('Your next steps')).toContain('Next: Newly qualified social worker (ASYE)');
    expect(await page.getByRole('link', { name: 'See your ASYE progress' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'My ASYE' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'student-home');

    await page.goto(`${web.baseUrl}/asye`);
    expect(await page.locator('main').textContent()).toContain(
      'You are not in an assessed and supported year in employment',
    );
    expect(await axeViolations(page)).toEqual([]);
  }, 90_000);

  it('shows an administrator, who keeps no portfolio, the page without an error', async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    const pages = new PractitionerPages(page, web.baseUrl);
    await pages.signInAs('admin@demo-council.example');
    expect(await page.title()).toBe('Where I stand – Pathways');
    expect(await pages.section('Your CPD this registration year')).toContain(
      'No regulator is recorded for you',
    );
    expect(await pages.section('Your next steps')).toContain(
      'Your account is not a practitioner’s in this organisation',
    );
    expect(await axeViolations(page)).toEqual([]);
  }, 90_000);
});
