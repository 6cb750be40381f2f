// 11. The table, the ratios, the JSON: what the bench prints at the end and writes to bench-results/.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SYNTHETIC_SIZES } from '../synthetic/seed-synthetic-data.js';
import type { BenchSettings } from './bench-settings.js';
import { fmt } from './format-figure.js';
import type { measureColdStart } from './measure-cold-start.js';
import type { MemorySampler, Row, StatementCounts } from './measure-scenarios.js';
import type { WebPageRow } from './measure-web-pages.js';
import type { Peer } from './postgraphile-peer.js';
import type { InsightTiming, Single } from './time-single-requests.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const log = (line: string) => console.log(line);

type Ratios = Record<string, { throughput: number; p99: number }>;

/** The issue's ceiling on SQL statements for one portfolio read. */
const MAX_STATEMENTS = 2;

/** Everything one run of the bench measured. */
export interface BenchOutcome {
  startedAt: Date;
  size: (typeof SYNTHETIC_SIZES)[keyof typeof SYNTHETIC_SIZES];
  counts: Record<string, string>;
  settings: BenchSettings;
  apiPoolSize: number;
  coldStart: Awaited<ReturnType<typeof measureColdStart>> | null;
  apiStartSeconds: number;
  rows: Row[];
  statements: StatementCounts;
  webPages: Record<string, WebPageRow>;
  single: Record<string, Single>;
  insight: Record<string, InsightTiming>;
  /** The web app's `/insight` as the PSW, single requests. */
  insightPage: Single;
  rss: ReturnType<MemorySampler['stop']>;
  peerRss: ReturnType<MemorySampler['stop']> | null;
  postgraphile: Peer;
  peerShape: string | null;
}

/** The tables and the PostGraphile ratios, printed; returns the ratios. */
export function printResults(outcome: BenchOutcome): Ratios {
  const { rows, rss, peerRss, single, counts, webPages, insight, settings } = outcome;
  const { peer, peerReason } = outcome.postgraphile;
  log(
    '\nScenario                                       server       conns   req/s   p50 ms   p99 ms  errors  SQL/req  RSS MiB  CPU ms/req',
  );
  for (const r of rows) {
    const errors = r.load.connectionErrors + r.load.non2xx + r.load.graphqlErrors;
    log(
      `${r.scenario.padEnd(46)} ${r.server.padEnd(12)} ${String(r.connections).padStart(5)} ${fmt(r.load.requestsPerSecond, r.load.requestsPerSecond < 10 ? 1 : 0).padStart(7)} ${fmt(r.load.p50Ms, 1).padStart(8)} ${fmt(r.load.p99Ms, 1).padStart(8)} ${String(errors).padStart(7)} ${fmt(r.statementsPerRequest).padStart(8)} ${fmt(r.highestRssMiB).padStart(8)} ${fmt(r.cpuMsPerRequest, 2).padStart(11)}`,
    );
  }
  log(
    `\nAPI peak RSS (VmHWM) over the whole run: ${rss.peakRssMiB.toFixed(0)} MiB (highest sampled VmRSS ${rss.highestRssMiB.toFixed(0)} MiB)`,
  );
  if (peerRss) log(`PostGraphile peak RSS (VmHWM): ${peerRss.peakRssMiB.toFixed(0)} MiB`);
  for (const [name, t] of Object.entries(single)) {
    log(
      `${name}, single requests: median ${t.medianMs.toFixed(0)} ms (min ${t.minMs.toFixed(0)}, max ${t.maxMs.toFixed(0)}) for ${counts.practitioners} practitioners`,
    );
  }
  const ratios: Ratios = {};
  const compared = rows.filter((r) => r.variant && r.server === 'pathways');
  if (peer && compared.length > 0) {
    log(
      `\nPortfolio against PostGraphile (targets: at least 1.0× its throughput, at most 1.0× its p99; at most ${MAX_STATEMENTS} SQL statements a request)`,
    );
    log(
      'Pieces  selection                conns  ours req/s  theirs req/s  throughput   p99 ratio  SQL/req  CPU ms/req ours  theirs  verdict',
    );
    for (const ours of compared) {
      const theirs = rows.find(
        (r) =>
          r.server === 'postgraphile' &&
          r.connections === ours.connections &&
          r.variant?.size === ours.variant!.size &&
          r.variant?.selection === ours.variant!.selection,
      );
      if (!theirs) continue;
      const key = `portfolio:${ours.variant!.selection}:${ours.variant!.size}@${ours.connections}`;
      const ratio = {
        throughput: ours.load.requestsPerSecond / theirs.load.requestsPerSecond,
        p99: ours.load.p99Ms / theirs.load.p99Ms,
      };
      ratios[key] = ratio;
      const met =
        ratio.throughput >= 1 && ratio.p99 <= 1 && (ours.statementsPerRequest ?? Infinity) <= MAX_STATEMENTS;
      log(
        `${String(ours.variant!.size).padStart(6)}  ${ours.variant!.selection.padEnd(24)} ${String(ours.connections).padStart(5)} ${fmt(ours.load.requestsPerSecond).padStart(11)} ${fmt(theirs.load.requestsPerSecond).padStart(13)} ${`${ratio.throughput.toFixed(2)}×`.padStart(11)} ${`${ratio.p99.toFixed(2)}×`.padStart(11)} ${fmt(ours.statementsPerRequest).padStart(8)} ${fmt(ours.cpuMsPerRequest, 2).padStart(16)} ${fmt(theirs.cpuMsPerRequest, 2).padStart(7)}  ${met ? 'met' : 'missed'}`,
      );
    }
  } else {
    log(`PostGraphile: not measured (${peerReason ?? 'no load runs (--skip-load)'})`);
  }
  if (Object.keys(webPages).length) {
    log(`\nWeb pages (target p95 under 200 ms), ${settings.webWorkers} concurrent requests`);
    log('Page                                           pages/s   p50 ms   p95 ms   p99 ms  errors');
    for (const w of Object.values(webPages))
      log(
        `${w.label.padEnd(46)} ${fmt(w.requestsPerSecond).padStart(8)} ${fmt(w.p50Ms, 1).padStart(8)} ${fmt(w.p95Ms, 1).padStart(8)} ${fmt(w.p99Ms, 1).padStart(8)} ${String(w.errors).padStart(7)}`,
      );
  }
  log(
    `\nWorkforce insight as the PSW, ${counts.practitioners} practitioners, single requests (7 after a warm-up; target under 1 s each)`,
  );
  log('Query                                         median ms   min ms   max ms  SQL/req  errors');
  for (const t of Object.values(insight)) {
    log(
      `${t.label.padEnd(44)} ${fmt(t.medianMs).padStart(10)} ${fmt(t.minMs).padStart(8)} ${fmt(t.maxMs).padStart(8)} ${fmt(t.statements).padStart(8)}  ${t.errors.join(', ') || '0'}`,
    );
  }
  printTargets(outcome);
  return ratios;
}

/**
 * The organisation-wide reads against their targets (issue 6: the insight dashboard under 1 s; the
 * progression report and candidates under 300 ms), medians of single requests. Other work on the
 * machine slows them: compare runs made under the same conditions.
 */
function printTargets(outcome: BenchOutcome): void {
  const { single, insight, insightPage } = outcome;
  const rows: [string, Single | undefined, number][] = [
    ["web: the PSW's /insight page", insightPage, 1000],
    ['workforceInsight, every field', insight['insight.all'], 1000],
    ['progressionReport', single.progressionReport, 300],
    ['candidates', single.candidates, 300],
  ];
  log('\nTargets (single requests, median of 7 after a warm-up)');
  log('Read                                          median ms   target ms  ');
  for (const [label, t, target] of rows) {
    const verdict = !t
      ? 'not measured'
      : t.errors.length
        ? t.errors.join(', ')
        : t.medianMs < target
          ? 'met'
          : 'missed';
    log(`${label.padEnd(44)} ${fmt(t?.medianMs).padStart(10)} ${`< ${target}`.padStart(11)}  ${verdict}`);
  }
}

/** The whole run as JSON in bench-results/, named by when it started. */
export async function writeResults(outcome: BenchOutcome, ratios: Ratios): Promise<void> {
  const { startedAt, size, counts, settings, apiPoolSize, coldStart, apiStartSeconds, rows, statements } =
    outcome;
  const { webPages, single, insight, insightPage, rss, peerRss, peerShape } = outcome;
  const { peer, peerReason, peerNode } = outcome.postgraphile;
  const result = {
    startedAt: startedAt.toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.versions.node,
    },
    data: { ...size, seed: 1, counts },
    settings: {
      seconds: settings.seconds,
      warmUpSeconds: settings.warmUpSeconds,
      connections: settings.connections,
      apiPoolSize,
      logLevel: 'warn',
      jobs: false,
    },
    coldStart,
    apiStartSeconds,
    scenarios: rows,
    statements,
    webPages,
    singleRequests: single,
    insight,
    insightPage,
    rss,
    postgraphile: peer
      ? { measured: true, node: peerNode, shape: peerShape, ratios, rss: peerRss }
      : { measured: false, reason: peerReason },
  };
  const folder = join(ROOT, 'bench-results');
  await mkdir(folder, { recursive: true });
  const file = join(folder, `bench-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`\nResults written to bench-results/${file.split('/').pop()}`);
}
