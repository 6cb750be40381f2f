import { INK, escapeXml, labelElement, openChart, round, textElement, type ChartText } from './svgMarkup.js';

export interface HeatMapInput {
  rows: readonly { key: string; label: string }[];
  columns: readonly { key: string; label: string }[];
  /** The figure at a row and column; missing cells count as 0. */
  value(rowKey: string, columnKey: string): number;
  /** The cell's own tooltip, e.g. "Knowledge at ASYE: 3 pieces". */
  describe(rowLabel: string, columnLabel: string, value: number): string;
}

const LABEL_WIDTH = 220;
const LABEL_CHARS = 28;
const CELL_WIDTH = 44;
const CELL_HEIGHT = 36;
const HEADER = 100;
/** Five steps of GOV.UK blue from none to most; the count is written in every cell as well. */
const SHADES = ['#ffffff', '#d2e2f1', '#8eb8dc', '#1d70b8', '#003078'];

/** The shade step of a value: 0 only for 0, else 1 to 4 by its share of the largest. */
export function shadeStep(value: number, largest: number): number {
  if (value <= 0 || largest <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((value / largest) * 4)));
}

/**
 * A grid of counts as SVG: rows down, columns across (headings slanted to fit), each cell shaded by its
 * share of the largest and with its count written in it, so the shade only repeats what the text says.
 */
export function heatMap(text: ChartText, input: HeatMapInput): string {
  const width = LABEL_WIDTH + Math.max(input.columns.length, 1) * CELL_WIDTH + 70;
  const height = HEADER + Math.max(input.rows.length, 1) * CELL_HEIGHT + 8;
  const largest = Math.max(
    0,
    ...input.rows.flatMap((r) => input.columns.map((c) => input.value(r.key, c.key))),
  );
  const parts = [openChart(text, width, height)];
  input.columns.forEach((column, i) => {
    const x = LABEL_WIDTH + i * CELL_WIDTH + CELL_WIDTH / 2;
    parts.push(
      textElement(x, HEADER - 8, column.label, {
        transform: `rotate(-45 ${round(x)} ${HEADER - 8})`,
        'font-size': 13,
      }),
    );
  });
  if (input.rows.length === 0)
    parts.push(
      textElement(0, HEADER + CELL_HEIGHT / 2, 'No figures to show', { 'dominant-baseline': 'middle' }),
    );
  input.rows.forEach((row, r) => {
    const y = HEADER + r * CELL_HEIGHT;
    parts.push(labelElement(LABEL_WIDTH - 8, y + CELL_HEIGHT / 2, row.label, LABEL_CHARS, 13));
    input.columns.forEach((column, c) => {
      const value = input.value(row.key, column.key);
      const step = shadeStep(value, largest);
      const x = LABEL_WIDTH + c * CELL_WIDTH;
      parts.push(
        `<g><title>${escapeXml(input.describe(row.label, column.label, value))}</title>` +
          `<rect x="${x + 2}" y="${y + 2}" width="${CELL_WIDTH - 4}" height="${CELL_HEIGHT - 4}" fill="${SHADES[step]}" stroke="#505a5f"></rect>` +
          textElement(x + CELL_WIDTH / 2, y + CELL_HEIGHT / 2, String(value), {
            'text-anchor': 'middle',
            'dominant-baseline': 'middle',
            'font-size': 13,
            fill: step >= 3 ? '#ffffff' : INK,
          }) +
          '</g>',
      );
    });
  });
  parts.push('</svg>');
  return parts.join('');
}
