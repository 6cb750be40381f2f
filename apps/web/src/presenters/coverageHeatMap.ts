import { joinAnd, pluralise } from './plainEnglish.js';

export interface CoverageDomain {
  code: string;
  title: string;
}
export interface CoverageLevel {
  code: string;
  name: string;
  ordinal: number;
}
export interface CoverageCounts {
  itemCode: string;
  levelCode: string | null;
  approved: number;
  submitted: number;
  draft: number;
  changesRequested: number;
}

/** The strongest state of a domain at a level: approved beats waiting for review beats being written. */
export type Shade = 'approved' | 'submitted' | 'draft' | 'none';

export const SHADE_KEY: { shade: Shade; label: string; mark: string }[] = [
  { shade: 'approved', label: 'Approved', mark: 'A' },
  { shade: 'submitted', label: 'Waiting for review', mark: 'S' },
  { shade: 'draft', label: 'Draft or changes requested', mark: 'D' },
  { shade: 'none', label: 'No evidence', mark: '' },
];

/** Short level names, so nine levels fit a narrow picture and a narrow table; each cell's tooltip gives the full name. */
const SHORT_LEVEL: Record<string, string> = {
  ENTRY: 'Entry',
  READINESS_FOR_DIRECT_PRACTICE: 'Readiness',
  END_FIRST_PLACEMENT: 'First placement',
  END_LAST_PLACEMENT: 'Last placement',
  ASYE: 'ASYE',
  SOCIAL_WORKER: 'Social worker',
  EXPERIENCED_SOCIAL_WORKER: 'Experienced',
  ADVANCED: 'Advanced',
  STRATEGIC: 'Strategic',
};

function shortLevelName(level: CoverageLevel): string {
  return SHORT_LEVEL[level.code] ?? level.name;
}

const LABEL_WIDTH = 250;
const CELL = 40;
const CELL_GAP = 4;
const HEADER_HEIGHT = 96;
const ROW_HEIGHT = 32;
/** Room on the right for the last column's slanted heading. */
const RIGHT_MARGIN = 70;

export interface HeatMapCell {
  x: number;
  y: number;
  size: number;
  height: number;
  shade: Shade;
  mark: string;
  /** For the cell's own tooltip: "Professionalism at ASYE: 1 waiting for review". */
  title: string;
}

export interface HeatMap {
  width: number;
  height: number;
  /** The picture's text alternative: what it shows, in one or two sentences. */
  summary: string;
  columns: { x: number; y: number; label: string }[];
  rows: { y: number; labelX: number; label: string; cells: HeatMapCell[] }[];
  /** One row per domain for the table: the levels (short names) at which it has each kind of evidence. */
  table: { domain: string; approved: string; submitted: string; draft: string }[];
  isEmpty: boolean;
}

function shadeOf(c: CoverageCounts | undefined): Shade {
  if (!c) return 'none';
  if (c.approved > 0) return 'approved';
  if (c.submitted > 0) return 'submitted';
  if (c.draft + c.changesRequested > 0) return 'draft';
  return 'none';
}

function describeCell(c: CoverageCounts | undefined): string {
  if (!c) return 'no evidence';
  const parts = [
    c.approved ? `${c.approved} approved` : '',
    c.submitted ? `${c.submitted} waiting for review` : '',
    c.draft ? pluralise(c.draft, 'draft') : '',
    c.changesRequested ? `${c.changesRequested} with changes requested` : '',
  ].filter(Boolean);
  return parts.length ? joinAnd(parts) : 'no evidence';
}

/**
 * The PCF coverage picture: domains down, levels across, each cell shaded by the strongest evidence
 * there. Cells the API leaves out (no evidence) are drawn empty, so the grid is always whole.
 */
export function coverageHeatMap(
  domains: readonly CoverageDomain[],
  levels: readonly CoverageLevel[],
  cells: readonly CoverageCounts[],
): HeatMap {
  const ordered = [...levels].sort((a, b) => a.ordinal - b.ordinal);
  const byKey = new Map(cells.map((c) => [`${c.itemCode}|${c.levelCode ?? ''}`, c]));
  const columns = ordered.map((level, i) => ({
    x: LABEL_WIDTH + i * CELL + CELL / 2,
    y: HEADER_HEIGHT - 8,
    label: shortLevelName(level),
  }));
  const rows = domains.map((domain, r) => {
    const y = HEADER_HEIGHT + r * ROW_HEIGHT;
    return {
      y: y + ROW_HEIGHT / 2,
      labelX: LABEL_WIDTH - 10,
      label: domain.title,
      cells: ordered.map((level, i) => {
        const counts = byKey.get(`${domain.code}|${level.code}`);
        const shade = shadeOf(counts);
        return {
          x: LABEL_WIDTH + i * CELL + CELL_GAP / 2,
          y: y + CELL_GAP / 2,
          size: CELL - CELL_GAP,
          height: ROW_HEIGHT - CELL_GAP,
          shade,
          mark: SHADE_KEY.find((k) => k.shade === shade)!.mark,
          title: `${domain.title} at ${level.name}: ${describeCell(counts)}`,
        };
      }),
    };
  });
  const levelsWhere = (domain: CoverageDomain, has: (c: CoverageCounts) => boolean): string =>
    ordered
      .filter((level) => {
        const c = byKey.get(`${domain.code}|${level.code}`);
        return c !== undefined && has(c);
      })
      .map(shortLevelName)
      .join(', ') || 'None';
  const count = (has: (c: CoverageCounts) => boolean) =>
    domains.filter((d) => cells.some((c) => c.itemCode === d.code && has(c))).length;
  const approved = count((c) => c.approved > 0);
  const submitted = count((c) => c.submitted > 0);
  const draft = count((c) => c.draft + c.changesRequested > 0);
  const total = domains.length;
  return {
    width: LABEL_WIDTH + ordered.length * CELL + RIGHT_MARGIN,
    height: HEADER_HEIGHT + domains.length * ROW_HEIGHT + 4,
    summary:
      `PCF coverage of your evidence across ${pluralise(total, 'domain')} and ${pluralise(ordered.length, 'level')}: ` +
      `approved evidence in ${approved} of ${total} domains, evidence waiting for review in ${submitted}, ` +
      `drafts or changes requested in ${draft}. The table below lists the levels for each domain.`,
    columns,
    rows,
    table: domains.map((d) => ({
      domain: d.title,
      approved: levelsWhere(d, (c) => c.approved > 0),
      submitted: levelsWhere(d, (c) => c.submitted > 0),
      draft: levelsWhere(d, (c) => c.draft + c.changesRequested > 0),
    })),
    isEmpty: cells.every((c) => shadeOf(c) === 'none'),
  };
}
