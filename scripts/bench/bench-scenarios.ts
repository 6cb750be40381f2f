// The operations the bench measures, each as one user of the synthetic organisation asks for it.
import { postGraphql } from '../harness/post-graphql.js';
import {
  CANDIDATES,
  CANDIDATES_ROUTE,
  CREATE_EVIDENCE,
  createEvidenceInput,
  MY_PROGRESSION,
  PORTFOLIO,
  PORTFOLIO_PAGE_SIZES,
  PORTFOLIO_SELECTIONS,
  PROGRESSION_REPORT,
  REVIEW_QUEUE,
} from './bench-operations.js';
import type { BenchTokens } from './start-bench-api.js';

export interface Scenario {
  name: string;
  label: string;
  token: string;
  query: string;
  variables?: Record<string, unknown>;
}

/** The portfolio read as a peer comparison: one page size and selection, with PostGraphile's query. */
export interface PortfolioVariant extends Scenario {
  size: number;
  selection: string;
  peerQuery: string;
}

/**
 * The portfolio in every page size and selection, for the comparison with PostGraphile (the 20-piece
 * full selection is scenario (a) itself, so it is measured once).
 */
export function portfolioVariants(tokens: BenchTokens): PortfolioVariant[] {
  return PORTFOLIO_SELECTIONS.flatMap((selection) =>
    PORTFOLIO_PAGE_SIZES.map((size) => ({
      name: `portfolio:${selection.key}:${size}`,
      label: `(a) portfolio, ${size} pieces, ${selection.label}`,
      token: tokens.practitioner,
      query: selection.ours,
      variables: { first: size },
      size,
      selection: selection.key,
      peerQuery: selection.theirs,
    })),
  );
}

/** The organisation-wide queries: measured last, at fewer connections, and timed as single requests. */
export const isHeavy = (s: { name: string }) => s.name === 'candidates' || s.name === 'progressionReport';

/** (a) to (e): the portfolio first, then the other reads, the organisation-wide ones and a write. */
export function benchScenarios(tokens: BenchTokens): Scenario[] {
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  return [
    {
      name: 'portfolio',
      label: '(a) portfolio with mappings and reviews',
      token: tokens.practitioner,
      query: PORTFOLIO,
    },
    { name: 'myProgression', label: '(b) myProgression', token: tokens.practitioner, query: MY_PROGRESSION },
    {
      name: 'reviewQueue',
      label: "(c) a reviewer's reviewQueue",
      token: tokens.reviewer,
      query: REVIEW_QUEUE,
    },
    {
      name: 'candidates',
      label: `(d) candidates (${CANDIDATES_ROUTE})`,
      token: tokens.psw,
      query: CANDIDATES,
      variables: { routeKey: CANDIDATES_ROUTE },
    },
    {
      name: 'progressionReport',
      label: '(d) progressionReport',
      token: tokens.psw,
      query: PROGRESSION_REPORT,
    },
    {
      name: 'createEvidence',
      label: '(e) createEvidence (mutation)',
      token: tokens.writer,
      query: CREATE_EVIDENCE,
      variables: { input: createEvidenceInput(yesterday) },
    },
  ];
}

/**
 * 6. Every operation once, checked, before any load. (The organisation-wide queries are checked later,
 * so that the lighter scenarios' memory is their own.)
 */
export async function checkLightScenarios(apiUrl: string, scenarios: Scenario[]): Promise<void> {
  for (const s of scenarios.filter((x) => !isHeavy(x))) {
    const res = await postGraphql(apiUrl, s.query, s.variables ?? {}, { token: s.token, timeoutMs: 60_000 });
    if (res.errors?.length) throw new Error(`${s.name} fails before any load: ${JSON.stringify(res.errors)}`);
  }
}
