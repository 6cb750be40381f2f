import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import type { PortfolioDocument, PortfolioPiece } from './portfolio-document.js';

const MARGIN = 56;
const GREY = '#555555';
const RULE = '#bbbbbb';

/**
 * Noto Sans, embedded (as the subset used), because the standard PDF fonts stop at Windows-1252 and
 * would print Welsh (ŵ, ŷ), Polish (ł, ż) and most names from outside Western Europe as "?". Read once
 * from the font package, resolved from this module, so the same code works from source and from dist.
 */
const require = createRequire(import.meta.url);
const fontFile = (name: string) =>
  require.resolve(`@expo-google-fonts/noto-sans/${name}/NotoSans_${name}.ttf`);
let fonts: { regular: Buffer; bold: Buffer; italic: Buffer } | undefined;
const loadFonts = () =>
  (fonts ??= {
    regular: readFileSync(fontFile('400Regular')),
    bold: readFileSync(fontFile('700Bold')),
    italic: readFileSync(fontFile('400Regular_Italic')),
  });

type FontName = 'Sans' | 'Sans-Bold' | 'Sans-Italic';
interface Style {
  font: FontName;
  size: number;
  color: string;
}
const STYLES = {
  title: { font: 'Sans-Bold', size: 26, color: 'black' },
  subtitle: { font: 'Sans', size: 16, color: 'black' },
  h2: { font: 'Sans-Bold', size: 16, color: 'black' },
  piece: { font: 'Sans-Bold', size: 13, color: 'black' },
  h3: { font: 'Sans-Bold', size: 10, color: 'black' },
  label: { font: 'Sans-Bold', size: 11, color: 'black' },
  body: { font: 'Sans', size: 10, color: 'black' },
  bold: { font: 'Sans-Bold', size: 10, color: 'black' },
  cover: { font: 'Sans', size: 11, color: 'black' },
  note: { font: 'Sans', size: 9, color: GREY },
  noteSmall: { font: 'Sans', size: 10, color: GREY },
  empty: { font: 'Sans-Italic', size: 11, color: 'black' },
  footer: { font: 'Sans', size: 8, color: GREY },
} satisfies Record<string, Style>;

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/**
 * Draws a portfolio as a PDF straight into `out` (pages leave as they are finished): a cover, the
 * PCF coverage table, then each approved piece with its reflections, mappings, sign-off and the
 * reviewer's comments, and a footer with the practitioner's name and the page number on every page.
 * The PDF is tagged (headings, paragraphs, the table and lists in reading order; the footer an
 * artifact) with a title and language, so screen readers can navigate it.
 */
export function renderPortfolioPdf(model: PortfolioDocument, out: Writable): Promise<void> {
  const title = `Portfolio: ${model.practitioner.name}`;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: title, Author: model.organisationName, Creator: 'Pathways' },
  });
  const { regular, bold, italic } = loadFonts();
  doc.registerFont('Sans', regular);
  doc.registerFont('Sans-Bold', bold);
  doc.registerFont('Sans-Italic', italic);
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);

  // Every draw sets its whole style; the footer, drawn when pdfkit breaks a page in the middle of a
  // paragraph, puts back the style that paragraph was using so the rest of it keeps its size.
  let current: Style = STYLES.body;
  const use = (style: Style) => {
    current = style;
    return doc.font(style.font).fontSize(style.size).fillColor(style.color);
  };
  let page = 1;
  // pdfkit keeps a `continued` paragraph's line wrapper on the document; a footer drawn while one is
  // open (a page break inside "label: value") would join that paragraph and break the page again.
  const textState = doc as unknown as { _wrapper: unknown; _textOptions: unknown };
  const footer = () => {
    const { x, y } = doc;
    const resume = current;
    const { _wrapper, _textOptions } = textState;
    textState._wrapper = null;
    textState._textOptions = null;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    use(STYLES.footer).text(
      `${model.practitioner.name} · portfolio generated ${model.generatedOn} · page ${page}`,
      MARGIN,
      doc.page.height - 36,
      { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false },
    );
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
    use(resume);
    Object.assign(textState, { _wrapper, _textOptions });
    doc.x = x;
    doc.y = y;
  };
  doc.on('pageAdded', () => {
    page += 1;
    footer();
  });
  footer();

  const root = doc.struct('Document');
  doc.addStructure(root);
  const r: Renderer = {
    doc,
    use,
    /** A structure element whose content `draw` puts on the page. */
    tag: (parent, type, draw) => {
      parent.add(doc.struct(type, {}, draw));
    },
  };
  cover(r, root, model);
  coverage(r, root, model);
  model.pieces.forEach((piece, index) => pieceSection(r, root, piece, index + 1, model.verifyBaseUrl));
  if (model.pieces.length === 0) {
    r.tag(root, 'P', () => use(STYLES.empty).moveDown().text('No approved evidence yet.'));
  }
  root.end();
  doc.end();
  return finished;
}

interface Renderer {
  doc: Doc;
  use: (style: Style) => Doc;
  tag: (parent: Struct, type: string, draw: () => unknown) => void;
}

function cover({ doc, use, tag }: Renderer, root: Struct, model: PortfolioDocument) {
  const p = model.practitioner;
  doc.moveDown(6);
  tag(root, 'H1', () => use(STYLES.title).text('Portfolio of evidence', { align: 'left' }));
  tag(root, 'P', () => use(STYLES.subtitle).moveDown(0.5).text(p.name));
  use(STYLES.cover).moveDown(1.5);
  const line = (label: string, value: string) =>
    tag(root, 'P', () => {
      use(STYLES.label).text(`${label}: `, { continued: true });
      use(STYLES.cover).text(value);
    });
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
  tag(root, 'P', () =>
    use(STYLES.note)
      .moveDown(2)
      .text(
        model.anonymised
          ? 'Anonymised for moderation: people are named by their label in this pack (Practitioner A, Assessor 1, Colleague 1), registration numbers and likely identifiers of people who use services are replaced by placeholders, and verification codes are left out, since they name who signed.'
          : `Each sign-off below carries a verification code. Anyone can check it, without signing in, at ${model.verifyBaseUrl}/verify/<code>: the answer names who signed what and when, and whether the record is genuine.`,
      ),
  );
}

function coverage({ doc, use, tag }: Renderer, root: Struct, model: PortfolioDocument) {
  doc.addPage();
  const sect = doc.struct('Sect');
  root.add(sect);
  tag(sect, 'H2', () => use(STYLES.h2).text(`Coverage of the ${model.coverage.framework}`));
  tag(sect, 'P', () =>
    use(STYLES.note)
      .moveDown(0.3)
      .text(
        'Approved evidence per domain and the levels the reviewers accepted it at. Assessment is holistic: counts inform, they do not decide.',
      ),
  );
  doc.moveDown(0.8);
  const table = doc.struct('Table');
  sect.add(table);
  const width = doc.page.width - 2 * MARGIN;
  const cols = [width * 0.45, width * 0.15, width * 0.4];
  const row = (cells: string[], header = false) => {
    const style = header ? STYLES.bold : STYLES.body;
    const y = doc.y;
    const heights = cells.map((c, i) => use(style).heightOfString(c, { width: cols[i]! - 6 }));
    const height = Math.max(...heights) + 6;
    // Break before a row, never inside one.
    if (y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      return row(cells, header);
    }
    const tr = doc.struct('TR');
    table.add(tr);
    let x = MARGIN;
    cells.forEach((c, i) => {
      const left = x;
      tr.add(
        doc.struct(header ? 'TH' : 'TD', {}, () =>
          use(style).text(c, left + 3, y + 3, { width: cols[i]! - 6 }),
        ),
      );
      x += cols[i]!;
    });
    tr.end();
    doc.markContent('Artifact', { type: 'Layout' });
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(MARGIN + width, y + height)
      .strokeColor(RULE)
      .stroke();
    doc.endMarkedContent();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  row(['Domain', 'Approved', 'Levels accepted'], true);
  for (const r of model.coverage.rows) {
    row([r.title, String(r.approvedPieces), r.levels.length > 0 ? r.levels.join(', ') : '—']);
  }
  table.end();
  sect.end();
}

function pieceSection(
  { doc, use, tag }: Renderer,
  root: Struct,
  piece: PortfolioPiece,
  n: number,
  verifyBaseUrl: string,
) {
  if (n === 1) doc.addPage();
  else if (doc.y > doc.page.height - 220) doc.addPage();
  else use(STYLES.body).moveDown(1.5);
  const sect = doc.struct('Sect');
  root.add(sect);
  tag(sect, 'H2', () => use(STYLES.piece).text(`${n}. ${piece.title}`));
  tag(sect, 'P', () =>
    use(STYLES.note).text(
      [piece.kind, piece.dates, piece.hours ? `${piece.hours} hours` : null].filter(Boolean).join(' · '),
    ),
  );
  const heading = (text: string) => tag(sect, 'H3', () => use(STYLES.h3).moveDown(0.4).text(text));
  for (const section of piece.sections) {
    heading(section.heading);
    tag(sect, 'P', () => use(STYLES.body).text(section.text, { align: 'left' }));
  }
  if (piece.mappings.length > 0) {
    heading('Mapped to');
    const list = doc.struct('L');
    sect.add(list);
    for (const m of piece.mappings) {
      list.add(
        doc.struct('LI', {}, [
          doc.struct('Lbl', {}, () => use(STYLES.body).text('•  ', { continued: true })),
          doc.struct('LBody', {}, () => {
            use(STYLES.body).text(m.text, { continued: m.comment !== null });
            if (m.comment !== null) use(STYLES.noteSmall).text(`. Reviewer: ${m.comment}`);
          }),
        ]),
      );
    }
    list.end();
  }
  const s = piece.signOff;
  if (s) {
    heading('Sign-off');
    const who = [
      capacityName(s.capacity),
      s.qualification ? `qualification: ${s.qualification}` : null,
      s.registration,
    ]
      .filter(Boolean)
      .join('; ');
    tag(sect, 'P', () => use(STYLES.body).text(`Approved on ${s.decidedOn} by ${s.reviewerName} (${who}).`));
    if (s.comment) {
      const comment = s.comment;
      tag(sect, 'P', () => {
        use(STYLES.bold).text('Reviewer’s comment: ', { continued: true });
        use(STYLES.body).text(comment);
      });
    }
    if (s.verificationCode) {
      const code = s.verificationCode;
      tag(sect, 'P', () => {
        use(STYLES.bold).text(`Verification code: ${code}`, { continued: true });
        use(STYLES.noteSmall).text(`   ${verifyBaseUrl}/verify/${code}`);
      });
    }
  }
  sect.end();
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
