import { drive, histogram } from '../harness/drive-clients.js';
import type { ResilienceRun } from './resilience-run.js';

/** 1. 50 clients for 30 s, 30% of the requests writes: no 5xx, every acknowledged write stored. */
export async function checkLoad({ api, tokens, countExisting, check }: ResilienceRun): Promise<void> {
  console.log('\n1. Load: 50 concurrent clients for 30 s, mixed reads and writes');
  const loadEnds = Date.now() + 30_000;
  const load = await drive(api.url, tokens, 50, 0.3, () => Date.now() > loadEnds);
  const acknowledged = load.flatMap((o) => (o.written ? [o.written] : []));
  const fiveXx = load.filter((o) => o.status !== null && o.status >= 500).length;
  const untyped = load.filter((o) =>
    o.codes.some((c) => c === 'INTERNAL_SERVER_ERROR' || c === 'UNTYPED'),
  ).length;
  const latencies = load.map((o) => o.ms).sort((a, b) => a - b);
  check(
    'no 5xx under load',
    fiveXx === 0 && untyped === 0,
    `${load.length} requests (${(load.length / 30).toFixed(0)}/s, p99 ${latencies[Math.floor(latencies.length * 0.99)]!.toFixed(0)} ms), outcomes ${histogram(load)}`,
  );
  check(
    'no lost acknowledged writes',
    (await countExisting(acknowledged)) === acknowledged.length,
    `${acknowledged.length} acknowledged writes, all stored`,
  );
}
