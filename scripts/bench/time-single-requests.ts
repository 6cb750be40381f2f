import { postGraphql } from '../harness/post-graphql.js';
import { isHeavy, type Scenario } from './bench-scenarios.js';
import { drain } from './drain.js';
import type { StatementCounts } from './measure-scenarios.js';

export interface Single {
  minMs: number;
  medianMs: number;
  maxMs: number;
  errors: string[];
}

export interface TimedOperation {
  name: string;
  token: string;
  query: string;
  variables?: Record<string, unknown>;
}

/** One operation as single requests: 7 timed after one warm-up, one after another (median, min, max). */
export async function timeSingleRequest(apiUrl: string, s: TimedOperation): Promise<Single> {
  const times: number[] = [];
  const errors = new Set<string>();
  for (let i = 0; i < 8; i++) {
    const res = await postGraphql(apiUrl, s.query, s.variables ?? {}, {
      token: s.token,
      timeoutMs: 60_000,
    });
    for (const e of res.errors ?? []) errors.add(String(e.extensions?.code ?? e.message));
    if (i > 0) times.push(res.milliseconds);
  }
  times.sort((a, b) => a - b);
  return { minMs: times[0]!, medianMs: times[3]!, maxMs: times.at(-1)!, errors: [...errors] };
}

export type InsightTiming = Single & { label: string; statements: number | null };

/**
 * 10. Single requests, after the load of the organisation-wide queries (issue 4's target: under 1 s),
 * and each workforce insight field (issue 6's target: under 1 s each): 7 timed after one warm-up.
 */
export async function timeSingleRequests(
  apiUrl: string,
  scenarios: Scenario[],
  insightScenarios: Scenario[],
  statements: StatementCounts,
): Promise<{ single: Record<string, Single>; insight: Record<string, InsightTiming> }> {
  const timeSingle = (s: TimedOperation) => timeSingleRequest(apiUrl, s);
  const single: Record<string, Single> = {};
  for (const s of scenarios.filter(isHeavy)) {
    single[s.name] = await timeSingle(s);
    if (single[s.name]!.errors.length) throw new Error(`${s.name}: ${single[s.name]!.errors.join(', ')}`);
  }
  const insight: Record<string, InsightTiming> = {};
  for (const s of insightScenarios) {
    await drain(apiUrl);
    insight[s.name] = {
      label: s.label,
      ...(await timeSingle(s)),
      statements: statements[s.name]?.statements ?? null,
    };
  }
  return { single, insight };
}
