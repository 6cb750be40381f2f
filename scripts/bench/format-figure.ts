/** A figure for the bench's tables: fixed digits, or a dash when there is none. */
export const fmt = (n: number | null | undefined, digits = 0) =>
  n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits);
