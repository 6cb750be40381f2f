import { axeViolations, screenshot } from './support/browser.js';
import {
  evidenceAsPractitioner,
  reviseAndResubmitThroughApi,
  submitEvidenceThroughApi,
} from './support/portfolioApi.js';
import { webAppInBrowser } from './support/web-app-in-browser.js';
import { ReviewBatchPage } from './pages/reviewBatchPage.js';
import { ReviewPage } from './pages/reviewPage.js';
import { ReviewQueuePage } from './pages/reviewQueuePage.js';

const ASSESSOR = 'assessor@demo-council.example';
const ASYE = 'Assessed and Supported Year in Employment (NQSW)';
const PROFESSIONALISM = `Professionalism at ${ASYE}`;
const KNOWLEDGE = `Knowledge at ${ASYE}`;
const VALUES = `Values and Ethics at ${ASYE}`;

describe('reviewing several pieces at once in a real browser', () => {
  const web = webAppInBrowser();
  const signedInAs = web.signedInAs;

  it('lets the assessor choose three pieces, decide each and each mapping on one page, and says which was refused and why', async () => {
    const [first, second, third] = [
      await submitEvidenceThroughApi(web.baseUrl, {
        title: 'Court report training (bulk one)',
        domains: ['PROFESSIONALISM', 'KNOWLEDGE'],
      }),
      await submitEvidenceThroughApi(web.baseUrl, {
        title: 'Ethics workshop (bulk two)',
        domains: ['VALUES_AND_ETHICS'],
      }),
      await submitEvidenceThroughApi(web.baseUrl, {
        title: 'Assessment practice day (bulk three)',
        domains: ['PROFESSIONALISM', 'KNOWLEDGE'],
      }),
    ];
    const page = await signedInAs(ASSESSOR);
    const queue = new ReviewQueuePage(page);
    await queue.open(web.baseUrl);

    // Nothing chosen: the queue says so and links to the first box.
    await queue.reviewChosen();
    expect(await page.title()).toBe('Error: Evidence to review – Pathways');
    expect(await queue.errorSummaryLinks()).toEqual(['Choose the pieces of evidence you want to review']);
    expect(await axeViolations(page)).toEqual([]);

    await queue.choose([first.title, second.title, third.title]);
    await queue.reviewChosen();
    const batch = new ReviewBatchPage(page);
    expect(await page.title()).toBe('Review several pieces – Pathways');
    expect(new Set(await batch.titles())).toEqual(new Set([first.title, second.title, third.title]));
    expect(
      await batch.piece(first.title).getByText('A day of training on capacity assessments.').count(),
    ).toBe(1);
    // Each piece is judged on its own: there is no control that decides them all.
    expect(await page.getByRole('button', { name: /approve all/i }).count()).toBe(0);
    expect(await page.getByRole('button').allTextContents()).not.toContain('Approve');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'review-several');

    await batch.decide(first.title, PROFESSIONALISM, { accept: true }, 'Clear from the report.');
    await batch.decide(first.title, KNOWLEDGE, { otherLevel: 'Social worker' });
    await batch.outcome(first.title, 'Approve');
    await batch.decide(second.title, VALUES, { notAccepted: true }, 'Say what you would do differently.');
    await batch.outcome(second.title, 'Request changes');
    await batch.comment(second.title, 'Please add an example from your practice.');
    // The third is to be approved with a mapping left undecided: refused before anything is sent.
    await batch.decide(third.title, PROFESSIONALISM, { accept: true });
    await batch.outcome(third.title, 'Approve');
    await batch.comment(third.title, 'Good day.');
    await batch.send();
    expect(await page.title()).toBe('Error: Review several pieces – Pathways');
    expect(await batch.errorSummaryLinks()).toEqual([`${third.title}: Decide ${KNOWLEDGE}`]);
    expect(await batch.commentValue(second.title)).toBe('Please add an example from your practice.');
    expect(await batch.mappingCommentValue(first.title, PROFESSIONALISM)).toBe('Clear from the report.');
    expect(await axeViolations(page)).toEqual([]);
    expect((await evidenceAsPractitioner(web.baseUrl, first.evidenceId)).status).toBe('SUBMITTED');

    // Meanwhile the practitioner changes the second piece; the other two are decided, it is not.
    await reviseAndResubmitThroughApi(web.baseUrl, second, { impact: 'I now ask about values first.' });
    await batch.decide(third.title, KNOWLEDGE, { notAccepted: true });
    await batch.send();
    expect(await page.title()).toBe('Your decisions – Pathways');
    expect(await batch.results()).toEqual(
      expect.arrayContaining([
        [first.title, 'Approved'],
        [
          second.title,
          `Not decided: it changed since you opened it: review it again Review ${second.title} again`,
        ],
        [third.title, 'Approved'],
      ]),
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'review-several-result');

    expect(await evidenceAsPractitioner(web.baseUrl, first.evidenceId)).toEqual({
      status: 'APPROVED',
      review: { outcome: 'APPROVE', comment: '' },
      mappings: [
        {
          item: { code: 'PROFESSIONALISM' },
          decision: 'ACCEPTED',
          acceptedLevel: { code: 'ASYE' },
          decisionComment: 'Clear from the report.',
        },
        {
          item: { code: 'KNOWLEDGE' },
          decision: 'ACCEPTED_AT_OTHER_LEVEL',
          acceptedLevel: { code: 'SOCIAL_WORKER' },
          decisionComment: null,
        },
      ],
    });
    expect((await evidenceAsPractitioner(web.baseUrl, second.evidenceId)).status).toBe('SUBMITTED');

    // The stale piece opens on its own page, as it is now, to be decided again.
    await batch.reviewAgain(second.title);
    const review = new ReviewPage(page);
    expect(await review.heading()).toBe(second.title);
    expect(await review.section('impact')).toBe('I now ask about values first.');
    expect(await review.canDecide()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  }, 180_000);

  it('lets the assessor decide two pieces together with JavaScript off', async () => {
    const [one, two] = [
      await submitEvidenceThroughApi(web.baseUrl, {
        title: 'Supervision skills course (no script one)',
        domains: ['PROFESSIONALISM'],
      }),
      await submitEvidenceThroughApi(web.baseUrl, {
        title: 'Risk assessment refresher (no script two)',
        domains: ['KNOWLEDGE'],
      }),
    ];
    const page = await signedInAs(ASSESSOR, { javaScriptEnabled: false });
    const queue = new ReviewQueuePage(page);
    await queue.open(web.baseUrl);
    await queue.choose([one.title, two.title]);
    await queue.reviewChosen();
    const batch = new ReviewBatchPage(page);
    await batch.decide(one.title, PROFESSIONALISM, { accept: true });
    await batch.outcome(one.title, 'Approve');
    await batch.outcome(two.title, 'Request changes');
    await batch.comment(two.title, 'Link it to a case you held.');
    await batch.send();
    expect(await batch.results()).toEqual(
      expect.arrayContaining([
        [one.title, 'Approved'],
        [two.title, 'Changes requested'],
      ]),
    );
    expect((await evidenceAsPractitioner(web.baseUrl, one.evidenceId)).status).toBe('APPROVED');
    expect(await evidenceAsPractitioner(web.baseUrl, two.evidenceId)).toMatchObject({
      status: 'CHANGES_REQUESTED',
      review: { outcome: 'REQUEST_CHANGES', comment: 'Link it to a case you held.' },
    });
    await queue.open(web.baseUrl);
    expect(await queue.row(one.title)).toBeUndefined();
  }, 120_000);

  it('shows the bulk review page at 320 px wide without scrolling sideways', async () => {
    const piece = await submitEvidenceThroughApi(web.baseUrl, {
      title: 'Narrow screen piece (bulk)',
      domains: ['PROFESSIONALISM'],
    });
    const page = await signedInAs(ASSESSOR, { viewport: { width: 320, height: 640 } });
    await page.goto(`${web.baseUrl}/reviews/several?piece=${piece.evidenceId}:${piece.versionId}`);
    expect(await new ReviewBatchPage(page).titles()).toEqual([piece.title]);
    const overflow = await page.evaluate(
      () => (globalThis as any).document.documentElement.scrollWidth > (globalThis as any).innerWidth,
    );
    expect(overflow).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'review-several-320px');
  }, 60_000);

  it('keeps the bulk review page from a practitioner who reviews nobody', async () => {
    const page = await signedInAs('nqsw@demo-council.example');
    const response = await page.goto(`${web.baseUrl}/reviews/several`);
    expect(response?.status()).toBe(404);
    expect(await page.title()).toBe('Page not found – Pathways');
  }, 60_000);
});
