/** One coverage cell as the API counts it: pieces per framework item and level. */
export interface CoverageCounts {
  itemCode: string;
  approved: number;
  submitted: number;
  changesRequested: number;
  draft: number;
}

export interface DomainCoverageRow {
  code: string;
  title: string;
  approved: number;
  submitted: number;
}

export interface CoverageSummary {
  /** Every PCF domain in framework order, its counts summed over levels. */
  domains: DomainCoverageRow[];
  domainsWithApproved: number;
  domainsWaiting: number;
  /** Titles of the domains with no approved evidence yet, in framework order. */
  gaps: string[];
  /** One plain sentence for the summary, e.g. "Approved evidence in 3 of 9 PCF domains." */
  headline: string;
}

/**
 * A practitioner's PCF coverage for a reviewer at a glance. Coverage informs a judgement and never
 * promotes anyone, so the summary only counts; the gaps are the API's `itemsWithoutApprovedEvidence`.
 */
export function summariseCoverage(
  domains: readonly { code: string; title: string }[],
  cells: readonly CoverageCounts[],
  itemsWithoutApprovedEvidence: readonly string[],
): CoverageSummary {
  const rows = domains.map((d) => {
    const mine = cells.filter((c) => c.itemCode === d.code);
    return {
      code: d.code,
      title: d.title,
      approved: mine.reduce((sum, c) => sum + c.approved, 0),
      submitted: mine.reduce((sum, c) => sum + c.submitted, 0),
    };
  });
  const missing = new Set(itemsWithoutApprovedEvidence);
  const gaps = domains.filter((d) => missing.has(d.code)).map((d) => d.title);
  const domainsWithApproved = domains.length - gaps.length;
  return {
    domains: rows,
    domainsWithApproved,
    domainsWaiting: rows.filter((r) => r.submitted > 0).length,
    gaps,
    headline:
      domainsWithApproved === 0
        ? 'No approved evidence in any PCF domain yet.'
        : `Approved evidence in ${domainsWithApproved} of ${domains.length} PCF domains.`,
  };
}
