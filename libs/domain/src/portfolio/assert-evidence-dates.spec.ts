import { assertEvidenceDates } from './assert-evidence-dates.js';

describe('assertEvidenceDates', () => {
  const today = '2026-11-24';
  it.each([
    ['2026-11-24', null],
    ['2026-01-01', '2026-11-24'],
    ['2026-03-01', '2026-03-01'],
  ])('should accept %s to %s', (from, to) => {
    expect(() => assertEvidenceDates(from, to, today)).not.toThrow();
  });

  it.each([
    ['2026-11-25', null, 'EVIDENCE_DATE_IN_FUTURE', 'input.dateFrom'],
    ['2026-11-01', '2026-11-25', 'EVIDENCE_DATE_IN_FUTURE', 'input.dateTo'],
    ['2026-11-02', '2026-11-01', 'INVALID_DATE_RANGE', 'input.dateTo'],
  ])('should refuse %s to %s with %s on %s', (from, to, code, field) => {
    expect(() => assertEvidenceDates(from, to, today)).toThrow(expect.objectContaining({ code, field }));
  });
});
