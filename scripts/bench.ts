// npm run bench: the API in production mode against council-size synthetic data, measured over
// loopback with autocannon, beside PostGraphile 5 serving the same portfolio read. Not part of npm test.
// The steps, in the order they run, are in bench/.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { buildAppConfig } from '#app/config';
import { INSIGHT_QUERIES } from './bench/bench-operations.js';
import { openBenchDatabase, seedBenchData } from './bench/bench-database.js';
import { printResults, writeResults } from './bench/bench-report.js';
import { benchScenarios, checkLightScenarios, portfolioVariants } from './bench/bench-scenarios.js';
import type { BenchSettings } from './bench/bench-settings.js';
import { countStatementsPerRequest } from './bench/count-statements-per-request.js';
import { measureColdStart } from './bench/measure-cold-start.js';
import { measureScenarios } from './bench/measure-scenarios.js';
import { measureWebPages } from './bench/measure-web-pages.js';
import { runNationalStep } from './bench/national-step.js';
import { comparePortfolio, startPostgraphile } from './bench/postgraphile-peer.js';
import { startBenchApi } from './bench/start-bench-api.js';
import { timeInsightPage } from './bench/time-insight-page.js';
import { timeSingleRequests } from './bench/time-single-requests.js';
import { sampleProcessMemory } from './harness/read-process-memory.js';
import { DEFAULT_SYNTHETIC_PASSWORD, SYNTHETIC_SIZES } from './synthetic/seed-synthetic-data.js';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    size: { type: 'string', default: 'council' },
    'skip-postgraphile': { type: 'boolean', default: false },
    'skip-cold-start': { type: 'boolean', default: false },
    /** Only the single requests (organisation-wide queries and insight): no load runs. */
    'skip-load': { type: 'boolean', default: false },
    /** The national step instead: national-size data beside council's, per-organisation costs compared. */
    national: { type: 'boolean', default: false },
    /** With --national: fewer organisations than national's 150, each of national's size. */
    orgs: { type: 'string' },
    /** With --national: rounds of measurement (each database in turn in each). */
    rounds: { type: 'string', default: '2' },
    /** With --national: start no organisation of the data after this many minutes (0: measure what is there); the next run continues. */
    'generation-minutes': { type: 'string' },
  },
});
const settings: BenchSettings = {
  seconds: Number(args.seconds),
  connections: Number(args.connections),
  warmUpSeconds: 2,
  heavyConnections: 2,
  webWorkers: 4,
};
const size = SYNTHETIC_SIZES[args.size as keyof typeof SYNTHETIC_SIZES] ?? SYNTHETIC_SIZES.council;

const log = (line: string) => console.log(line);
const cleanups: (() => Promise<unknown>)[] = [];
const cleanUp = async () => {
  for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
};
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

/** The bench's steps in order (a little over 80 lines: each step is a call into bench/, kept in one place to read). */
async function main(): Promise<void> {
  const config = buildAppConfig();
  const startedAt = new Date();

  // 1 and 2. The database, and council-size synthetic data in it once.
  const databaseUrl = await openBenchDatabase(config, cleanups);
  const password = process.env.SYNTHETIC_PASSWORD || DEFAULT_SYNTHETIC_PASSWORD;
  const counts = await seedBenchData(databaseUrl, size, password, cleanups);

  // 3. Cold start of `npm start` on an empty folder (build excluded: it takes about a second).
  const coldStart = args['skip-cold-start'] ? null : await measureColdStart();
  if (coldStart)
    log(
      `Cold start on an empty data folder: ${'seconds' in coldStart ? `${coldStart.seconds.toFixed(1)} s` : coldStart.error}`,
    );

  // 4. The API in production mode as a child process on a loopback port; 5. PostGraphile beside it.
  const jwtSecret = randomBytes(32).toString('hex');
  const { api, apiStartSeconds, memory, tokens } = await startBenchApi({
    databaseUrl,
    jwtSecret,
    password,
    cleanups,
  });
  const postgraphile = await startPostgraphile({
    skip: args['skip-postgraphile'],
    databaseUrl,
    jwtSecret,
    poolSize: config.db.poolSize,
    cleanups,
  });

  // 6. Every operation once, checked, before any load; the portfolio page compared with PostGraphile's.
  const scenarios = benchScenarios(tokens);
  const portfolio = portfolioVariants(tokens);
  await checkLightScenarios(api.url, scenarios);
  const peerShape = await comparePortfolio(api.url, tokens.practitioner, postgraphile);

  // Workforce insight (issue 6): each field as the PSW asks for it, timed as single requests below.
  const insightScenarios = INSIGHT_QUERIES.map((q) => ({ ...q, token: tokens.psw }));

  // 7. SQL statements per request, counted in-process against the same database.
  const statements = await countStatementsPerRequest({ databaseUrl, jwtSecret }, [
    ...scenarios,
    ...portfolio,
    ...insightScenarios,
  ]);

  // 8. Load; 9. the web app's pages; 10. single requests of the organisation-wide queries and insight.
  const { peer } = postgraphile;
  const peerMemory = peer ? sampleProcessMemory(peer.pid) : null;
  const rows = args['skip-load']
    ? []
    : await measureScenarios({ api, peer, scenarios, portfolio, statements, memory, peerMemory, settings });
  const webPages = args['skip-load']
    ? {}
    : await measureWebPages(api.url, tokens.reviewer, password, settings);
  const { single, insight } = await timeSingleRequests(api.url, scenarios, insightScenarios, statements);
  const insightPage = await timeInsightPage(api.url, password);

  const rss = memory.stop();
  const peerRss = peerMemory?.stop() ?? null;

  // 11. The table, the ratios, the JSON.
  const outcome = {
    startedAt,
    size,
    counts,
    settings,
    apiPoolSize: config.db.poolSize,
    coldStart,
    apiStartSeconds,
    rows,
    statements,
    webPages,
    single,
    insight,
    insightPage,
    rss,
    peerRss,
    postgraphile,
    peerShape,
  };
  await writeResults(outcome, printResults(outcome));
}

try {
  if (args.national) {
    await runNationalStep({
      config: buildAppConfig(),
      orgs: args.orgs === undefined ? undefined : Number(args.orgs),
      password: process.env.SYNTHETIC_PASSWORD || DEFAULT_SYNTHETIC_PASSWORD,
      settings,
      cleanups,
      rounds: Number(args.rounds),
      generationMinutes:
        args['generation-minutes'] === undefined ? undefined : Number(args['generation-minutes']),
    });
  } else {
    await main();
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
