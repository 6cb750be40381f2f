import { axeViolations, screenshot } from './support/browser.js';
import {
  evidenceAsPractitioner,
  submitEvidenceThroughApi,
  withdrawEvidenceThroughApi,
} from './support/portfolioApi.js';
import { webAppInBrowser } from './support/web-app-in-browser.js';
import { clickAndWaitForPage } from './pages/navigation.js';
import { ReviewPage } from './pages/reviewPage.js';
import { ReviewQueuePage } from './pages/reviewQueuePage.js';

const ASSESSOR = 'assessor@demo-council.example';
const NQSW_NAME = 'Demo Newly Qualified Social Worker';
const SEEDED_PIECE = 'Observed first home visit (demonstration)';
const ASYE = 'Assessed and Supported Year in Employment (NQSW)';
const PROFESSIONALISM = `Professionalism at ${ASYE}`;
const KNOWLEDGE = `Knowledge at ${ASYE}`;
/** The smallest file the API takes as a PDF (detected from its bytes). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe('reviewing evidence in a real browser', () => {
  const web = webAppInBrowser();
  const signedInAs = web.signedInAs;

  it('lets the ASYE assessor find a submission in the queue, read it, decide each mapping and approve it', async () => {
    const piece = await submitEvidenceThroughApi(web.baseUrl, {
      title: 'Mental Capacity Act refresher (review journey)',
      domains: ['PROFESSIONALISM', 'KNOWLEDGE'],
      attachment: { name: 'certificate.pdf', bytes: PDF },
    });
    const page = await signedInAs(ASSESSOR);
    const queue = new ReviewQueuePage(page);
    await queue.open(web.baseUrl);
    expect(await page.title()).toBe('Evidence to review – Pathways');
    const waitingBefore = Number(/^(\d+) submissions? (is|are) waiting/.exec(await queue.countText())?.[1]);
    // The seeded demonstration piece waits too.
    expect(waitingBefore).toBeGreaterThanOrEqual(2);
    expect(await queue.row(piece.title)).toMatchObject({
      practitioner: NQSW_NAME,
      kind: 'CPD activity',
      waiting: 'Less than a day',
    });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'review-queue');

    await queue.filter({ domain: 'Knowledge' });
    expect((await queue.rows()).map((r) => r.title)).toEqual([piece.title]);
    await queue.filter({ minWaitingDays: 'a week' });
    expect(await page.title()).toBe('Error: Evidence to review – Pathways');
    expect(await queue.errorSummaryLinks()).toEqual(['Enter the days waiting as a whole number, like 7']);
    expect(await page.getByLabel('Waiting at least (days)').inputValue()).toBe('a week');
    expect(await axeViolations(page)).toEqual([]);
    await queue.filter({ minWaitingDays: '3' });
    expect(await queue.rows()).toEqual([]);
    expect(await page.getByText('No submissions match these filters.').count()).toBe(1);
    await queue.open(web.baseUrl);

    await queue.openReview(piece.title);
    const review = new ReviewPage(page);
    expect(await page.title()).toBe(`Review ${piece.title} – Pathways`);
    expect(await review.heading()).toBe(piece.title);
    expect(await review.summary('Hours')).toBe('6.5');
    expect(await review.summary('Date')).toBe('12 October 2026');
    expect(await review.section('description')).toBe('A day of training on capacity assessments.');
    expect(await review.section('learning')).toBe('Record a capacity assessment decision by decision.');
    expect(await review.section('impact')).toBe('My assessments now record each decision separately.');
    expect(await review.section('peer-reflection')).toBe('My manager and I compared two assessments.');
    const [attachment] = await review.attachmentLinks();
    expect(attachment?.name).toBe('certificate.pdf');
    // The download goes through the web server with the session's token (the browser has none).
    const download = await page.request.get(`${web.baseUrl}${attachment!.href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'review-page');

    // Approving with a mapping undecided is refused, keeping what was typed.
    await review.decide(PROFESSIONALISM, { accept: true }, 'Clear from the reflection.');
    await review.comment('Well evidenced. The family at SW1A 1AA said so.');
    await review.approve();
    expect(await page.title()).toBe(`Error: Review ${piece.title} – Pathways`);
    expect(await review.errorSummaryLinks()).toEqual([`Decide ${KNOWLEDGE}`]);
    expect(await review.commentValue()).toBe('Well evidenced. The family at SW1A 1AA said so.');
    expect(await axeViolations(page)).toEqual([]);

    // A postcode in the comment is refused inline until the reviewer confirms it identifies nobody.
    await review.decide(KNOWLEDGE, { otherLevel: 'Social worker' }, 'Beyond ASYE level.');
    await review.approve();
    expect(await review.inlineError('comment')).toContain('This may identify someone you work with');
    expect(await review.errorSummaryLinks()).toHaveLength(1);
    expect(await page.getByLabel('Comment on Professionalism', { exact: false }).inputValue()).toBe(
      'Clear from the reflection.',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'review-identifiers');
    await review.confirmNoIdentifyingDetails();
    await review.approve();

    expect(page.url()).toBe(`${web.baseUrl}/reviews`);
    expect(await queue.flash()).toBe(`Approved: ${piece.title}`);
    expect(await queue.row(piece.title)).toBeUndefined();
    expect(await queue.countText()).toMatch(
      new RegExp(`^${waitingBefore - 1} submissions? (is|are) waiting`),
    );
    expect(await evidenceAsPractitioner(web.baseUrl, piece.evidenceId)).toEqual({
      status: 'APPROVED',
      review: { outcome: 'APPROVE', comment: 'Well evidenced. The family at SW1A 1AA said so.' },
      mappings: [
        {
          item: { code: 'PROFESSIONALISM' },
          decision: 'ACCEPTED',
          acceptedLevel: { code: 'ASYE' },
          decisionComment: 'Clear from the reflection.',
        },
        {
          item: { code: 'KNOWLEDGE' },
          decision: 'ACCEPTED_AT_OTHER_LEVEL',
          acceptedLevel: { code: 'SOCIAL_WORKER' },
          decisionComment: 'Beyond ASYE level.',
        },
      ],
    });
  }, 120_000);

  it('lets the assessor request changes with JavaScript off, and then shows the piece as sent back', async () => {
    // axe and screenshots need the page's JavaScript, so the same pages are checked in the other tests.
    const piece = await submitEvidenceThroughApi(web.baseUrl, {
      title: 'Safeguarding webinar (changes requested)',
      domains: ['VALUES_AND_ETHICS', 'SKILLS_AND_INTERVENTIONS'],
    });
    const page = await signedInAs(ASSESSOR, { javaScriptEnabled: false });
    const queue = new ReviewQueuePage(page);
    await queue.open(web.baseUrl);
    await queue.filter({ practitioner: NQSW_NAME, kind: 'CPD activity' });
    expect((await queue.rows()).map((r) => r.title)).toContain(piece.title);
    await queue.openReview(piece.title);

    const review = new ReviewPage(page);
    await review.decide(
      `Values and Ethics at ${ASYE}`,
      { notAccepted: true },
      'Say how the webinar changed a decision.',
    );
    await review.comment('Please add an example from your practice.');
    await review.requestChanges();

    expect(page.url()).toBe(`${web.baseUrl}/reviews`);
    expect(await queue.flash()).toBe(`Changes requested: ${piece.title}`);
    const now = await evidenceAsPractitioner(web.baseUrl, piece.evidenceId);
    expect(now.status).toBe('CHANGES_REQUESTED');
    expect(now.review).toEqual({
      outcome: 'REQUEST_CHANGES',
      comment: 'Please add an example from your practice.',
    });
    expect(now.mappings.map((m) => m.decision)).toEqual(['NOT_ACCEPTED', null]);

    await page.goto(`${web.baseUrl}/reviews/${piece.evidenceId}/versions/${piece.versionId}`);
    expect(await review.currentState()).toBe(
      'This evidence is not waiting for your decision: it is sent back for changes.',
    );
    expect(await review.canDecide()).toBe(false);
    expect(await review.mappingDecisions()).toEqual([
      [`Values and Ethics at ${ASYE}`, 'Not accepted', '', 'Say how the webinar changed a decision.'],
      [`Skills and Interventions at ${ASYE}`, 'Not decided', '', ''],
    ]);
  }, 120_000);

  it('tells the second of two tabs plainly that the evidence was already decided, and shows it as it is now', async () => {
    const piece = await submitEvidenceThroughApi(web.baseUrl, {
      title: 'Court skills training (two tabs)',
      domains: ['CONTEXTS_AND_ORGANISATIONS'],
    });
    const url = `${web.baseUrl}/reviews/${piece.evidenceId}/versions/${piece.versionId}`;
    const first = await signedInAs(ASSESSOR);
    const second = await signedInAs(ASSESSOR);
    await Promise.all([first.goto(url), second.goto(url)]);
    const mapping = `Contexts and Organisations at ${ASYE}`;

    const firstReview = new ReviewPage(first);
    await firstReview.decide(mapping, { accept: true });
    await firstReview.approve();
    expect(await new ReviewQueuePage(first).flash()).toBe(`Approved: ${piece.title}`);

    const secondReview = new ReviewPage(second);
    await secondReview.decide(mapping, { notAccepted: true });
    await secondReview.comment('I would send this back.');
    const response = second.waitForResponse((r) => r.request().method() === 'POST');
    await clickAndWaitForPage(second, second.getByRole('button', { name: 'Request changes' }));
    expect((await response).status()).toBe(409);
    expect(await second.title()).toBe(`Review ${piece.title} – Pathways`);
    expect(await secondReview.conflictMessage()).toBe(
      'This evidence was already decided, or is no longer waiting for your decision.',
    );
    expect(await secondReview.currentState()).toBe(
      'This evidence is not waiting for your decision: it is approved.',
    );
    expect(await secondReview.summary('Outcome')).toBe('Approved');
    expect(await secondReview.summary('Decided by')).toBe('Demo ASYE Assessor');
    expect(await secondReview.mappingDecisions()).toEqual([[mapping, 'Accepted', mapping, '']]);
    expect(await axeViolations(second)).toEqual([]);
    await screenshot(second, 'review-already-decided');
    expect((await evidenceAsPractitioner(web.baseUrl, piece.evidenceId)).status).toBe('APPROVED');
  }, 120_000);

  it('says plainly that a piece withdrawn while the assessor was deciding is no longer waiting for them', async () => {
    const piece = await submitEvidenceThroughApi(web.baseUrl, {
      title: 'Domestic abuse training (withdrawn)',
      domains: ['DIVERSITY_AND_EQUALITY'],
    });
    const page = await signedInAs(ASSESSOR);
    await page.goto(`${web.baseUrl}/reviews/${piece.evidenceId}/versions/${piece.versionId}`);
    const review = new ReviewPage(page);
    await review.decide(`Diversity and Equality at ${ASYE}`, { accept: true });
    await withdrawEvidenceThroughApi(web.baseUrl, piece.evidenceId);
    const response = page.waitForResponse((r) => r.request().method() === 'POST');
    await clickAndWaitForPage(page, page.getByRole('button', { name: 'Approve' }));
    expect((await response).status()).toBe(409);
    expect(await page.title()).toBe('Evidence no longer waiting for your decision – Pathways');
    expect(await review.heading()).toBe('This evidence is no longer waiting for your decision');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'review-withdrawn');
    expect((await evidenceAsPractitioner(web.baseUrl, piece.evidenceId)).status).toBe('DRAFT');
  }, 120_000);

  it('lists the practitioners assigned to the assessor with their PCF coverage, linked to their waiting evidence', async () => {
    const page = await signedInAs(ASSESSOR);
    await page.getByRole('link', { name: 'My practitioners' }).click();
    await page.waitForURL(`${web.baseUrl}/my-practitioners`);
    expect(await page.title()).toBe('My practitioners – Pathways');
    const section = page.getByRole('region', { name: NQSW_NAME });
    expect(await section.count()).toBe(1);
    expect(await section.locator('.govuk-summary-list').textContent()).toMatch(/Your role\s+ASYE assessor/);
    expect(await section.locator('.govuk-summary-list').textContent()).toMatch(
      /(Approved evidence in \d of 9 PCF domains|No approved evidence in any PCF domain yet)\./,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'my-practitioners');

    await clickAndWaitForPage(
      page,
      section.getByRole('link', { name: `Everything ${NQSW_NAME} submitted to you` }),
    );
    expect(await page.title()).toBe(`Evidence from ${NQSW_NAME} – Pathways`);
    const submitted = await page.locator('#submitted-evidence tbody tr').allTextContents();
    expect(
      submitted.map((t) => t.replace(/\s+/g, ' ').trim()).find((t) => t.startsWith(SEEDED_PIECE)),
    ).toMatch(/Direct observation .* Waiting for your decision$/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'my-practitioner-evidence');
    await page.goBack();

    await section.getByRole('link', { name: `Evidence from ${NQSW_NAME} waiting for your decision` }).click();
    await page.waitForURL(/\/reviews\?practitioner=/);
    expect(await page.getByLabel('Practitioner').locator('option:checked').textContent()).toBe(NQSW_NAME);
    const queue = new ReviewQueuePage(page);
    expect((await queue.rows()).every((r) => r.practitioner === NQSW_NAME)).toBe(true);
  }, 120_000);

  it('shows the queue and a review page at 320 px wide without scrolling sideways', async () => {
    const page = await signedInAs(ASSESSOR, { viewport: { width: 320, height: 640 } });
    await page.goto(`${web.baseUrl}/reviews`);
    const overflow = await page.evaluate(
      () => (globalThis as any).document.documentElement.scrollWidth > (globalThis as any).innerWidth,
    );
    expect(overflow).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'review-queue-320px');
    await new ReviewQueuePage(page).openReview(SEEDED_PIECE);
    expect(
      await page.evaluate(
        () => (globalThis as any).document.documentElement.scrollWidth > (globalThis as any).innerWidth,
      ),
    ).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'review-page-320px');
  }, 120_000);

  it('keeps the reviewer pages from a practitioner who reviews nobody', async () => {
    const page = await signedInAs('nqsw@demo-council.example');
    expect(await page.getByRole('link', { name: 'Reviews' }).count()).toBe(0);
    for (const path of ['/reviews', '/my-practitioners']) {
      const response = await page.goto(`${web.baseUrl}${path}`);
      expect(response?.status()).toBe(404);
      expect(await page.title()).toBe('Page not found – Pathways');
    }
  }, 60_000);

  it('pages the queue forward, oldest first, with Next and back to the first page', async () => {
    const page = await signedInAs(ASSESSOR);
    const queue = new ReviewQueuePage(page);
    await queue.open(web.baseUrl);
    const waiting = Number(/^(\d+) submissions? (is|are) waiting/.exec(await queue.countText())?.[1] ?? 0);
    const titles: string[] = [];
    for (let i = waiting; i < 22; i++) {
      const piece = await submitEvidenceThroughApi(web.baseUrl, {
        title: `Paging piece ${String(i).padStart(2, '0')}`,
        domains: ['PROFESSIONAL_LEADERSHIP'],
      });
      titles.push(piece.title);
    }
    await queue.open(web.baseUrl);
    expect(await queue.countText()).toBe('22 submissions are waiting for your decision.');
    const first = (await queue.rows()).map((r) => r.title);
    expect(first).toHaveLength(20);
    expect(await queue.hasNextPage()).toBe(true);
    await queue.nextPage();
    const second = (await queue.rows()).map((r) => r.title);
    expect(second).toHaveLength(2);
    // Oldest first across both pages, nothing shown twice.
    expect([...first, ...second].filter((t) => t.startsWith('Paging piece'))).toEqual(titles);
    expect(new Set([...first, ...second]).size).toBe(22);
    expect(await queue.hasNextPage()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([
      page.waitForURL(/before=/),
      page.getByRole('link', { name: /Previous page.*Earlier submissions/ }).click(),
    ]);
    expect((await queue.rows()).map((r) => r.title)).toEqual(first);
    expect(await queue.hasNextPage()).toBe(true);
    expect(await page.getByRole('link', { name: /Previous/ }).count()).toBe(0);
  }, 180_000);
});
