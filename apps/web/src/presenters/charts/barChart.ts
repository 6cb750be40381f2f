import {
  BAR_FILL,
  INK,
  SECONDARY_INK,
  labelElement,
  openChart,
  round,
  textElement,
  type ChartText,
} from './svgMarkup.js';

export interface Bar {
  label: string;
  /** Null when the figure is withheld (a small group): no bar, only its `valueText`. */
  value: number | null;
  /** What is written after the bar: "42", "62%", "Fewer than 5 people: not shown". */
  valueText: string;
}

const WIDTH = 640;
const LABEL_WIDTH = 240;
/** Characters of a label per line: about what fits LABEL_WIDTH at 14 px. */
const LABEL_CHARS = 30;
const VALUE_ROOM = 190;
const ROW = 40;
const BAR = 22;
const TOP = 8;

/**
 * A horizontal bar chart as SVG: one row per bar, its label on the left and its value written after it,
 * so nothing is told by length or colour alone. `max` fixes the scale (1 for shares); else the largest value.
 */
export function barChart(text: ChartText, bars: readonly Bar[], options: { max?: number } = {}): string {
  const height = TOP * 2 + Math.max(bars.length, 1) * ROW;
  const largest = Math.max(options.max ?? 0, ...bars.map((b) => b.value ?? 0));
  const plotWidth = WIDTH - LABEL_WIDTH - VALUE_ROOM;
  const parts = [openChart(text, WIDTH, height)];
  if (bars.length === 0)
    parts.push(textElement(0, TOP + ROW / 2, 'No figures to show', { 'dominant-baseline': 'middle' }));
  bars.forEach((bar, i) => {
    const y = TOP + i * ROW;
    const middle = y + ROW / 2;
    const length = bar.value !== null && largest > 0 ? (bar.value / largest) * plotWidth : 0;
    parts.push('<g>');
    parts.push(labelElement(LABEL_WIDTH - 8, middle, bar.label, LABEL_CHARS));
    if (bar.value !== null)
      parts.push(
        `<rect x="${LABEL_WIDTH}" y="${round(middle - BAR / 2)}" width="${round(Math.max(length, 1))}" height="${BAR}" fill="${BAR_FILL}"></rect>`,
      );
    parts.push(
      textElement(LABEL_WIDTH + length + 6, middle, bar.valueText, {
        'dominant-baseline': 'middle',
        fill: bar.value === null ? SECONDARY_INK : INK,
        ...(bar.value === null ? { 'font-style': 'italic' } : {}),
      }),
    );
    parts.push('</g>');
  });
  parts.push(
    `<line x1="${LABEL_WIDTH}" y1="${TOP}" x2="${LABEL_WIDTH}" y2="${height - TOP}" stroke="${INK}" stroke-width="1"></line>`,
  );
  parts.push('</svg>');
  return parts.join('');
}
