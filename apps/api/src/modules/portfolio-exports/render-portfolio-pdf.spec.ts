import { PassThrough } from 'node:stream';
import { pdfPages, pdfTextRuns } from '../../../../../test/e2e/support/pdf-text.js';
import type { PortfolioDocument, PortfolioPiece } from './portfolio-document.js';
import { renderPortfolioPdf } from './render-portfolio-pdf.js';

const piece = (n: number, words: number): PortfolioPiece => ({
  title: `Home visit at Tŷ Gwyn ${n}`,
  kind: 'Direct observation',
  dates: '2026-06-01',
  hours: null,
  sections: [
    { heading: 'What happened', text: 'Dŵr, tŷ; Łódź, żółć. '.repeat(words) },
    { heading: 'What I learnt', text: 'Listening before advising.' },
  ],
  mappings: [
    { text: 'PCF 2018 Professionalism at ASYE', comment: 'Values shown when the plan was challenged.' },
    { text: 'PCF 2018 Knowledge at ASYE', comment: null },
  ],
  signOff: {
    reviewerUserId: 'reviewer',
    reviewerName: 'Łucja Żółć-Łódź',
    capacity: 'ASYE_ASSESSOR',
    qualification: 'PEPS_STAGE_2',
    registration: 'Social Work England SW200002',
    decidedOn: '2026-06-10',
    verificationCode: 'ABCD-EFGH-JKLM',
    comment: 'Clear, honest analysis of risk.',
  },
});

const model = (words: number): PortfolioDocument => ({
  generatedOn: '2026-07-01',
  organisationName: 'Cyngor Sir Gâr',
  practitioner: { name: 'Gwenllïan ap Dŵr', regulator: 'SOCIAL_CARE_WALES', registrationNumber: 'W100001' },
  currentStage: null,
  coverage: {
    framework: 'PCF 2018',
    rows: [{ code: 'PROFESSIONALISM', title: 'Professionalism', approvedPieces: 3, levels: ['ASYE (3)'] }],
  },
  pieces: [piece(1, words), piece(2, words), piece(3, words)],
  verifyBaseUrl: 'https://pathways.example',
});

async function render(document: PortfolioDocument): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await renderPortfolioPdf(document, out);
  return Buffer.concat(chunks);
}

describe('renderPortfolioPdf', () => {
  // Reflections of many lengths put every line of a sign-off, in turn, at the foot of a page.
  it('should break pages without blank pages, lost footers or shrunken text, wherever the break falls', async () => {
    for (let words = 30; words <= 80; words += 3) {
      const bytes = await render(model(words));
      const pages = await pdfPages(bytes);
      pages.forEach((page, i) => {
        // The footer comes first on each page, then what the page is for.
        expect(page).toMatch(
          new RegExp(`^Gwenllïan ap Dŵr · portfolio generated 2026-07-01 · page ${i + 1} \\S`),
        );
      });
      const text = pages.join(' ');
      expect(text.match(/Reviewer’s comment: Clear, honest analysis of risk\./g)).toHaveLength(3);
      expect(text.match(/Verification code: ABCD-EFGH-JKLM/g)).toHaveLength(3);
      const runs = await pdfTextRuns(bytes);
      const sizes = (match: RegExp) => new Set(runs.filter((r) => match.test(r.str)).map((r) => r.size));
      expect(sizes(/^\d\. Home visit at Tŷ Gwyn \d$/)).toEqual(new Set([13]));
      expect(sizes(/Dŵr, tŷ; Łódź, żółć\./)).toEqual(new Set([10]));
      expect(sizes(/^(Reviewer’s comment|Verification code|Approved on)/)).toEqual(new Set([10]));
      expect(sizes(/· page \d+$/)).toEqual(new Set([8]));
    }
  });
});
