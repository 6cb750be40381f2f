/*
 * The pathway ladder as a picture drawn on the server: each stage a box, each route an arrow from the
 * stage it leaves to the stage it reaches. Stages sit in rows by how many steps they are from a stage
 * nobody is promoted into, so the ladder reads from the top down. The page shows the same routes as a
 * table, for screen readers and for anyone who would rather read than look.
 */

export interface LadderStage {
  key: string;
  name: string;
}

export interface LadderRoute {
  key: string;
  fromStageKey: string;
  toStageKey: string;
}

export interface LadderBox {
  key: string;
  lines: string[];
  x: number;
  y: number;
}

export interface LadderArrow {
  key: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export const BOX_WIDTH = 170;
export const BOX_HEIGHT = 56;
const GAP_X = 20;
const GAP_Y = 44;
const MARGIN = 8;
const LINE_CHARACTERS = 22;

/**
 * Each stage's row: 0 for a stage no route reaches, otherwise one more than the deepest stage a route
 * comes from. A cycle (which the API refuses) would otherwise loop: a stage is placed once, at most
 * as deep as there are stages.
 */
export function ladderRows(stages: LadderStage[], routes: LadderRoute[]): Map<string, number> {
  const keys = new Set(stages.map((s) => s.key));
  const row = new Map(stages.map((s) => [s.key, 0]));
  for (let pass = 0; pass < stages.length; pass++) {
    let changed = false;
    for (const r of routes) {
      if (!keys.has(r.fromStageKey) || !keys.has(r.toStageKey) || r.fromStageKey === r.toStageKey) continue;
      const deeper = row.get(r.fromStageKey)! + 1;
      if (deeper > row.get(r.toStageKey)! && deeper < stages.length) {
        row.set(r.toStageKey, deeper);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return row;
}

/** Splits a stage name into lines that fit a box, by words. */
export function wrapName(name: string, width = LINE_CHARACTERS): string[] {
  const lines: string[] = [];
  for (const word of name.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.slice(0, 3);
}

export function ladderLayout(
  stages: LadderStage[],
  routes: LadderRoute[],
): { boxes: LadderBox[]; arrows: LadderArrow[]; width: number; height: number } {
  const rows = ladderRows(stages, routes);
  const byRow: LadderStage[][] = [];
  for (const s of stages) (byRow[rows.get(s.key)!] ??= []).push(s);
  const filled = byRow.filter((r) => r !== undefined);
  const columns = Math.max(1, ...filled.map((r) => r.length));
  const width = MARGIN * 2 + columns * BOX_WIDTH + (columns - 1) * GAP_X;
  const boxes: LadderBox[] = [];
  filled.forEach((rowStages, rowIndex) => {
    const rowWidth = rowStages.length * BOX_WIDTH + (rowStages.length - 1) * GAP_X;
    const left = (width - rowWidth) / 2;
    rowStages.forEach((s, i) =>
      boxes.push({
        key: s.key,
        lines: wrapName(s.name),
        x: left + i * (BOX_WIDTH + GAP_X),
        y: MARGIN + rowIndex * (BOX_HEIGHT + GAP_Y),
      }),
    );
  });
  const box = new Map(boxes.map((b) => [b.key, b]));
  const arrows: LadderArrow[] = [];
  for (const r of routes) {
    const from = box.get(r.fromStageKey);
    const to = box.get(r.toStageKey);
    if (!from || !to || from === to) continue;
    const down = to.y > from.y;
    arrows.push({
      key: r.key,
      x1: from.x + BOX_WIDTH / 2,
      y1: down ? from.y + BOX_HEIGHT : from.y,
      x2: to.x + BOX_WIDTH / 2,
      y2: down ? to.y : to.y + BOX_HEIGHT,
    });
  }
  const height = MARGIN * 2 + filled.length * BOX_HEIGHT + Math.max(0, filled.length - 1) * GAP_Y;
  return { boxes, arrows, width, height };
}

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The ladder as an accessible SVG: `role="img"`, a title and a description naming every route. */
export function ladderSvg(
  stages: LadderStage[],
  routes: LadderRoute[],
  { id = 'ladder', title = 'The pathway ladder' }: { id?: string; title?: string } = {},
): string {
  const { boxes, arrows, width, height } = ladderLayout(stages, routes);
  const names = new Map(stages.map((s) => [s.key, s.name]));
  const description =
    routes.length === 0
      ? `${stages.length} stages and no routes yet.`
      : `${stages.length} stages and ${routes.length} routes: ` +
        routes
          .map(
            (r) =>
              `${names.get(r.fromStageKey) ?? r.fromStageKey} to ${names.get(r.toStageKey) ?? r.toStageKey}`,
          )
          .join('; ') +
        '.';
  const boxMarkup = boxes.map((b) => {
    const firstLine = b.y + BOX_HEIGHT / 2 - ((b.lines.length - 1) * 16) / 2 + 5;
    const text = b.lines
      .map((line, i) => `<tspan x="${b.x + BOX_WIDTH / 2}" y="${firstLine + i * 16}">${escape(line)}</tspan>`)
      .join('');
    return (
      `<g class="app-ladder__stage" data-stage="${escape(b.key)}">` +
      `<rect x="${b.x}" y="${b.y}" width="${BOX_WIDTH}" height="${BOX_HEIGHT}" rx="4"/>` +
      `<text text-anchor="middle">${text}</text></g>`
    );
  });
  const arrowMarkup = arrows.map(
    (a) =>
      `<line class="app-ladder__route" data-route="${escape(a.key)}" x1="${a.x1}" y1="${a.y1}" x2="${a.x2}" y2="${a.y2}" marker-end="url(#${id}-arrow)"/>`,
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="app-ladder" role="img" viewBox="0 0 ${width} ${height}" ` +
    `width="100%" aria-labelledby="${id}-title ${id}-desc" focusable="false">` +
    `<title id="${id}-title">${escape(title)}</title><desc id="${id}-desc">${escape(description)}</desc>` +
    `<defs><marker id="${id}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">` +
    `<path d="M 0 0 L 10 5 L 0 10 z" fill="#0b0c0c"/></marker></defs>` +
    `<g stroke="#0b0c0c" stroke-width="2" fill="none">${arrowMarkup.join('')}</g>` +
    `<g fill="#ffffff" stroke="#0b0c0c" stroke-width="2" font-family="Arial, sans-serif" font-size="14">` +
    boxMarkup.join('').replace(/<text /g, '<text fill="#0b0c0c" stroke="none" ') +
    `</g></svg>`
  );
}
