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

/**
 * The opening of a chart: an image to assistive technology, named by its <title> and described by its
 * <desc>. Width follows the page (viewBox), so it fits 320 px without scrolling.
 */
export function openChart(text: ChartText, width: number, height: number): string {
  const id = escapeXml(text.id);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" role="img" ` +
    `aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="100%" ` +
    `preserveAspectRatio="xMinYMin meet" font-family="inherit">` +
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
