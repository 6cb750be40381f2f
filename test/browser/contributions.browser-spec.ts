import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#app/persistence';
import { startLoopbackSmtp } from '#app/testing';
import { contributionTokenIn } from '../e2e/support/contribution-operations.js';
import { SignInPage } from './pages/signInPage.js';
import { axeViolations, launchChromium, screenshot } from './support/browser.js';
import {
  approveThroughApi,
  graphqlAs,
  loginToken,
  submitEvidenceThroughApi,
} from './support/portfolioApi.js';
import { startWebApp } from './support/web-app.js';

const NQSW = 'nqsw@demo-council.example';
const CONTRIBUTOR = 'dee.nurse@test.example';
const EDUCATOR = 'priya.shah@university.test';

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
    const requests = practitioner.getByRole('table', {
      name: 'Requests for feedback or a countersignature on this evidence',
    });
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

  it('asks an off-site practice educator to countersign an approved decision; they decline without reasons, then countersign, with JavaScript off', async () => {
    const piece = await submitEvidenceThroughApi(web.baseUrl, {
      title: 'Capacity assessment training',
      domains: ['KNOWLEDGE', 'CRITICAL_REFLECTION_AND_ANALYSIS'],
    });
    await approveThroughApi(web.baseUrl, piece.evidenceId);

    const practitioner = await signedInPractitioner();
    await practitioner.goto(`${web.baseUrl}/evidence/${piece.evidenceId}`);
    expect(await practitioner.locator('main').innerText()).toContain(
      'Nobody has countersigned this decision yet.',
    );
    await practitioner.getByRole('button', { name: 'Ask for a countersignature' }).click();
    expect(await practitioner.title()).toBe('Ask for a countersignature – Pathways');
    await expectAccessible(practitioner, 'countersign-ask');
    await practitioner.getByLabel('Their name').fill('Priya Shah');
    await practitioner.getByLabel('By email').check();
    await practitioner.getByLabel('Their email address').fill(EDUCATOR);
    const sent = smtp.messages.length;
    await practitioner.getByRole('button', { name: 'Ask for a countersignature' }).click();
    await practitioner.waitForURL(`${web.baseUrl}/evidence/${piece.evidenceId}#feedback-requests`);
    expect(await practitioner.locator('.govuk-notification-banner__content').innerText()).toContain(
      `Request to countersign emailed to ${EDUCATOR}`,
    );
    const message = smtp.messages.slice(sent).find((m) => m.includes(`To: ${EDUCATOR}`))!;
    expect(message).toContain('Read the decision and countersign it');
    const link = `${web.baseUrl}/contribute/${contributionTokenIn(message)}`;

    // The educator: no account, JavaScript off, a small screen. They read the evidence and the decision.
    const educator = await newPage({ javaScriptEnabled: false, width: 320 });
    await educator.goto(link);
    expect(await educator.title()).toBe('Countersign a decision on Demo’s evidence – Pathways');
    const decision = await educator.locator('main').innerText();
    expect(decision).toContain('A day of training on capacity assessments.');
    expect(decision).toContain('Clear evidence of ASYE-level practice.');
    const claims = await educator
      .getByRole('table', { name: 'What the evidence claims, and the decision on each claim' })
      .innerText();
    expect(claims).toMatch(/KNOWLEDGE[^\n]*\n?[\s\S]*Accepted/);
    await expectAccessibleWithoutJs(educator, 'countersign-give');

    await educator.getByLabel('How do you know Demo?').fill('Her off-site practice educator');
    await educator.getByLabel('Social Work England').check();
    await educator.getByLabel('Registration number').fill('SW204611');
    await educator.getByLabel('No, I do not countersign it').check();
    await educator.getByRole('button', { name: 'Send my judgement' }).click();
    expect(await educator.locator('.govuk-error-summary').innerText()).toContain(
      'Say why you do not countersign the decision',
    );
    expect(await educator.getByLabel('Registration number').inputValue()).toBe('SW204611');
    await expectAccessibleWithoutJs(educator, 'countersign-errors');

    await educator.getByLabel('Yes, I countersign it').check();
    await educator.getByLabel('Your comment').fill('I observed her assessments on placement.');
    await educator.getByRole('button', { name: 'Send my judgement' }).click();
    expect(await educator.getByRole('heading', { level: 1 }).innerText()).toBe('Countersignature sent');
    await expectAccessibleWithoutJs(educator, 'countersign-thank-you');

    await practitioner.reload();
    const card = practitioner.locator('#countersignatures ~ .govuk-summary-card').first();
    expect(await card.innerText()).toContain('Countersigned by Priya Shah');
    expect(await card.innerText()).toContain('SW204611');
    expect(await card.innerText()).toContain('I observed her assessments on placement.');
    await practitioner.getByRole('link', { name: /^Countersigned\s*: Priya Shah$/ }).waitFor();
    await expectAccessible(practitioner, 'countersign-evidence-countersigned');
  }, 180_000);

  it('a PSW reconciles a countersignature that disagreed, without JavaScript: both judgements side by side, the approval overturned with a reason', async () => {
    const piece = await submitEvidenceThroughApi(web.baseUrl, {
      title: 'Risk assessment with a family',
      domains: ['KNOWLEDGE'],
    });
    await approveThroughApi(web.baseUrl, piece.evidenceId);
    // The educator's judgement, given from the link as the journey above does it in the browser.
    const nqsw = await loginToken(web.baseUrl, NQSW);
    const { requestContribution } = await graphqlAs<{ requestContribution: { link: string } }>(
      web.baseUrl,
      nqsw,
      `mutation($input: RequestContributionInput!) { requestContribution(input: $input) { link } }`,
      {
        input: {
          evidenceVersionId: piece.versionId,
          purpose: 'COUNTERSIGNATURE',
          contributorName: 'Priya Shah',
          contributorRole: 'PRACTICE_EDUCATOR',
        },
      },
    );
    await graphqlAs(
      web.baseUrl,
      null,
      `mutation($input: SubmitCountersignatureInput!) { submitCountersignature(input: $input) { receivedAt } }`,
      {
        input: {
          token: requestContribution.link.split('/').pop(),
          name: 'Priya Shah',
          relationship: 'Her off-site practice educator',
          regulator: 'SOCIAL_WORK_ENGLAND',
          registrationNumber: 'SW204611',
          countersigns: false,
          comment: 'The plan does not weigh the risks the family named.',
        },
      },
    );

    const psw = await newPage({ javaScriptEnabled: false });
    const signIn = new SignInPage(psw);
    await signIn.open(web.baseUrl);
    await signIn.signIn('psw@demo-council.example', DEMO_PASSWORD);
    await psw.waitForURL(`${web.baseUrl}/`);
    await psw.goto(`${web.baseUrl}/progression`);
    await psw.getByRole('link', { name: 'Disputed sign-offs' }).click();
    expect(await psw.title()).toBe('Disputed sign-offs – Pathways');
    const list = await psw.getByRole('table', { name: /Waiting to be reconciled/ }).innerText();
    expect(list).toContain('Risk assessment with a family');
    expect(list).toContain('Demo Newly Qualified Social Worker');
    await expectAccessibleWithoutJs(psw, 'disputed-sign-offs');

    await psw.getByRole('link', { name: 'Risk assessment with a family' }).click();
    const page = await psw.locator('main').innerText();
    expect(page).toContain('Did not countersign');
    expect(page).toContain('The plan does not weigh the risks the family named.');
    expect(page).toContain('Demo ASYE Assessor');
    await expectAccessibleWithoutJs(psw, 'disputed-sign-off-reconcile');
    await psw.getByRole('button', { name: 'Record my decision' }).click();
    expect(await psw.locator('.govuk-error-summary a').allTextContents()).toEqual([
      'Select whether you uphold or overturn the approval',
      'Enter the reason for your decision',
    ]);
    await expectAccessibleWithoutJs(psw, 'disputed-sign-off-errors');

    await psw.getByLabel('Overturn the approval').check();
    await psw.getByLabel('Your reason').fill('I agree with the practice educator: the risks need weighing.');
    await psw.getByRole('button', { name: 'Record my decision' }).click();
    await psw.waitForURL(`${web.baseUrl}/progression/disputed-sign-offs`);
    expect(await psw.locator('.govuk-notification-banner__content').innerText()).toContain(
      'You overturned the approval',
    );
    expect(await psw.locator('main').innerText()).toContain('No sign-off is waiting to be reconciled.');

    const { evidence } = await graphqlAs<{ evidence: { current: { status: string } } }>(
      web.baseUrl,
      nqsw,
      'query($id: ID!) { evidence(id: $id) { current { status } } }',
      { id: piece.evidenceId },
    );
    expect(evidence.current.status).toBe('CHANGES_REQUESTED');
  }, 180_000);
});
