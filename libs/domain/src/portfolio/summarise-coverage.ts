import type { CoverageCell, CoverageCounts, CoverageRow } from './portfolio.types.js';

const COUNTER: Record<CoverageRow['status'], keyof CoverageCounts> = {
  DRAFT: 'draft',
  SUBMITTED: 'submitted',
  APPROVED: 'approved',
  CHANGES_REQUESTED: 'changesRequested',
};

/**
 * Counts evidence per framework domain and level, for showing coverage (reference §1.1, §10 rule 3:
 * coverage is shown, never used to promote anyone). One input row per mapping of the current
 * version of each piece of evidence. An APPROVED row counts only when its mapping was accepted
 * (ACCEPTED or ACCEPTED_AT_OTHER_LEVEL); other rows count under their status whatever their decision.
 * Cells with nothing to count are left out.
 *
 * Order: by position in `domainOrder` (domains not in it come after, by code), then level ordinal,
 * then level code. The order of `rows` does not matter.
 */
export function summariseCoverage(
  rows: readonly CoverageRow[],
  domainOrder: readonly string[] = [],
): CoverageCell[] {
  const cells = new Map<string, CoverageCell>();
  for (const row of rows) {
    if (row.status === 'APPROVED' && (row.decision === null || row.decision === 'NOT_ACCEPTED')) continue;
    const key = JSON.stringify([row.domainCode, row.levelCode]);
    let cell = cells.get(key);
    if (cell === undefined) {
      cell = {
        domainCode: row.domainCode,
        levelCode: row.levelCode,
        levelOrdinal: row.levelOrdinal,
        counts: { draft: 0, submitted: 0, approved: 0, changesRequested: 0 },
      };
      cells.set(key, cell);
    }
    // A level code has one ordinal; taking the lowest keeps the output independent of row order even if not.
    cell.levelOrdinal = Math.min(cell.levelOrdinal, row.levelOrdinal);
    cell.counts[COUNTER[row.status]] += 1;
  }

  const domainRank = (code: string): number => {
    const index = domainOrder.indexOf(code);
    return index === -1 ? domainOrder.length : index;
  };
  return [...cells.values()].sort(
    (a, b) =>
      domainRank(a.domainCode) - domainRank(b.domainCode) ||
      compare(a.domainCode, b.domainCode) ||
      a.levelOrdinal - b.levelOrdinal ||
      compare(a.levelCode, b.levelCode),
  );
}

/** Code-unit order, independent of locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
