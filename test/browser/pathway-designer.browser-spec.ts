import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#app/persistence';
import { follow } from './pages/adminPages.js';
import { PathwayDesignerPages } from './pages/pathwayDesignerPages.js';
import { SignInPage } from './pages/signInPage.js';
import { axeViolations, launchChromium, screenshot } from './support/browser.js';
import { startWebApp } from './support/web-app.js';

const PSW = 'psw@demo-council.example';
const TO_PRACTICE_SUPERVISOR = 'Experienced / senior social worker to Practice supervisor';

describe('the Pathway designer in a real browser', () => {
  let web: Awaited<ReturnType<typeof startWebApp>>;
  let browser: Browser;
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchChromium();
  }, 90_000);

  afterEach(async () => {
    for (const c of contexts) await c.close();
    contexts = [];
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  const signedIn = async (email: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> => {
    const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
    contexts.push(context);
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await signIn.open(web.baseUrl);
    await signIn.signIn(email, DEMO_PASSWORD);
    await page.waitForURL(`${web.baseUrl}/`);
    return page;
  };

  const expectAccessible = async (page: Page, name: string) => {
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, name);
  };

  /** axe and screenshots need the page's JavaScript: a page with it on opens what the JavaScript-off page shows. */
  const expectAccessibleAsShown = async (checker: Page, shown: Page, name: string) => {
    await checker.goto(shown.url());
    expect(await checker.title()).toBe(await shown.title());
    await expectAccessible(checker, name);
  };

  it('lowers a threshold in a draft with JavaScript off, sees who gains, publishes, and finds the version in the history', async () => {
    const page = await signedIn(PSW, { javaScriptEnabled: false });
    const checker = await signedIn(PSW);
    const designer = new PathwayDesignerPages(page);
    await follow(
      page,
      page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Pathways' }),
    );
    expect(await page.title()).toBe('Career pathways – Pathways');
    await expectAccessibleAsShown(checker, page, 'pathways-list');

    await designer.press('Start a draft from the newest version');
    expect(await page.title()).toBe('Social work career pathway (demonstration), draft version 2 – Pathways');
    expect(await designer.flash()).toContain('Draft started from the newest version');
    const ladder = page.getByRole('img', { name: 'The ladder of version 2' });
    expect(await ladder.locator('desc').textContent()).toContain(TO_PRACTICE_SUPERVISOR);
    expect(await ladder.locator('rect').count()).toBe(10);
    expect(await designer.tableRows('Routes between stages')).toContainEqual(
      [TO_PRACTICE_SUPERVISOR.replace(' to ', ''), 'Practice supervisor', 'Agreed in appraisal'].map(
        (t, i) => (i === 0 ? expect.stringContaining('Experienced / senior social worker') : t),
      ),
    );
    await expectAccessibleAsShown(checker, page, 'pathways-draft');

    // The route to practice supervisor: 12 months at the stage, KSS coverage and approved evidence.
    await designer.press(TO_PRACTICE_SUPERVISOR, 'link');
    expect(await page.title()).toBe(`Route from ${TO_PRACTICE_SUPERVISOR} – Pathways`);
    expect(await designer.criteriaHeadings()).toEqual([
      'The route’s criteria: All of these',
      'Criterion 1: Months in the starting stage',
      'Criterion 2: Any one of these',
      'Criterion 2.1: Share of a framework evidenced',
      'Criterion 2.2: Share of a framework evidenced',
      'Criterion 3: Approved evidence at a PCF level',
    ]);
    expect(await designer.field('c.0.months').inputValue()).toBe('12');
    await expectAccessibleAsShown(checker, page, 'pathways-route');

    // Taking two criteria out re-draws the form without saving, and keeps what was typed.
    await designer.field('c.0.months').fill('0');
    await designer.press('Remove criterion 3');
    await designer.press('Remove criterion 2');
    expect(await designer.criteriaHeadings()).toEqual([
      'The route’s criteria: All of these',
      'Criterion 1: Months in the starting stage',
    ]);
    expect(await designer.field('c.0.months').inputValue()).toBe('0');

    // The API refuses 0 months; the error names the criterion and sits on its field.
    await designer.save();
    expect(await page.title()).toBe(`Error: Route from ${TO_PRACTICE_SUPERVISOR} – Pathways`);
    expect(await designer.errorSummary()).toEqual([
      'Criterion 1 (Months in the starting stage): months must be a whole number of at least 1.',
    ]);
    expect(await page.locator('#c-0-months-error').innerText()).toContain('months must be a whole number');
    expect(await designer.field('c.0.months').inputValue()).toBe('0');

    await designer.field('c.0.months').fill('6');
    await designer.save();
    expect(await designer.flash()).toContain('Route EXPERIENCED_TO_PRACTICE_SUPERVISOR saved');

    // The what-if: the experienced social worker, at the stage since 2016, would become eligible.
    await designer.press('Compare with the published version');
    expect(await page.title()).toBe('Publish draft version 2 – Pathways');
    expect(await page.locator('#gains').innerText()).toBe(
      `${TO_PRACTICE_SUPERVISOR}: Demo ASYE Assessor would become eligible`,
    );
    expect(await designer.tableRows('Eligible per route')).toContainEqual([
      TO_PRACTICE_SUPERVISOR,
      '0',
      '1',
      '1 person more eligible',
    ]);
    expect(await page.locator('#losses').count()).toBe(0);
    await expectAccessibleAsShown(checker, page, 'pathways-what-if');

    // Publishing asks for a confirmation first.
    await designer.press('Publish version 2');
    expect(await designer.flash()).toContain('Nothing published');
    await page.getByLabel('I want practitioners to be measured against draft version 2 from now on').check();
    await designer.press('Publish version 2');
    expect(await page.title()).toBe('Social work career pathway (demonstration), version 2 – Pathways');
    expect(await designer.flash()).toContain('Version 2 published');
    expect(await page.locator('.govuk-summary-list').innerText()).toContain('Published');
    expect(await page.getByRole('button', { name: 'Save the route' }).count()).toBe(0);
    await expectAccessibleAsShown(checker, page, 'pathways-version');

    // The history: version 2 in force, version 1 retired and still readable as it was.
    await designer.press('Back to career pathways', 'link');
    expect(await designer.tableRows('Published versions')).toEqual([
      ['Version 2', 'Published', expect.any(String), '11'],
      ['Version 1', 'Retired', expect.any(String), '11'],
    ]);
    expect(await page.getByRole('button', { name: 'Start a draft from the newest version' }).count()).toBe(1);
    await designer.press('Version 1', 'link');
    expect(await page.locator('.govuk-summary-list').innerText()).toContain('Retired');
    expect(await page.locator('main').innerText()).toContain('Months in the starting stage: months 12');
    await expectAccessibleAsShown(checker, page, 'pathways-version-retired');
  }, 180_000);

  it('adds criteria of a chosen type to a group, each with its own fields, and keeps them through a refusal', async () => {
    const page = await signedIn(PSW);
    const designer = new PathwayDesignerPages(page);
    await page.goto(`${web.baseUrl}/pathways`);
    await designer.press('Start a pathway from the template');
    await expectAccessible(page, 'pathways-new');
    await designer.press('Start the draft');
    expect(await designer.errorSummary()).toEqual(['Enter a name for the pathway']);
    await page.getByLabel('Name of the pathway').fill('Adult social work career pathway');
    await designer.press('Start the draft');
    expect(await designer.flash()).toContain(
      'Pathway Adult social work career pathway started from the template',
    );
    expect(await page.title()).toBe('Adult social work career pathway, draft version 1 – Pathways');
    await designer.press('Newly qualified social worker (ASYE) to Social worker', 'link');

    await page
      .getByLabel('What to add to the route’s criteria')
      .selectOption({ label: 'A group: any one of these' });
    await designer.press('Add to the route’s criteria');
    await page.getByLabel('What to add to criterion 2').selectOption({ label: 'CPD requirements met' });
    await designer.press('Add to criterion 2');
    await page.getByLabel('What to add to criterion 2').selectOption({ label: 'Holds a stage' });
    await designer.press('Add to criterion 2');
    expect(await designer.criteriaHeadings()).toEqual([
      'The route’s criteria: All of these',
      'Criterion 1: A verified qualification',
      'Criterion 2: Any one of these',
      'Criterion 2.1: CPD requirements met',
      'Criterion 2.2: Holds a stage',
    ]);
    await designer.field('c.1.0.registrationYears').fill('two');
    await designer.field('c.1.1.stageKey').selectOption({ label: 'Student' });
    await designer.save();
    expect(await designer.errorSummary()).toEqual([
      'Criterion 2.1 (CPD requirements met): enter a whole number, like 12',
    ]);
    expect(await designer.field('c.1.0.registrationYears').inputValue()).toBe('two');
    expect(await designer.field('c.1.1.stageKey').inputValue()).toBe('STUDENT');
    await expectAccessible(page, 'pathways-route-added');

    await designer.field('c.1.0.registrationYears').fill('2');
    await designer.save();
    expect(await designer.flash()).toContain('Route NQSW_TO_SOCIAL_WORKER saved');
    await designer.press('Newly qualified social worker (ASYE) to Social worker', 'link');
    expect(await designer.field('c.1.0.registrationYears').inputValue()).toBe('2');
    expect(await designer.field('c.1.1.stageKey').inputValue()).toBe('STUDENT');

    // At 320 px wide, the route form and the ladder fit without scrolling sideways.
    await page.setViewportSize({ width: 320, height: 640 });
    for (const url of [page.url(), page.url().replace(/\/routes\/.*$/, '')]) {
      await page.goto(url);
      const overflow = await page.evaluate(
        () => (globalThis as any).document.documentElement.scrollWidth > (globalThis as any).innerWidth,
      );
      expect(overflow).toBe(false);
    }
    await screenshot(page, 'pathways-draft-320px');
  }, 120_000);

  it('adds a stage to a draft, then a route to it with its first criterion', async () => {
    const page = await signedIn(PSW);
    const designer = new PathwayDesignerPages(page);
    await page.goto(`${web.baseUrl}/pathways/new`);
    await page.getByLabel('Name of the pathway').fill('Children’s social work career pathway');
    await designer.press('Start the draft');

    await designer.press('Add a stage');
    expect(await page.title()).toBe('Add a stage – Pathways');
    await designer.press('Save the stage');
    expect(await designer.errorSummary()).toEqual([
      'Enter a key for the stage, like SENIOR_PRACTITIONER',
      'Enter the name of the stage',
    ]);
    await expectAccessible(page, 'pathways-stage-new-error');
    await page.getByLabel('Key').fill('SENIOR_PRACTITIONER');
    await page.getByLabel('Name', { exact: true }).fill('Senior practitioner');
    await page.getByLabel('PCF level').selectOption('EXPERIENCED_SOCIAL_WORKER');
    await designer.press('Save the stage');
    expect(await designer.flash()).toContain('Stage Senior practitioner saved');
    expect(await designer.tableRows('Stages of the draft')).toContainEqual([
      'Senior practitioner',
      'EXPERIENCED_SOCIAL_WORKER',
      '',
    ]);
    expect(
      await page
        .getByRole('img', { name: /ladder/ })
        .locator('rect')
        .count(),
    ).toBe(11);

    await designer.press('Add a route');
    expect(await page.title()).toBe('Add a route – Pathways');
    await expectAccessible(page, 'pathways-route-new');
    await designer.save();
    expect(await designer.errorSummary()).toEqual([
      'Enter a key for the route, like SOCIAL_WORKER_TO_TEAM_MANAGER',
      'Choose the stage the route leaves',
      'Choose the stage the route reaches',
      'Choose how the move is decided',
    ]);
    await page.getByLabel('Key').fill('SOCIAL_WORKER_TO_SENIOR_PRACTITIONER');
    await page.getByLabel('From the stage').selectOption({ label: 'Social worker' });
    await page.getByLabel('To the stage').selectOption({ label: 'Senior practitioner' });
    await page.getByLabel('Career progression panel').check();
    await designer.field('c.0.months').fill('0');
    await designer.save();
    expect(await designer.errorSummary()).toEqual([
      'Criterion 1 (Months in the starting stage): months must be a whole number of at least 1.',
    ]);
    expect(await page.getByLabel('Key').inputValue()).toBe('SOCIAL_WORKER_TO_SENIOR_PRACTITIONER');
    await expectAccessible(page, 'pathways-route-api-error');

    await designer.field('c.0.months').fill('36');
    await designer.save();
    expect(await designer.flash()).toContain('Route SOCIAL_WORKER_TO_SENIOR_PRACTITIONER saved');
    expect(await designer.tableRows('Routes between stages')).toContainEqual([
      'Social worker to Senior practitioner',
      'Senior practitioner',
      'Career progression panel',
    ]);
    expect(
      await page
        .getByRole('img', { name: /ladder/ })
        .locator('desc')
        .textContent(),
    ).toContain('Social worker to Senior practitioner');
  }, 120_000);

  it('removes a route and an unused stage from a draft with JavaScript off, and keeps a stage routes still use', async () => {
    const page = await signedIn(PSW, { javaScriptEnabled: false });
    const checker = await signedIn(PSW);
    const designer = new PathwayDesignerPages(page);
    await page.goto(`${web.baseUrl}/pathways/new`);
    await page.getByLabel('Name of the pathway').fill('Adults and carers career pathway');
    await designer.press('Start the draft');
    const draftUrl = page.url();
    await designer.press('Add a stage');
    await page.getByLabel('Key').fill('SPARE_ROLE');
    await page.getByLabel('Name', { exact: true }).fill('Spare role');
    await designer.press('Save the stage');
    const stagesBefore = await designer.tableRows('Stages of the draft');

    // A stage that routes use says which, and offers no button.
    await page.goto(`${draftUrl}/stages/SOCIAL_WORKER`);
    await follow(page, page.getByRole('link', { name: 'Remove this stage from the draft' }));
    expect(await page.title()).toBe('Remove the stage Social worker – Pathways');
    expect(await page.getByRole('button', { name: 'Remove the stage' }).count()).toBe(0);
    expect(
      await page.getByRole('link', { name: 'Newly qualified social worker (ASYE) to Social worker' }).count(),
    ).toBe(1);
    await expectAccessibleAsShown(checker, page, 'pathways-stage-remove-blocked');

    // An unused stage goes, and only it.
    await page.goto(`${draftUrl}/stages/SPARE_ROLE`);
    await follow(page, page.getByRole('link', { name: 'Remove this stage from the draft' }));
    await expectAccessibleAsShown(checker, page, 'pathways-stage-remove');
    await designer.press('Remove the stage');
    expect(await designer.flash()).toContain('The stage Spare role was removed from the draft');
    const stagesAfter = await designer.tableRows('Stages of the draft');
    expect(stagesAfter).toEqual(stagesBefore.filter((row) => row[0] !== 'Spare role'));

    // A route goes; its stages stay.
    const routesBefore = await designer.tableRows('Routes between stages');
    await page.goto(`${draftUrl}/routes/SOCIAL_WORKER_TO_EXPERIENCED`);
    await follow(page, page.getByRole('link', { name: 'Remove this route from the draft' }));
    expect(await page.title()).toBe(
      'Remove the route Social worker to Experienced / senior social worker – Pathways',
    );
    await designer.press('Remove the route');
    expect(await designer.flash()).toContain(
      'The route Social worker to Experienced / senior social worker was removed',
    );
    const routesAfter = await designer.tableRows('Routes between stages');
    expect(routesAfter).toHaveLength(routesBefore.length - 1);
    expect(routesAfter.map((r) => r[0])).not.toContain('Social worker to Experienced / senior social worker');
    expect(await designer.tableRows('Stages of the draft')).toEqual(stagesAfter);
  }, 120_000);

  it('is not offered to practitioners', async () => {
    const page = await signedIn('nqsw@demo-council.example');
    expect(await page.locator('.govuk-service-navigation a[href="/pathways"]').count()).toBe(0);
    const response = await page.goto(`${web.baseUrl}/pathways`);
    expect(response?.status()).toBe(404);
  }, 60_000);
});
