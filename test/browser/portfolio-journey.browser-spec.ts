import type { Page } from 'playwright-core';
import { axeViolations, screenshot } from './support/browser.js';
import { webAppInBrowser } from './support/web-app-in-browser.js';
import { EvidenceFormPage } from './pages/evidenceFormPage.js';
import { EvidenceListPage } from './pages/evidenceListPage.js';
import { EvidencePage } from './pages/evidencePage.js';
import { ReviewPage } from './pages/reviewPage.js';
import { ReviewQueuePage } from './pages/reviewQueuePage.js';

const ASYE_LEVEL = 'Assessed and Supported Year in Employment (NQSW)';
const TITLE = 'Section 47 strategy meeting (whole journey)';
/** The smallest file the API takes as a PDF (detected from its bytes). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

function todayInTheUk(): { day: string; month: string; year: string } {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' })
    .format(new Date())
    .split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
}

/**
 * The whole journey, every step in the browser, by two people in their own sessions:
 * the NQSW records, maps, attaches and submits; the ASYE assessor decides each mapping and approves;
 * the NQSW sees the approval and downloads their portfolio PDF. Once with JavaScript, once without.
 */
describe('the portfolio journey from recording to sign-off, in a real browser', () => {
  const web = webAppInBrowser();
  const signedInAs = (email: string, javaScriptEnabled: boolean) =>
    web.signedInAs(email, { javaScriptEnabled });

  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])(
    'works %s',
    async (label, javaScriptEnabled) => {
      const title = `${TITLE} ${label}`;
      const shot = (page: Page, name: string) =>
        javaScriptEnabled ? screenshot(page, `journey-${name}`) : Promise.resolve();
      // axe runs in the page, so it checks the pages of the run with JavaScript.
      const noViolations = async (page: Page) => {
        if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([]);
      };

      // 1. The practitioner records, maps, uploads and submits.
      const nqsw = await signedInAs('nqsw@demo-council.example', javaScriptEnabled);
      const list = new EvidenceListPage(nqsw);
      await list.open(web.baseUrl);
      await list.recordEvidence();
      const form = new EvidenceFormPage(nqsw);
      await form.fill({
        kind: 'Direct observation of practice',
        title,
        date: todayInTheUk(),
        description: 'My practice educator observed me chairing a strategy discussion.',
        learning: 'Keeping the child at the centre when professionals disagree.',
        impact: 'I now summarise each agency’s view before we decide.',
      });
      await form.map(0, {
        item: 'Critical Reflection and Analysis',
        level: ASYE_LEVEL,
        rationale: 'I weighed conflicting information before recommending next steps.',
      });
      await form.addMapping();
      await form.map(1, {
        item: 'Skills and Interventions',
        level: ASYE_LEVEL,
        rationale: 'I chaired the discussion and kept it to time.',
      });
      await form.save();
      const evidence = new EvidencePage(nqsw);
      expect(await evidence.status()).toBe('Draft');
      await evidence.upload({ name: 'observation-notes.pdf', mimeType: 'application/pdf', buffer: PDF });
      expect(await evidence.attachments()).toEqual(['observation-notes.pdf']);
      await evidence.submitTo('Demo ASYE Assessor (ASYE assessor)');
      expect(await evidence.status()).toBe('Waiting for review');
      await noViolations(nqsw);
      await shot(nqsw, 'submitted');

      // 2. The assessor finds it in their queue and decides each mapping, one at another level.
      const assessor = await signedInAs('assessor@demo-council.example', javaScriptEnabled);
      const queue = new ReviewQueuePage(assessor);
      await queue.open(web.baseUrl);
      expect(await queue.row(title)).toMatchObject({ practitioner: 'Demo Newly Qualified Social Worker' });
      await queue.openReview(title);
      const review = new ReviewPage(assessor);
      expect(await review.heading()).toBe(title);
      expect((await review.attachmentLinks()).map((a) => a.name)).toEqual(['observation-notes.pdf']);
      await review.decide(`Critical Reflection and Analysis at ${ASYE_LEVEL}`, { accept: true });
      await review.decide(
        `Skills and Interventions at ${ASYE_LEVEL}`,
        { otherLevel: 'Social worker' },
        'Beyond what the ASYE asks.',
      );
      await review.comment('A well-run discussion, clearly reflected on.');
      await noViolations(assessor);
      await shot(assessor, 'review');
      await review.approve();
      expect(await queue.row(title)).toBeUndefined();

      // 3. The practitioner sees the approval, each mapping's decision, and downloads the PDF.
      await nqsw.reload();
      expect(await evidence.status()).toBe('Approved');
      expect(await evidence.reviewDecision()).toContain('A well-run discussion, clearly reflected on.');
      const mappings = await evidence.mappings();
      expect(mappings).toHaveLength(2);
      expect(mappings.find((m) => m.startsWith('Critical Reflection'))).toMatch(/\| Accepted/);
      expect(mappings.find((m) => m.startsWith('Skills and Interventions'))).toMatch(/Social worker/);
      await noViolations(nqsw);
      await shot(nqsw, 'approved');
      await list.open(web.baseUrl);
      const pdf = await list.download('my portfolio (PDF)');
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.bytes.toString('latin1')).toContain('/StructTreeRoot');
    },
    180_000,
  );
});
