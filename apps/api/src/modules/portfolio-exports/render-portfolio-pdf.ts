import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import type { PortfolioDocument, PortfolioPiece } from './portfolio-document.js';

const MARGIN = 56;
const GREY = '#555555';
const RULE = '#bbbbbb';

/**
 * Draws a portfolio as a PDF straight into `out` (pages leave as they are finished): a cover, the
 * PCF coverage table, then each approved piece with its reflections, mappings and sign-off, and a
 * footer with the practitioner's name and the page number on every page.
 * The standard PDF fonts cover Western European text; other characters are replaced by "?".
 */
export function renderPortfolioPdf(model: PortfolioDocument, out: Writable): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: `Portfolio: ${safe(model.practitioner.name)}`,
      Author: safe(model.organisationName),
      Creator: 'Pathways',
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);

  let page = 1;
  const footer = () => {
    const { x, y } = doc;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(GREY)
      .text(
        `${safe(model.practitioner.name)} · portfolio generated ${model.generatedOn} · page ${page}`,
        MARGIN,
        doc.page.height - 36,
        { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
    doc.fillColor('black');
    doc.x = x;
    doc.y = y;
  };
  doc.on('pageAdded', () => {
    page += 1;
    footer();
  });
  footer();

  cover(doc, model);
  coverage(doc, model);
  model.pieces.forEach((piece, index) => pieceSection(doc, piece, index + 1, model.verifyBaseUrl));
  if (model.pieces.length === 0) {
    doc.moveDown().font('Helvetica-Oblique').fontSize(11).text('No approved evidence yet.');
  }
  doc.end();
  return finished;
}

function cover(doc: PDFKit.PDFDocument, model: PortfolioDocument) {
  const p = model.practitioner;
  doc.moveDown(6).font('Helvetica-Bold').fontSize(26).text('Portfolio of evidence', { align: 'left' });
  doc.moveDown(0.5).font('Helvetica').fontSize(16).text(safe(p.name));
  doc.moveDown(1.5).fontSize(11);
  const line = (label: string, value: string) => {
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(safe(value));
  };
  line(
    'Registration',
    p.registrationNumber ? `${regulatorName(p.regulator)} ${p.registrationNumber}` : 'not recorded',
  );
  line(
    'Current stage',
    model.currentStage
      ? `${model.currentStage.name} (${model.currentStage.pathwayName}), since ${model.currentStage.since}`
      : 'none recorded on a published pathway',
  );
  line('Organisation', model.organisationName);
  line('Approved pieces of evidence', String(model.pieces.length));
  line('Generated', model.generatedOn);
  doc
    .moveDown(2)
    .fontSize(9)
    .fillColor(GREY)
    .text(
      `Each sign-off below carries a verification code. Anyone can check it, without signing in, at ${model.verifyBaseUrl}/verify/<code>: the answer names who signed what and when, and whether the record is genuine.`,
    )
    .fillColor('black');
}

function coverage(doc: PDFKit.PDFDocument, model: PortfolioDocument) {
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(16).text(`Coverage of the ${model.coverage.framework}`);
  doc.moveDown(0.3).font('Helvetica').fontSize(9).fillColor(GREY);
  doc.text(
    'Approved evidence per domain and the levels the reviewers accepted it at. Assessment is holistic: counts inform, they do not decide.',
  );
  doc.fillColor('black').moveDown(0.8);
  const width = doc.page.width - 2 * MARGIN;
  const cols = [width * 0.45, width * 0.15, width * 0.4];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    const heights = cells.map((c, i) =>
      doc
        .font(bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(10)
        .heightOfString(safe(c), { width: cols[i]! - 6 }),
    );
    const height = Math.max(...heights) + 6;
    if (y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      return row(cells, bold);
    }
    let x = MARGIN;
    cells.forEach((c, i) => {
      doc
        .font(bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(10)
        .text(safe(c), x + 3, y + 3, { width: cols[i]! - 6 });
      x += cols[i]!;
    });
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(MARGIN + width, y + height)
      .strokeColor(RULE)
      .stroke();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  row(['Domain', 'Approved', 'Levels accepted'], true);
  for (const r of model.coverage.rows) {
    row([r.title, String(r.approvedPieces), r.levels.length > 0 ? r.levels.join(', ') : '—']);
  }
}

function pieceSection(doc: PDFKit.PDFDocument, piece: PortfolioPiece, n: number, verifyBaseUrl: string) {
  if (n === 1) doc.addPage();
  else if (doc.y > doc.page.height - 220) doc.addPage();
  else doc.moveDown(1.5);
  doc
    .font('Helvetica-Bold')
    .fontSize(13)
    .fillColor('black')
    .text(`${n}. ${safe(piece.title)}`);
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(GREY)
    .text([piece.kind, piece.dates, piece.hours ? `${piece.hours} hours` : null].filter(Boolean).join(' · '))
    .fillColor('black');
  for (const section of piece.sections) {
    doc.moveDown(0.4).font('Helvetica-Bold').fontSize(10).text(section.heading);
    doc.font('Helvetica').fontSize(10).text(safe(section.text), { align: 'left' });
  }
  if (piece.mappings.length > 0) {
    doc.moveDown(0.4).font('Helvetica-Bold').fontSize(10).text('Mapped to');
    doc.font('Helvetica').fontSize(10);
    for (const m of piece.mappings) doc.text(`•  ${safe(m)}`);
  }
  const s = piece.signOff;
  if (s) {
    doc.moveDown(0.4).font('Helvetica-Bold').fontSize(10).text('Sign-off');
    const who = [
      capacityName(s.capacity),
      s.qualification ? `qualification: ${s.qualification}` : null,
      s.registration,
    ]
      .filter(Boolean)
      .join('; ');
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(safe(`Approved on ${s.decidedOn} by ${s.reviewerName} (${who}).`));
    if (s.verificationCode) {
      doc.font('Helvetica-Bold').text(`Verification code: ${s.verificationCode}`, { continued: true });
      doc
        .font('Helvetica')
        .fillColor(GREY)
        .text(`   ${verifyBaseUrl}/verify/${s.verificationCode}`)
        .fillColor('black');
    }
  }
}

const REGULATORS: Record<string, string> = {
  SOCIAL_WORK_ENGLAND: 'Social Work England',
  SOCIAL_CARE_WALES: 'Social Care Wales',
  SSSC: 'SSSC',
  NISCC: 'NISCC',
};

export function regulatorName(regulator: string | null): string {
  return regulator ? (REGULATORS[regulator] ?? regulator) : '';
}

function capacityName(capacity: string): string {
  const lower = capacity.toLowerCase().replace(/_/g, ' ');
  return lower.replace('asye', 'ASYE');
}

/** Characters the standard PDF fonts (Windows-1252) can draw; anything else becomes "?". */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
function safe(text: string): string {
  let result = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    result +=
      ch === '\n' ||
      ch === '\t' ||
      (code >= 0x20 && code < 0x7f) ||
      (code >= 0xa0 && code <= 0xff) ||
      WIN_ANSI_EXTRAS.has(ch)
        ? ch
        : '?';
  }
  return result;
}
