/** Text and attribute values made safe inside SVG markup: labels come from the organisation's own data. */
export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** What every chart is given: an id for its title and description, and the words a screen reader hears. */
export interface ChartText {
  /** Unique on the page, e.g. "stages-chart". */
  id: string;
  title: string;
  description: string;
}

/** GOV.UK colours, dark enough for white text, with a matching text colour. */
export const INK = '#0b0c0c';
export const SECONDARY_INK = '#505a5f';
export const BAR_FILL = '#1d70b8';
/** GOV.UK Frontend's type, where the page has it. */
const FONT = '&quot;GDS Transport&quot;, arial, sans-serif';

/**
 * The opening of a chart: an image to assistive technology, named by its <title> and described by its
 * <desc>. Drawn at its own size; the stylesheet's heat-map rule (scale down to the column, never up),
 * which suits every chart, fits it into 320 px without scrolling.
 */
export function openChart(text: ChartText, width: number, height: number): string {
  const id = escapeXml(text.id);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="app-chart app-heatmap" role="img" ` +
    `aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" ` +
    `height="${height}" font-family="${FONT}">` +
    `<title id="${id}-title">${escapeXml(text.title)}</title>` +
    `<desc id="${id}-desc">${escapeXml(text.description)}</desc>`
  );
}

export function textElement(
  x: number,
  y: number,
  content: string,
  attributes: Record<string, string | number> = {},
): string {
  const extra = Object.entries({ 'font-size': 14, fill: INK, ...attributes })
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  return `<text x="${round(x)}" y="${round(y)}"${extra}>${escapeXml(content)}</text>`;
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Splits a label into at most `maxLines` lines of about `maxChars`, at spaces; a word longer than a line
 * stays whole. What does not fit ends in "…" (the table beside every chart has the whole label).
 */
export function wrapLabel(label: string, maxChars: number, maxLines = 2): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= maxChars)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, maxChars - 1)}…`;
  return kept;
}

/** A right-aligned label of one or two lines, centred on `middle`. */
export function labelElement(
  x: number,
  middle: number,
  label: string,
  maxChars: number,
  fontSize = 14,
): string {
  const lines = wrapLabel(label, maxChars);
  const lineHeight = fontSize * 1.15;
  const first = middle - ((lines.length - 1) * lineHeight) / 2;
  const spans = lines
    .map(
      (line, i) => `<tspan x="${round(x)}" y="${round(first + i * lineHeight)}">${escapeXml(line)}</tspan>`,
    )
    .join('');
  return `<text text-anchor="end" dominant-baseline="middle" font-size="${fontSize}" fill="${INK}">${spans}</text>`;
}
