import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#app/persistence';
import { axeViolations, launchChromium, screenshot } from './support/browser.js';
import { approveThroughApi, graphqlAs, loginToken } from './support/portfolioApi.js';
import { startWebApp } from './support/web-app.js';
import { EvidenceFormPage } from './pages/evidenceFormPage.js';
import { EvidenceListPage } from './pages/evidenceListPage.js';
import { EvidencePage } from './pages/evidencePage.js';
import { SignInPage } from './pages/signInPage.js';

const NQSW = 'nqsw@demo-council.example';
const ASSESSOR = 'Demo ASYE Assessor (ASYE assessor)';
const ASYE_LEVEL = 'Assessed and Supported Year in Employment (NQSW)';

/** The smallest valid PDF: a catalogue, one empty page, a cross-reference table and a trailer. */
function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Today in the UK as the date boxes take it: the assessor relationship starts today. */
function today(): { day: string; month: string; year: string } {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' })
    .format(new Date())
    .split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
}

type Gql = (query: string, variables: Record<string, unknown>) => Promise<any>;

/** Signs in to the API itself as a demo person: for the steps of other journeys (a reviewer's decision) and bulk set-up. */
async function apiAs(baseUrl: string, email: string): Promise<Gql> {
  const token = await loginToken(baseUrl, email);
  return (query, variables) => graphqlAs<any>(baseUrl, token, query, variables);
}

describe('practitioner evidence journeys in a real browser', () => {
  let web: Awaited<ReturnType<typeof startWebApp>>;
  let browser: Browser;

  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  async function signedIn(
    options: { javaScriptEnabled?: boolean } = {},
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await signIn.open(web.baseUrl);
    await signIn.signIn(NQSW, DEMO_PASSWORD);
    await page.waitForURL(`${web.baseUrl}/`);
    return { context, page };
  }

  it('records a CPD piece mapped to a PCF domain by name, fixes an identifier warning shown on its field, attaches a PDF and submits it to the ASYE assessor', async () => {
    const { context, page } = await signedIn();
    const list = new EvidenceListPage(page);
    await list.open(web.baseUrl);
    expect(await page.title()).toBe('My evidence – Pathways');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'evidence-list');

    await list.recordEvidence();
    expect(await page.title()).toBe('Record evidence – Pathways');
    expect(await axeViolations(page)).toEqual([]);
    const form = new EvidenceFormPage(page);
    await form.fill({
      kind: 'CPD activity',
      cpdActivityType: 'Training',
      title: 'Mental Capacity Act refresher',
      date: today(),
      hours: '6.5',
      description: 'A day of training on capacity assessments.',
      learning: 'I met the family at SW1A 1AA and recorded each decision separately.',
      impact: 'My assessments now record each decision separately.',
      peerReflection: 'My manager and I compared two of my assessments.',
      peerRole: 'Team manager',
    });
    await form.map(0, {
      item: 'Knowledge',
      level: ASYE_LEVEL,
      rationale: 'I applied the Act to a real assessment.',
    });
    await screenshot(page, 'evidence-form-filled');
    await form.save();

    // Saved as a draft, and back on the form with the warning on the field it is about.
    expect(await page.title()).toBe('Edit evidence – Pathways');
    expect(await form.identifierWarning('learning')).toContain('what looks like a postcode');
    expect(await form.identifierWarning('description')).toBeNull();
    expect(await form.fieldIsDescribedByWarning('learning')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'evidence-identifier-warning');

    await form.fill({ learning: 'I met the family at home and recorded each decision separately.' });
    await form.save();
    const evidence = new EvidencePage(page);
    expect(await evidence.title()).toBe('Mental Capacity Act refresher');
    expect(await evidence.flash()).toBe('Evidence saved as a draft');
    expect(await evidence.status()).toBe('Draft');
    expect(await evidence.mappings()).toEqual([
      `Knowledge Professional Capabilities Framework (2018) | ${ASYE_LEVEL} | I applied the Act to a real assessment. | Not decided yet`,
    ]);

    const pdf = minimalPdf();
    await evidence.upload({ name: 'training-certificate.pdf', mimeType: 'application/pdf', buffer: pdf });
    expect(await evidence.flash()).toBe('training-certificate.pdf attached');
    expect(await evidence.attachments()).toEqual(['training-certificate.pdf']);
    expect((await evidence.downloadAttachment('training-certificate.pdf')).equals(pdf)).toBe(true);

    expect(await evidence.reviewerChoices()).toContain(ASSESSOR);
    expect(await axeViolations(page)).toEqual([]);
    await evidence.submitTo(ASSESSOR);
    expect(await evidence.flash()).toBe('Evidence submitted for review');
    expect(await evidence.status()).toBe('Waiting for review');
    expect(await evidence.history()).toEqual([
      expect.stringMatching(/^Version 1 \| Waiting for review \| .* \| Submitted to Demo ASYE Assessor$/),
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'evidence-submitted');

    // After review: the outcome, each mapping's decision and the reviewer's comment.
    await approveThroughApi(web.baseUrl, evidence.evidenceId());
    await page.reload();
    expect(await evidence.status()).toBe('Approved');
    expect(await evidence.reviewDecision()).toContain('Approved by Demo ASYE Assessor');
    expect(await evidence.reviewDecision()).toContain('Clear evidence of ASYE-level practice.');
    expect(await evidence.mappings()).toEqual([expect.stringMatching(/\| Accepted: Well argued\.$/)]);
    expect(await evidence.history()).toEqual([
      expect.stringMatching(/^Version 1 \| Approved \| .* \| Approved by Demo ASYE Assessor on /),
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'evidence-approved');

    // Editing approved evidence starts a new draft version; the approved one keeps its sign-off.
    await evidence.edit();
    expect(await form.value('Title')).toBe('Mental Capacity Act refresher');
    await form.fill({ impact: 'My assessments record each decision, and my manager has seen the change.' });
    await form.save();
    expect(await evidence.status()).toBe('Draft');
    expect(await evidence.history()).toEqual([
      expect.stringMatching(/^Version 2 \| Draft \| /),
      expect.stringMatching(/^Version 1 \| Approved \| .* \| Approved by Demo ASYE Assessor on /),
    ]);

    await list.open(web.baseUrl, 'Draft');
    expect(await list.rows()).toContainEqual(
      expect.stringMatching(/^Mental Capacity Act refresher \| CPD activity \| Draft/),
    );
    await context.close();
  }, 180_000);

  it('records and submits with JavaScript off: adds a mapping row, confirms a warning with its box, and submits', async () => {
    const { context, page } = await signedIn({ javaScriptEnabled: false });
    const form = new EvidenceFormPage(page);
    await form.openNew(web.baseUrl);
    await form.fill({
      kind: 'CPD activity',
      cpdActivityType: 'Reading or research',
      title: 'Reading on strengths-based practice',
      date: today(),
      description: 'Two research summaries. Call 020 7946 0000 for the library.',
      learning: 'Start from what the person can do.',
      impact: 'My assessments open with strengths.',
    });
    await form.map(0, { item: 'Knowledge', level: ASYE_LEVEL, rationale: 'Research informs my practice.' });
    await form.addMapping();
    // The form came back from the server with one more row and everything typed still there.
    expect(await form.mappingRowCount()).toBe(2);
    expect(await form.value('Title')).toBe('Reading on strengths-based practice');
    expect(await form.mappingItem(0)).toBe('Knowledge');
    await form.map(1, {
      item: 'Critical Reflection and Analysis',
      level: ASYE_LEVEL,
      rationale: 'I reflected on it.',
    });
    // Enter in a field saves, as the person expects, rather than pressing "Remove mapping 1".
    await Promise.all([page.waitForURL(/\/edit$/), page.getByLabel('Title', { exact: true }).press('Enter')]);
    expect(await form.mappingRowCount()).toBe(2);

    expect(await form.identifierWarning('description')).toContain('what looks like a phone number');
    await form.confirmNoIdentifiers('description');
    await form.save();

    const evidence = new EvidencePage(page);
    expect(await evidence.status()).toBe('Draft');
    expect(await evidence.mappings()).toHaveLength(2);
    await evidence.upload({ name: 'reading-notes.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await evidence.upload({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('plain text') });
    expect(await page.locator('.govuk-error-summary a').getAttribute('href')).toBe('#file');
    expect(await evidence.attachments()).toEqual(['reading-notes.pdf']);
    await evidence.upload({ name: 'wrong-file.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    expect(await evidence.attachments()).toEqual(['reading-notes.pdf', 'wrong-file.pdf']);
    await evidence.removeAttachment('wrong-file.pdf');
    expect(await evidence.flash()).toBe('File removed');
    expect(await evidence.attachments()).toEqual(['reading-notes.pdf']);
    await evidence.submitTo(ASSESSOR);
    expect(await evidence.status()).toBe('Waiting for review');

    await evidence.withdraw();
    expect(await evidence.flash()).toBe('Evidence withdrawn from review: it is a draft again');
    expect(await evidence.status()).toBe('Draft');
    await context.close();
  }, 180_000);

  it('shows the error summary linked to the date for an impossible date and for a year out of range', async () => {
    const { context, page } = await signedIn();
    const form = new EvidenceFormPage(page);
    await form.openNew(web.baseUrl);
    const details = {
      kind: 'CPD activity',
      cpdActivityType: 'E-learning',
      title: 'Reading on dates',
      hours: '2',
      description: 'An e-learning module on recording dates.',
      learning: 'What I learnt.',
      impact: 'My records are dated correctly.',
    };
    await form.fill({ ...details, date: { day: '30', month: '2', year: '2026' } });
    await form.save();
    expect(await page.title()).toBe('Error: Record evidence – Pathways');
    expect(await form.errorSummaryLinks()).toEqual(['The date must be a real date, like 12 10 2026']);
    expect(await page.locator('.govuk-error-summary a').getAttribute('href')).toBe('#dateFrom-day');

    // A real day the API's rules refuse (days are 1900 to 2099): its refusal names the field too.
    await form.fill({ ...details, date: { day: '1', month: '1', year: '1850' } });
    await form.save();
    expect(await form.errorSummaryLinks()).toEqual(['Date must be a day between 1900 and 2099']);
    expect(await page.locator('.govuk-error-summary a').getAttribute('href')).toBe('#dateFrom-day');
    expect(await form.value('Title')).toBe('Reading on dates');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows the error summary linked to the field for a missing title and keeps everything typed', async () => {
    const { context, page } = await signedIn();
    const form = new EvidenceFormPage(page);
    await form.openNew(web.baseUrl);
    await form.fill({
      kind: 'CPD activity',
      cpdActivityType: 'E-learning',
      title: '',
      date: today(),
      hours: '2',
      learning: 'What I learnt, which must not be lost.',
    });
    await form.map(0, { item: 'Values and Ethics', level: ASYE_LEVEL, rationale: 'My reasons.' });
    await form.save();

    expect(await page.title()).toBe('Error: Record evidence – Pathways');
    expect(await form.errorSummaryLinks()).toEqual(['Title must not be empty']);
    expect(await form.value('What you learnt')).toBe('What I learnt, which must not be lost.');
    expect(await form.value('Hours (optional)')).toBe('2');
    expect(await form.mappingItem(0)).toBe('Values and Ethics');
    expect(await page.getByLabel('Type of CPD activity').inputValue()).toBe('E_LEARNING');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'evidence-error-summary');

    await page.getByRole('link', { name: 'Title must not be empty' }).click();
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('title');
    await context.close();
  }, 120_000);

  it('autosaves what is typed as a draft, as the timeout warning does, and downloads the portfolio PDF and CPD log', async () => {
    const { context, page } = await signedIn();
    const form = new EvidenceFormPage(page);
    await form.openNew(web.baseUrl);
    await form.fill({
      kind: 'CPD activity',
      title: 'Half-typed webinar notes',
      learning: 'Typed before the session ran out.',
    });
    // The same request the page's script sends when the session is about to end.
    const saved = (await page.evaluate(async () => {
      const doc = (globalThis as any).document;
      const formElement = doc.querySelector('form[data-autosave]');
      const body = new URLSearchParams();
      for (const [k, v] of new (globalThis as any).FormData(formElement))
        if (typeof v === 'string') body.append(k, v);
      const res = await fetch(formElement.dataset.autosave, {
        method: 'POST',
        body,
        headers: { 'x-autosave': '1', accept: 'application/json' },
      });
      return res.json();
    })) as { saved: boolean; evidenceId: string; editUrl: string };
    expect(saved).toMatchObject({ saved: true, evidenceId: expect.any(String) });
    expect(saved.editUrl).toBe(`/evidence/${saved.evidenceId}/edit`);
    await page.goto(`${web.baseUrl}${saved.editUrl}`);
    expect(await form.value('Title')).toBe('Half-typed webinar notes');
    expect(await form.value('What you learnt')).toBe('Typed before the session ran out.');

    const list = new EvidenceListPage(page);
    await list.open(web.baseUrl);
    const pdf = await list.download('my portfolio (PDF)');
    expect(pdf.fileName).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const csv = await list.download('my CPD log (CSV, for Social Work England)');
    expect(csv.fileName).toMatch(/\.csv$/);
    expect(csv.bytes.toString()).toContain('Half-typed webinar notes');
    await context.close();
  }, 120_000);

  it('pages through a long list with Next, and a student submits to their practice educator for a placement', async () => {
    const gql = await apiAs(web.baseUrl, 'student@demo-council.example');
    const { year, month, day } = today();
    const dateFrom = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    for (let n = 1; n <= 21; n++)
      await gql('mutation($input: CreateEvidenceInput!) { createEvidence(input: $input) { evidenceId } }', {
        input: {
          kind: 'DIRECT_OBSERVATION',
          title: `Observation ${String(n).padStart(2, '0')}`,
          dateFrom,
          mappings: [
            {
              frameworkCode: 'PCF',
              version: '2018',
              itemCode: 'SKILLS_AND_INTERVENTIONS',
              levelCode: 'END_FIRST_PLACEMENT',
              rationale: 'Observed.',
            },
          ],
        },
      });

    const context = await browser.newContext();
    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await signIn.open(web.baseUrl);
    await signIn.signIn('student@demo-council.example', DEMO_PASSWORD);
    await page.waitForURL(`${web.baseUrl}/`);
    const list = new EvidenceListPage(page);
    await list.open(web.baseUrl);
    const firstPage = await list.rows();
    expect(firstPage).toHaveLength(20);
    await page.getByRole('link', { name: /Next/ }).click();
    await page.waitForLoadState('load');
    const secondPage = await list.rows();
    expect(secondPage).toHaveLength(1);
    expect(
      firstPage
        .concat(secondPage)
        .map((r) => r.split(' | ')[0])
        .sort(),
    ).toEqual(Array.from({ length: 21 }, (_, i) => `Observation ${String(i + 1).padStart(2, '0')}`));
    expect(await axeViolations(page)).toEqual([]);
    // Back a page from the second: the same twenty, and nothing before them.
    await page.getByRole('link', { name: /Previous/ }).click();
    await page.waitForLoadState('load');
    expect(await list.rows()).toEqual(firstPage);
    expect(await page.getByRole('link', { name: /Previous/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /Next/ }).count()).toBe(1);

    // Pieces of one day are in id order, so which 20 are on the first page is chance: open one that is.
    await list.openPiece(firstPage[0]!.split(' | ')[0]!);
    const evidence = new EvidencePage(page);
    expect(await evidence.reviewerChoices()).toEqual(['Demo Practice Educator (Practice educator)']);
    await evidence.submitTo('Demo Practice Educator (Practice educator)');
    expect(await page.locator('.govuk-error-summary a').allTextContents()).toEqual([
      'Select which placement it is for',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'evidence-student-placement');
    await evidence.submitTo('Demo Practice Educator (Practice educator)', 'First placement');
    expect(await evidence.status()).toBe('Waiting for review');
    await context.close();
  }, 180_000);

  it('works at 320 px wide without horizontal scrolling on the form and the list', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await signIn.open(web.baseUrl);
    await signIn.signIn(NQSW, DEMO_PASSWORD);
    await page.waitForURL(`${web.baseUrl}/`);
    for (const path of ['/evidence', '/evidence/new']) {
      await page.goto(`${web.baseUrl}${path}`);
      const overflow = await page.evaluate(
        () => (globalThis as any).document.documentElement.scrollWidth > (globalThis as any).innerWidth,
      );
      expect({ path, overflow }).toEqual({ path, overflow: false });
      expect(await axeViolations(page)).toEqual([]);
    }
    await screenshot(page, 'evidence-form-320px');
    await context.close();
  }, 120_000);
});
