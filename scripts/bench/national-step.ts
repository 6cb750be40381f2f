// The national step (npm run bench -- --national): national-size data in a database of its own, and
// the per-organisation operations (a practitioner's portfolio read, one organisation's
// progressionReport as its PSW) measured there and at council size in the same run, the same way.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from '#app/config';
import { openBenchDatabase, seedBenchData } from './bench-database.js';
import { benchScenarios, type Scenario } from './bench-scenarios.js';
import type { BenchSettings } from './bench-settings.js';
import { countStatementsPerRequest } from './count-statements-per-request.js';
import { drain } from './drain.js';
import { fmt } from './format-figure.js';
import pg from 'pg';
import {
  countNational,
  nationalSize,
  openNationalDatabase,
  seedNationalData,
  type NationalCounts,
} from './national-database.js';
import { explainOperations, type StatementPlan } from './national-plans.js';
import { runLoad, type LoadResult } from './run-load.js';
import { startBenchApi, type BenchApi } from './start-bench-api.js';
import { timeSingleRequest, type Single } from './time-single-requests.js';
import { SYNTHETIC_SIZES } from '../synthetic/seed-synthetic-data.js';

type Cleanups = (() => Promise<unknown>)[];
const log = (line: string) => console.log(line);
const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** The target: each per-organisation cost at national size within ±20% of the same at council size. */
const TOLERANCE = 0.2;

interface Target {
  key: 'council' | 'oneOrg' | 'national';
  label: string;
  databaseUrl: string;
  orgNo: number;
  counts: NationalCounts;
  api?: BenchApi;
  scenarios?: Scenario[];
}

interface Measured {
  portfolioLoad: LoadResult[];
  portfolioSingle: Single[];
  reportSingle: Single[];
  statements: Record<string, number>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export async function runNationalStep(options: {
  config: AppConfig;
  orgs: number | undefined;
  password: string;
  settings: BenchSettings;
  cleanups: Cleanups;
  /** Rounds of measurement, the three databases in turn in each (their medians are compared). */
  rounds: number;
  /** Generate national data for at most this long in this run; the next run continues. */
  generationMinutes: number | undefined;
}): Promise<void> {
  const { config, password, settings, cleanups, rounds } = options;
  const startedAt = new Date();
  const size = nationalSize(options.orgs);

  // 1. The council database, as the default bench keeps it (generated once, about 30 s).
  const councilUrl = await openBenchDatabase(config, cleanups);
  await seedBenchData(councilUrl, SYNTHETIC_SIZES.council, password, cleanups);

  // 2. One organisation of national's size alone: the like-for-like reference for one organisation's
  // report (a national organisation has 667 practitioners, the council one 2,000).
  const one = await openNationalDatabase(config, cleanups, nationalSize(1));
  const oneSeeded = await seedNationalData(one.url, one.dataDir, nationalSize(1), password, cleanups);

  // 3. The national data set, generated once (or continued, when an earlier run was cut short).
  const national = size.orgs === 1 ? one : await openNationalDatabase(config, cleanups, size);
  const seeded =
    size.orgs === 1
      ? oneSeeded
      : await seedNationalData(
          national.url,
          national.dataDir,
          size,
          password,
          cleanups,
          options.generationMinutes,
        );
  const complete = seeded.organisationsPresent === size.orgs;
  printGeneration(size, seeded);

  // The organisation measured at national size: one in the middle of the data set, not the first.
  const nationalOrg = Math.max(1, Math.ceil(seeded.organisationsPresent / 2));
  const council = await countsOf(councilUrl);
  const targets: Target[] = [
    { key: 'council', label: 'council (1 × 2,000)', databaseUrl: councilUrl, orgNo: 1, counts: council },
    {
      key: 'oneOrg',
      label: `one organisation (1 × ${size.practitionersPerOrg})`,
      databaseUrl: one.url,
      orgNo: 1,
      counts: oneSeeded.counts,
    },
    {
      key: 'national',
      label: `national (${seeded.organisationsPresent} × ${size.practitionersPerOrg}), org ${nationalOrg}`,
      databaseUrl: national.url,
      orgNo: nationalOrg,
      counts: seeded.counts,
    },
  ];

  // 4. An API per database (production mode, child processes, one measured at a time), their logins,
  // and the SQL statements per request counted as the default bench counts them.
  const jwtSecret = randomBytes(32).toString('hex');
  const measured = {} as Record<Target['key'], Measured>;
  for (const t of targets) {
    t.api = await startBenchApi({
      databaseUrl: t.databaseUrl,
      jwtSecret,
      password,
      cleanups,
      orgNo: t.orgNo,
    });
    t.scenarios = benchScenarios(t.api.tokens).filter(
      (s) => s.name === 'portfolio' || s.name === 'progressionReport',
    );
    const counted = await countStatementsPerRequest({ databaseUrl: t.databaseUrl, jwtSecret }, t.scenarios);
    for (const [name, c] of Object.entries(counted))
      if (c.errors.length) throw new Error(`${t.key} ${name}: ${c.errors.join(', ')}`);
    measured[t.key] = {
      portfolioLoad: [],
      portfolioSingle: [],
      reportSingle: [],
      statements: Object.fromEntries(Object.entries(counted).map(([k, v]) => [k, v.statements])),
    };
  }

  // 5. Rounds: in each, every database in turn (the order rotating): the portfolio under load (warm-up, then the bench's
  // run at its connections), then single requests (7 after a warm-up) of the portfolio and the report.
  log(
    `\nMeasuring: ${rounds} round(s); portfolio ${settings.seconds} s at ${settings.connections} connections after ${settings.warmUpSeconds} s of warm-up; single requests, medians of 7`,
  );
  for (let round = 1; round <= rounds; round++) {
    // Each round starts one database later, so that none is always measured first or last.
    const order = targets.map((_, i) => targets[(i + round - 1) % targets.length]!);
    for (const t of order) {
      const m = measured[t.key];
      const [portfolio, report] = t.scenarios!;
      const url = t.api!.api.url;
      await drain(url);
      await runLoad({
        url,
        ...portfolio!,
        connections: settings.connections,
        seconds: settings.warmUpSeconds,
      });
      await drain(url);
      const load = await runLoad({
        url,
        ...portfolio!,
        connections: settings.connections,
        seconds: settings.seconds,
      });
      if (load.non2xx || load.graphqlErrors || load.connectionErrors)
        throw new Error(`${t.key} portfolio under load: ${JSON.stringify(load)}`);
      m.portfolioLoad.push(load);
      await drain(url);
      m.portfolioSingle.push(await checked(t.key, await timeSingleRequest(url, portfolio!)));
      m.reportSingle.push(await checked(t.key, await timeSingleRequest(url, report!)));
      log(
        `  round ${round} ${t.key.padEnd(8)} portfolio p50 ${fmt(load.p50Ms)} ms p99 ${fmt(load.p99Ms)} ms (${fmt(load.requestsPerSecond)} req/s), single ${fmt(m.portfolioSingle.at(-1)!.medianMs)} ms; report ${fmt(m.reportSingle.at(-1)!.medianMs)} ms`,
      );
    }
  }
  for (const t of targets) await t.api!.stop();

  // 6. The plans at national size of every read the two operations send.
  const nationalTarget = targets.find((t) => t.key === 'national')!;
  const plans = await explainOperations({ databaseUrl: national.url, jwtSecret }, nationalTarget.scenarios!);

  const figures = Object.fromEntries(
    targets.map((t) => {
      const m = measured[t.key];
      return [
        t.key,
        {
          portfolioP50Ms: median(m.portfolioLoad.map((l) => l.p50Ms)),
          portfolioP99Ms: median(m.portfolioLoad.map((l) => l.p99Ms)),
          portfolioRequestsPerSecond: median(m.portfolioLoad.map((l) => l.requestsPerSecond)),
          portfolioSingleMs: median(m.portfolioSingle.map((s) => s.medianMs)),
          reportSingleMs: median(m.reportSingle.map((s) => s.medianMs)),
          portfolioStatements: m.statements.portfolio ?? null,
          reportStatements: m.statements.progressionReport ?? null,
        },
      ];
    }),
  ) as Record<Target['key'], Figures>;
  const verdicts = printComparison(targets, figures, complete, size);
  printPlans(plans);

  const folder = join(ROOT, 'bench-results');
  await mkdir(folder, { recursive: true });
  const file = join(folder, `national-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const result = {
    startedAt: startedAt.toISOString(),
    size,
    complete,
    generation: seeded.record,
    generatedNow: seeded.generatedNow,
    targets: targets.map((t) => ({ key: t.key, label: t.label, orgNo: t.orgNo, counts: t.counts })),
    settings: { ...settings, rounds },
    measured,
    figures,
    verdicts,
    plans,
  };
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`\nResults written to bench-results/${file.split('/').pop()}`);
}

interface Figures {
  portfolioP50Ms: number;
  portfolioP99Ms: number;
  portfolioRequestsPerSecond: number;
  portfolioSingleMs: number;
  reportSingleMs: number;
  portfolioStatements: number | null;
  reportStatements: number | null;
}

async function checked(key: string, single: Single): Promise<Single> {
  if (single.errors.length) throw new Error(`${key}: ${single.errors.join(', ')}`);
  return single;
}

async function countsOf(databaseUrl: string): Promise<NationalCounts> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await countNational(client);
  } finally {
    await client.end();
  }
}

const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;
const n = (x: number) => x.toLocaleString('en-GB');

function printGeneration(
  size: ReturnType<typeof nationalSize>,
  seeded: Awaited<ReturnType<typeof seedNationalData>>,
): void {
  const { record, counts } = seeded;
  log('\nNational data set');
  if (record) {
    const perOrg = record.seconds / Math.max(1, record.organisationsPresent);
    const when = record.generatedAt.slice(0, 16).replace('T', ' ');
    log(
      seeded.generatedNow
        ? `  generated now: ${record.organisationsPresent} organisations in ${fmt(record.seconds)} s (${fmt(perOrg, 1)} s each${record.runs > 1 ? `, over ${record.runs} runs` : ''})`
        : `  reused, generated in ${fmt(record.seconds)} s on ${when} UTC (${record.organisationsPresent} organisations, ${fmt(perOrg, 1)} s each${record.runs > 1 ? `, over ${record.runs} runs` : ''})`,
    );
  } else {
    log('  reused; no record of its generation (the folder predates the record)');
  }
  log(
    `  counted: ${n(counts.organisations)} organisations, ${n(counts.practitioners)} practitioners, ${n(counts.evidence)} pieces of evidence; database ${gb(counts.databaseBytes)} (pg_database_size)`,
  );
  if (seeded.organisationsPresent < size.orgs) {
    const perOrgBytes = counts.databaseBytes / Math.max(1, seeded.organisationsPresent);
    const perOrgSeconds = record ? record.seconds / Math.max(1, record.organisationsPresent) : null;
    log(
      `  PARTIAL: ${seeded.organisationsPresent} of ${size.orgs} organisations (the figures below are for ${seeded.organisationsPresent}); a run without --generation-minutes (or with more of them) continues generating.`,
    );
    log(
      `  The whole, extrapolated linearly: about ${gb(perOrgBytes * size.orgs)}${perOrgSeconds ? ` and ${fmt((perOrgSeconds * size.orgs) / 60)} minutes of generation at this run's rate` : ''}.`,
    );
  }
}

function printComparison(
  targets: Target[],
  f: Record<Target['key'], Figures>,
  complete: boolean,
  size: ReturnType<typeof nationalSize>,
): Record<string, { ratio: number; pass: boolean }> {
  log(`\n${'Per-organisation costs'.padEnd(30)} ${targets.map((t) => t.key.padStart(10)).join(' ')}`);
  for (const t of targets)
    log(
      `  ${t.key}: ${t.label}; ${n(t.counts.practitioners)} practitioners in its database, ${gb(t.counts.databaseBytes)}`,
    );
  const rows: [string, keyof Figures, number][] = [
    ['portfolio p50 under load, ms', 'portfolioP50Ms', 0],
    ['portfolio p99 under load, ms', 'portfolioP99Ms', 0],
    ['portfolio requests/s', 'portfolioRequestsPerSecond', 0],
    ['portfolio single request, ms', 'portfolioSingleMs', 0],
    ['portfolio SQL statements', 'portfolioStatements', 0],
    ['progressionReport single, ms', 'reportSingleMs', 0],
    ['report SQL statements', 'reportStatements', 0],
  ];
  for (const [label, key, digits] of rows)
    log(`${label.padEnd(30)} ${targets.map((t) => fmt(f[t.key][key], digits).padStart(10)).join(' ')}`);

  const verdicts: Record<string, { ratio: number; pass: boolean }> = {};
  const judge = (name: string, key: keyof Figures, against: Target['key'], note = '') => {
    const ratio = Number(f.national[key]) / Number(f[against][key]);
    const pass = Math.abs(ratio - 1) <= TOLERANCE;
    verdicts[`${name} national/${against}`] = { ratio, pass };
    log(
      `  ${`${name}, national/${against === 'oneOrg' ? 'one organisation' : 'council'}`.padEnd(52)} ${fmt(ratio, 2).padStart(5)}  ${pass ? 'PASS' : 'MISS'} (±${TOLERANCE * 100}%)${note}`,
    );
  };
  log(
    `\nNational/council ratios${complete ? '' : ` (national: ${targets[2]!.counts.organisations} of ${size.orgs} organisations)`}:`,
  );
  judge('portfolio p50 under load', 'portfolioP50Ms', 'council');
  judge('portfolio p99 under load', 'portfolioP99Ms', 'council');
  judge('portfolio single request', 'portfolioSingleMs', 'council');
  judge('portfolio SQL statements', 'portfolioStatements', 'council');
  judge(
    'progressionReport single request',
    'reportSingleMs',
    'council',
    `: the council organisation has 2,000 practitioners, a national one ${size.practitionersPerOrg}`,
  );
  log('Like for like, against one organisation of the same size alone in its database:');
  judge('portfolio p50 under load', 'portfolioP50Ms', 'oneOrg');
  judge('portfolio single request', 'portfolioSingleMs', 'oneOrg');
  judge('progressionReport single request', 'reportSingleMs', 'oneOrg');
  judge('report SQL statements', 'reportStatements', 'oneOrg');
  return verdicts;
}

function printPlans(plans: Record<string, StatementPlan[]>): void {
  log('\nPlans at national size (EXPLAIN ANALYZE, BUFFERS) of every read, scans of tables over 50,000 rows:');
  for (const [op, statements] of Object.entries(plans)) {
    const seq = statements.flatMap((s) => s.sequentialScansOfLargeTables);
    log(
      `  ${op}: ${statements.length} reads, ${fmt(
        statements.reduce((a, s) => a + s.executionMs, 0),
        1,
      )} ms in all; ${seq.length ? `SEQUENTIAL SCANS of ${[...new Set(seq)].join(', ')}` : 'no sequential scan of a large table'}`,
    );
    for (const s of statements) {
      if (!s.scans.length) continue;
      const scans = s.scans
        .map((x) =>
          x.index
            ? `${x.table} by ${x.index} (${x.leadingColumn} first)`
            : `${x.table}: ${x.node.toUpperCase()}`,
        )
        .join('; ');
      log(`    ${fmt(s.executionMs, 1).padStart(7)} ms  ${scans}`);
    }
  }
}
