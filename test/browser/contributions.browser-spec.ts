import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#app/persistence';
import { startLoopbackSmtp } from '#app/testing';
import { contributionTokenIn } from '../e2e/support/contribution-operations.js';
import { SignInPage } from './pages/signInPage.js';
import { axeViolations, launchChromium, screenshot } from './support/browser.js';
import { graphqlAs, loginToken } from './support/portfolioApi.js';
import { startWebApp } from './support/web-app.js';

const NQSW = 'nqsw@demo-council.example';
const CONTRIBUTOR = 'dee.nurse@test.example';

describe('feedback by one-time link in a real browser', () => {
  let web: Awaited<ReturnType<typeof startWebApp>>;
  let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>>;
  let browser: Browser;
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    smtp = await startLoopbackSmtp();
    web = await startWebApp({ apiEnv: { SMTP_URL: smtp.url, MAIL_FROM: 'pathways@test.example' } });
    browser = await launchChromium();
  }, 90_000);

  afterEach(async () => {
    for (const c of contexts) await c.close();
    contexts = [];
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await smtp?.close();
  });

  const newPage = async (options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> => {
    const context = await browser.newContext({
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      ...(options.width ? { viewport: { width: options.width, height: 800 } } : {}),
    });
    contexts.push(context);
    context.setDefaultTimeout(15_000);
    return context.newPage();
  };

  const expectAccessible = async (page: Page, name: string) => {
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, name);
  };

  /**
   * axe on a page shown with JavaScript off: axe cannot run in such a page, so the same HTML is served
   * to a page with JavaScript at the same address (its styles load as usual) and checked there.
   */
  const expectAccessibleWithoutJs = async (page: Page, name: string) => {
    const html = await page.content();
    const auditor = await newPage();
    await auditor.route(page.url(), (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
    );
    await auditor.goto(page.url());
    expect(await axeViolations(auditor)).toEqual([]);
    await screenshot(page, name);
  };

  const signedInPractitioner = async (): Promise<Page> => {
    const page = await newPage();
    const signIn = new SignInPage(page);
    await signIn.open(web.baseUrl);
    await signIn.signIn(NQSW, DEMO_PASSWORD);
    await page.waitForURL(`${web.baseUrl}/`);
    return page;
  };

  /** A direct observation of the practitioner's, recorded through the API (recording it is another journey). */
  const observation = async (title: string): Promise<string> => {
    const token = await loginToken(web.baseUrl, NQSW);
    const { createEvidence } = await graphqlAs<{ createEvidence: { evidenceId: string } }>(
      web.baseUrl,
      token,
      'mutation($input: CreateEvidenceInput!) { createEvidence(input: $input) { evidenceId } }',
      {
        input: {
          kind: 'DIRECT_OBSERVATION',
          title,
          dateFrom: new Date().toISOString().slice(0, 10),
          description: 'A planned visit.',
          mappings: [],
        },
      },
    );
    return createEvidence.evidenceId;
  };

  it('asks by email; the contributor, without an account or JavaScript, gives feedback once; the practitioner sees it with its origin', async () => {
    const evidenceId = await observation('Home visit with the family');
    const practitioner = await signedInPractitioner();
    await practitioner.goto(`${web.baseUrl}/evidence/${evidenceId}`);
    await practitioner.getByRole('button', { name: 'Ask for feedback' }).click();
    expect(await practitioner.title()).toBe('Ask for feedback – Pathways');
    await expectAccessible(practitioner, 'contributions-ask');

    // Sent with nothing chosen: the error summary names each question.
    await practitioner.getByRole('button', { name: 'Ask for feedback' }).click();
    expect(await practitioner.locator('.govuk-error-summary').innerText()).toContain('Enter their name');
    await expectAccessible(practitioner, 'contributions-ask-errors');

    await practitioner.getByLabel('Their name').fill('Dee Nurse');
    await practitioner.getByLabel('Another professional').check();
    await practitioner.getByLabel('By email').check();
    await practitioner.getByLabel('Their email address').fill(CONTRIBUTOR);
    const sent = smtp.messages.length;
    await practitioner.getByRole('button', { name: 'Ask for feedback' }).click();
    await practitioner.waitForURL(`${web.baseUrl}/evidence/${evidenceId}#feedback-requests`);
    expect(await practitioner.locator('.govuk-notification-banner__content').innerText()).toContain(
      `Request for feedback emailed to ${CONTRIBUTOR}`,
    );
    const requests = practitioner.getByRole('table', { name: 'Requests for feedback on this evidence' });
    expect(await requests.innerText()).toContain('Waiting');
    await expectAccessible(practitioner, 'contributions-evidence-waiting');

    const message = smtp.messages.slice(sent).find((m) => m.includes(`To: ${CONTRIBUTOR}`))!;
    const link = `${web.baseUrl}/contribute/${contributionTokenIn(message)}`;

    // The contributor: a fresh browser, no sign-in, JavaScript off, a small screen.
    const contributor = await newPage({ javaScriptEnabled: false, width: 320 });
    await contributor.goto(link);
    expect(await contributor.title()).toBe('Give feedback to Demo – Pathways');
    expect(await contributor.locator('main').innerText()).toContain(
      'asked you for feedback on their practice, as another professional. It is about: Home visit with the family.',
    );
    expect(await contributor.getByLabel('Your name').inputValue()).toBe('Dee Nurse');
    await expectAccessibleWithoutJs(contributor, 'contributions-give');

    await contributor.getByLabel('How do you know Demo?').fill('I am the school nurse she worked with');
    await contributor.getByRole('button', { name: 'Send feedback' }).click();
    expect(await contributor.locator('.govuk-error-summary').innerText()).toContain('Enter your feedback');
    await expectAccessibleWithoutJs(contributor, 'contributions-give-errors');

    await contributor.getByLabel('Your feedback').fill('Clear plans, shared with everyone on time.');
    await contributor.getByRole('button', { name: 'Send feedback' }).click();
    expect(await contributor.getByRole('heading', { level: 1 }).innerText()).toBe('Feedback sent');
    await expectAccessibleWithoutJs(contributor, 'contributions-thank-you');

    // Used: the same link now gets the page that names nobody.
    await contributor.goto(link);
    expect(await contributor.title()).toBe('This link does not work – Pathways');
    expect(await contributor.locator('main').innerText()).not.toMatch(/Demo|Home visit/);
    await expectAccessibleWithoutJs(contributor, 'contributions-link-invalid');

    await practitioner.reload();
    expect(await requests.innerText()).toContain('Received');
    await practitioner.getByRole('link', { name: 'See the feedback from Dee Nurse' }).click();
    const origin = practitioner.locator('#contribution-origin');
    expect(await origin.innerText()).toContain('From Dee Nurse, another professional');
    expect(await origin.innerText()).toContain('How they know you: I am the school nurse she worked with');
    expect(await practitioner.getByRole('heading', { level: 1 }).innerText()).toBe('Feedback from Dee Nurse');
    await expectAccessible(practitioner, 'contributions-feedback-with-origin');
  }, 180_000);

  it('prints a link and QR code for someone without email, once, and withdraws it', async () => {
    const evidenceId = await observation('Review meeting');
    const practitioner = await signedInPractitioner();
    await practitioner.goto(`${web.baseUrl}/evidence/${evidenceId}/ask-for-feedback`);
    await practitioner.getByLabel('Their name').fill('Sam');
    await practitioner.getByLabel('A person who uses services').check();
    await practitioner.getByLabel('On paper: a page to print with the link and a QR code').check();
    await practitioner.getByRole('button', { name: 'Ask for feedback' }).click();
    expect(await practitioner.title()).toBe('Print the request for feedback – Pathways');
    await practitioner.getByRole('img', { name: 'QR code of the link printed below' }).waitFor();
    const printed = await practitioner.locator('#printable-link').innerText();
    expect(printed).toMatch(/\/contribute\/[A-Za-z0-9_-]{43}$/);
    await expectAccessible(practitioner, 'contributions-printable');

    await practitioner.getByRole('link', { name: 'Back to the evidence' }).click();
    await practitioner.getByRole('button', { name: 'Withdraw the request to Sam' }).click();
    expect(await practitioner.locator('.govuk-notification-banner__content').innerText()).toContain(
      'Request for feedback withdrawn',
    );
    await expectAccessible(practitioner, 'contributions-withdrawn');

    const contributor = await newPage({ javaScriptEnabled: false });
    await contributor.goto(`${web.baseUrl}/contribute/${printed.split('/').pop()}`);
    expect(await contributor.title()).toBe('This link does not work – Pathways');
    await expectAccessibleWithoutJs(contributor, 'contributions-withdrawn-link');
  }, 120_000);
});
