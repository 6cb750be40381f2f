import { INK, labelElement, openChart, round, textElement, type ChartText } from './svgMarkup.js';

export interface StackedBar {
  label: string;
  /** One value per series, in the series' order. */
  values: readonly number[];
}

export interface Series {
  name: string;
  fill: string;
  /** Text colour on the fill. */
  ink: string;
}

const WIDTH = 640;
const LABEL_WIDTH = 260;
const LABEL_CHARS = 32;
const TOTAL_ROOM = 60;
const ROW = 44;
const BAR = 26;
const TOP = 8;
const KEY_ROW = 26;

/**
 * Horizontal stacked bars as SVG. Each segment carries its count when there is room and a hatch of its
 * own besides its colour; the key names the segments in the order they are stacked, and each row ends
 * with its total, so the figures never rest on colour alone (the table beside it has them all).
 */
export function stackedBarChart(
  text: ChartText,
  series: readonly Series[],
  bars: readonly StackedBar[],
): string {
  const keyHeight = series.length * KEY_ROW + 8;
  const height = TOP * 2 + keyHeight + Math.max(bars.length, 1) * ROW;
  const plotWidth = WIDTH - LABEL_WIDTH - TOTAL_ROOM;
  const largest = Math.max(0, ...bars.map((b) => sum(b.values)));
  const id = text.id.replace(/[^A-Za-z0-9_-]/g, '');
  const parts = [openChart(text, WIDTH, height), '<defs>'];
  series.forEach((s, i) => {
    parts.push(
      `<pattern id="${id}-hatch-${i}" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(${i * 45})">` +
        `<rect width="8" height="8" fill="${s.fill}"></rect>` +
        (i === 0
          ? ''
          : `<line x1="0" y1="0" x2="0" y2="8" stroke="${s.ink}" stroke-opacity="0.35" stroke-width="${i}"></line>`) +
        '</pattern>',
    );
  });
  parts.push('</defs>');
  series.forEach((s, i) => {
    const y = TOP + i * KEY_ROW;
    parts.push(
      `<g><rect x="0" y="${y}" width="20" height="18" fill="url(#${id}-hatch-${i})" stroke="${INK}"></rect>` +
        textElement(28, y + 9, `${i + 1}. ${s.name}`, { 'dominant-baseline': 'middle' }) +
        '</g>',
    );
  });
  const top = TOP + keyHeight;
  if (bars.length === 0)
    parts.push(textElement(0, top + ROW / 2, 'No figures to show', { 'dominant-baseline': 'middle' }));
  bars.forEach((bar, r) => {
    const middle = top + r * ROW + ROW / 2;
    parts.push('<g>');
    parts.push(labelElement(LABEL_WIDTH - 8, middle, bar.label, LABEL_CHARS));
    let x = LABEL_WIDTH;
    bar.values.forEach((value, i) => {
      if (value <= 0 || largest === 0) return;
      const width = (value / largest) * plotWidth;
      parts.push(
        `<rect x="${round(x)}" y="${round(middle - BAR / 2)}" width="${round(width)}" height="${BAR}" fill="url(#${id}-hatch-${i})" stroke="#ffffff"></rect>`,
      );
      if (width >= 24)
        parts.push(
          textElement(x + width / 2, middle, String(value), {
            'text-anchor': 'middle',
            'dominant-baseline': 'middle',
            fill: series[i]?.ink ?? INK,
            'font-weight': 'bold',
          }),
        );
      x += width;
    });
    parts.push(textElement(x + 6, middle, `${sum(bar.values)}`, { 'dominant-baseline': 'middle' }));
    parts.push('</g>');
  });
  parts.push('</svg>');
  return parts.join('');
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
