// npm run bench: the API in production mode against council-size synthetic data, measured over
// loopback with autocannon, beside PostGraphile 5 serving the same portfolio read. Not part of npm test.
import 'reflect-metadata';
import argon2 from 'argon2';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildAppConfig } from '#app/config';
import { prepareDatabase, startEmbeddedPostgres } from '#app/persistence';
import {
  CANDIDATES,
  CANDIDATES_ROUTE,
  CREATE_EVIDENCE,
  createEvidenceInput,
  INSIGHT_QUERIES,
  MY_PROGRESSION,
  PORTFOLIO,
  PORTFOLIO_POSTGRAPHILE,
  PROGRESSION_REPORT,
  REVIEW_QUEUE,
} from './bench/bench-operations.js';
import { countStatementsPerRequest } from './bench/count-statements-per-request.js';
import { createPostgraphileViews, POSTGRAPHILE_SCHEMA } from './bench/postgraphile-views.js';
import { runLoad, type LoadResult } from './bench/run-load.js';
import { loadWebPage, signInToWeb, type WebPageResult } from './bench/web-pages.js';
import { findFreePort } from './harness/find-free-port.js';
import { postGraphql } from './harness/post-graphql.js';
import { sampleProcessMemory } from './harness/read-process-memory.js';
import { startApiProcess, type ApiProcess } from './harness/start-api-process.js';
import {
  DEFAULT_SYNTHETIC_PASSWORD,
  seedSyntheticData,
  SYNTHETIC_SIZES,
  syntheticEmail,
} from './synthetic/seed-synthetic-data.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    size: { type: 'string', default: 'council' },
    'skip-postgraphile': { type: 'boolean', default: false },
    'skip-cold-start': { type: 'boolean', default: false },
    /** Only the single requests (organisation-wide queries and insight): no load runs. */
    'skip-load': { type: 'boolean', default: false },
  },
});
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
const WARM_UP_SECONDS = 2;
const HEAVY_CONNECTIONS = 2;
/** Concurrent page requests for the web pages: a few people at once, as one council's office would. */
const WEB_WORKERS = 4;
const size = SYNTHETIC_SIZES[args.size as keyof typeof SYNTHETIC_SIZES] ?? SYNTHETIC_SIZES.council;

const log = (line: string) => console.log(line);
const cleanups: (() => Promise<unknown>)[] = [];
const cleanUp = async () => {
  for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
};
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

/** The bench-only package that holds PostGraphile 5 and the Node 22 it needs (kept out of the root). */
const PEER_PACKAGE = join(ROOT, 'bench', 'postgraphile');

/**
 * The peer's Node, after installing the peer package when its modules are missing or older than its
 * lock file. Its own Node runs it, so the root's scripts keep running on the machine's Node.
 */
function preparePostgraphile(): { node: string; script: string } {
  const node = join(PEER_PACKAGE, 'node_modules', '.bin', 'node');
  const installed = join(PEER_PACKAGE, 'node_modules', '.package-lock.json');
  const lock = join(PEER_PACKAGE, 'package-lock.json');
  const stale =
    !existsSync(node) ||
    !existsSync(installed) ||
    (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs);
  if (stale) {
    const command = existsSync(lock) ? 'ci' : 'install';
    log(`Installing the PostGraphile peer (npm ${command} in bench/postgraphile, once)`);
    execFileSync('npm', [command, '--prefix', PEER_PACKAGE, '--no-audit', '--no-fund', '--loglevel=error'], {
      stdio: 'inherit',
    });
  }
  if (!existsSync(node)) throw new Error('the peer package installed no Node');
  return { node, script: join(PEER_PACKAGE, 'server.mjs') };
}

async function login(url: string, email: string, password: string): Promise<string> {
  const res = await postGraphql<{ login: { accessToken: string } }>(
    url,
    `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`,
    { input: { email, password } },
  );
  if (!res.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(res.errors)}`);
  return res.data.login.accessToken;
}

/** `npm start` on an empty data folder: from starting the process to the API answering. */
async function measureColdStart(): Promise<{ seconds: number } | { error: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'pathways-cold-start-'));
  const [port, pgPort] = [await findFreePort(), await findFreePort()];
  const started = performance.now();
  try {
    const api = await startApiProcess({
      port,
      cwd: folder,
      env: {
        NODE_ENV: 'development',
        PORT: String(port),
        DATA_DIR: join(folder, 'data'),
        EMBEDDED_PG_PORT: String(pgPort),
        LOG_LEVEL: 'warn',
      },
      timeoutMs: 120_000,
    });
    const seconds = (performance.now() - started) / 1000;
    await api.stop(30_000);
    return { seconds };
  } catch (error) {
    return { error: String(error).slice(0, 500) };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Waits until the server has worked through what a load run left queued (a liveness probe answers fast). */
async function drain(url: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const started = performance.now();
    await fetch(`${url}/health/live`).catch(() => undefined);
    if (performance.now() - started < 50) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

const fmt = (n: number | null | undefined, digits = 0) =>
  n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits);

async function main(): Promise<void> {
  const config = buildAppConfig();
  const startedAt = new Date();

  // 1. The database: DATABASE_URL, or an embedded PostgreSQL of the bench's own, kept between runs.
  let databaseUrl = config.db.url;
  if (!databaseUrl) {
    const handle = await startEmbeddedPostgres({
      dataDir: join(config.dataDir, 'bench'),
      port: Number(process.env.BENCH_PG_PORT ?? 54_339),
      database: 'pathways',
    });
    cleanups.push(() => handle.stop());
    databaseUrl = handle.url;
    log(`Embedded PostgreSQL for the bench, data in ${join(config.dataDir, 'bench')}`);
  }
  await prepareDatabase(databaseUrl);

  // 2. Council-size synthetic data, once: a rerun finds it and goes straight on.
  const password = process.env.SYNTHETIC_PASSWORD || DEFAULT_SYNTHETIC_PASSWORD;
  const asOf = new Date().toISOString().slice(0, 10);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  cleanups.push(() => client.end());
  const seeded = await seedSyntheticData(client, {
    ...size,
    seed: 1,
    asOf: await existingAsOf(client, asOf),
    passwordHash: await argon2.hash(password, { type: argon2.argon2id }),
    onProgress: (line) => log(`  ${line}`),
  });
  log(
    seeded.inserted
      ? `Seeded ${Object.values(seeded.rows).reduce((a, b) => a + b, 0)} rows in ${(seeded.milliseconds / 1000).toFixed(1)} s`
      : `Synthetic data already present (${size.orgs} × ${size.practitionersPerOrg} × ${size.evidencePerPractitioner})`,
  );
  const counts = (
    await client.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM membership WHERE 'PRACTITIONER' = ANY(roles)) AS practitioners,
              (SELECT count(*) FROM evidence) AS evidence, (SELECT count(*) FROM evidence_version) AS versions,
              (SELECT count(*) FROM evidence_mapping) AS mappings, (SELECT count(*) FROM evidence_review) AS reviews,
              (SELECT count(*) FROM supervision) AS supervision`,
    )
  ).rows[0]!;
  if (counts.supervision === '0')
    log('  (no supervision: this data set predates it, so start from an empty database to have it)');
  await createPostgraphileViews(client);

  // 3. Cold start of `npm start` on an empty folder (build excluded: it takes about a second).
  const coldStart = args['skip-cold-start'] ? null : await measureColdStart();
  if (coldStart)
    log(
      `Cold start on an empty data folder: ${'seconds' in coldStart ? `${coldStart.seconds.toFixed(1)} s` : coldStart.error}`,
    );

  // 4. The API in production mode as a child process on a loopback port.
  const jwtSecret = randomBytes(32).toString('hex');
  const apiPort = await findFreePort();
  const apiStarted = performance.now();
  const api = await startApiProcess({
    port: apiPort,
    env: {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      DATABASE_URL: databaseUrl,
      JWT_SECRET: jwtSecret,
      CREDENTIAL_KEY_SECRET: jwtSecret,
      // The web app in the same process, as npm start serves it: its pages are measured in step 9.
      WEB_ENABLED: 'true',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      PUBLIC_BASE_URL: `http://127.0.0.1:${apiPort}`,
      DB_MIGRATIONS_RUN: 'false',
      SEED_DEMO: 'false',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      ACCESS_TOKEN_TTL_SECONDS: '3600',
    },
  });
  const apiStartSeconds = (performance.now() - apiStarted) / 1000;
  let stopping = false;
  void api.exited.then((code) => {
    if (!stopping)
      log(`\nThe API exited during the bench (${code}); its last output:\n${api.output().slice(-3000)}`);
  });
  cleanups.push(() => {
    stopping = true;
    return api.stop();
  });
  log(`API (production mode) ready in ${apiStartSeconds.toFixed(1)} s on ${api.url}, pid ${api.pid}`);
  const memory = sampleProcessMemory(api.pid);

  const tokens = {
    practitioner: await login(api.url, syntheticEmail(1, 'practitioner'), password),
    reviewer: await login(api.url, syntheticEmail(1, 'reviewer'), password),
    psw: await login(api.url, syntheticEmail(1, 'psw'), password),
    writer: await login(api.url, syntheticEmail(1, 'sw-00003'), password),
  };

  // 5. PostGraphile 5 on another loopback port, over the same database.
  let peer: ApiProcess | null = null;
  let peerReason: string | null = null;
  let peerNode: string | null = null;
  if (args['skip-postgraphile']) peerReason = 'skipped (--skip-postgraphile)';
  else {
    try {
      const { node, script } = preparePostgraphile();
      const port = await findFreePort();
      peer = await startApiProcess({
        port,
        node,
        script,
        cwd: PEER_PACKAGE,
        args: [String(port)],
        env: {
          BENCH_DATABASE_URL: databaseUrl,
          BENCH_SCHEMA: POSTGRAPHILE_SCHEMA,
          BENCH_JWT_SECRET: jwtSecret,
          BENCH_POOL_SIZE: String(config.db.poolSize),
        },
        readyPath: '/graphql',
      });
      cleanups.push(() => peer!.stop());
      peerNode = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim().replace(/^v/, '');
      log(`PostGraphile 5 (Node ${peerNode}) ready on ${peer.url}`);
    } catch (error) {
      peerReason = `failed to start: ${String(error).split('\n').slice(0, 6).join(' ')}`;
    }
  }

  // 6. Every operation once, checked, before any load.
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const scenarios = [
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
  // (The organisation-wide queries are checked later, so that the lighter scenarios' memory is their own.)
  const heavy = (s: { name: string }) => s.name === 'candidates' || s.name === 'progressionReport';
  for (const s of scenarios.filter((x) => !heavy(x))) {
    const res = await postGraphql(api.url, s.query, s.variables ?? {}, { token: s.token, timeoutMs: 60_000 });
    if (res.errors?.length) throw new Error(`${s.name} fails before any load: ${JSON.stringify(res.errors)}`);
  }
  let peerShape: string | null = null;
  if (peer) {
    const ours = await postGraphql<{ portfolio: { nodes: { versions: { mappings: unknown[] }[] }[] } }>(
      api.url,
      PORTFOLIO,
      {},
      { token: tokens.practitioner },
    );
    const theirs = await postGraphql<{
      allEvidences: { nodes: { versions: { nodes: { mappings: { nodes: unknown[] } }[] } }[] };
    }>(peer.url, PORTFOLIO_POSTGRAPHILE, {}, { token: tokens.practitioner });
    if (theirs.errors?.length) {
      peerReason = `the portfolio read failed on PostGraphile: ${JSON.stringify(theirs.errors).slice(0, 300)}`;
      await peer.stop();
      peer = null;
    } else {
      const shape = (pieces: number, versions: number, mappings: number) =>
        `${pieces} pieces, ${versions} versions, ${mappings} mappings`;
      const o = ours.data!.portfolio.nodes;
      const t = theirs.data!.allEvidences.nodes;
      peerShape = `ours ${shape(o.length, o.flatMap((n) => n.versions).length, o.flatMap((n) => n.versions.flatMap((v) => v.mappings)).length)}; PostGraphile ${shape(t.length, t.flatMap((n) => n.versions.nodes).length, t.flatMap((n) => n.versions.nodes.flatMap((v) => v.mappings.nodes)).length)}`;
      log(`Portfolio page compared: ${peerShape}`);
    }
  }

  // Workforce insight (issue 6): each field as the PSW asks for it, timed as single requests below.
  const insightScenarios = INSIGHT_QUERIES.map((q) => ({ ...q, token: tokens.psw }));

  // 7. SQL statements per request, counted in-process against the same database.
  const statements = await countStatementsPerRequest({ databaseUrl, jwtSecret }, [
    ...scenarios,
    ...insightScenarios,
  ]);

  // 8. Load: each scenario after a short warm-up, the portfolio also at 50 connections and on PostGraphile.
  interface Row {
    name: string;
    connections: number;
    scenario: string;
    server: 'pathways' | 'postgraphile';
    load: LoadResult;
    statementsPerRequest: number | null;
    highestRssMiB: number | null;
  }
  const rows: Row[] = [];
  const peerMemory = peer ? sampleProcessMemory(peer.pid) : null;
  const measure = async (
    s: { name: string; label: string; token: string; query: string; variables?: Record<string, unknown> },
    server: Row['server'],
    target: { url: string },
    connections: number,
  ) => {
    const sampler = server === 'pathways' ? memory : peerMemory!;
    if (heavy(s)) {
      const res = await postGraphql(api.url, s.query, s.variables ?? {}, {
        token: s.token,
        timeoutMs: 60_000,
      });
      if (res.errors?.length)
        throw new Error(`${s.name} fails before any load: ${JSON.stringify(res.errors)}`);
    }
    await runLoad({ url: target.url, ...s, connections, seconds: WARM_UP_SECONDS });
    await drain(target.url);
    sampler.window();
    const load = await runLoad({ url: target.url, ...s, connections, seconds: SECONDS });
    rows.push({
      name: s.name,
      scenario: connections === CONNECTIONS || heavy(s) ? s.label : `${s.label} @${connections}`,
      connections,
      server,
      load,
      statementsPerRequest: server === 'pathways' ? (statements[s.name]?.statements ?? null) : null,
      highestRssMiB: sampler.window(),
    });
    await drain(target.url);
    const row = rows.at(-1)!;
    log(
      `  ${row.scenario.padEnd(46)} ${server.padEnd(12)} ${fmt(load.requestsPerSecond).padStart(6)} req/s  p99 ${fmt(load.p99Ms)} ms`,
    );
  };
  const [portfolio, ...rest] = scenarios;
  if (!args['skip-load']) {
    log(
      `\nLoad: ${SECONDS} s per scenario after ${WARM_UP_SECONDS} s of warm-up, ${CONNECTIONS} connections`,
    );
    for (const connections of [CONNECTIONS, 50]) {
      await measure(portfolio!, 'pathways', api, connections);
      if (peer)
        await measure({ ...portfolio!, query: PORTFOLIO_POSTGRAPHILE }, 'postgraphile', peer, connections);
    }
    // The organisation-wide queries last, at 2 connections: each holds the whole organisation's facts
    // while it runs (at 10 concurrent ones the API passed 2.5 GiB and none finished within 10 s).
    for (const s of rest.filter((x) => !heavy(x))) await measure(s, 'pathways', api, CONNECTIONS);
    for (const s of rest.filter(heavy)) await measure(s, 'pathways', api, HEAVY_CONNECTIONS);
  }

  // 9. The web app's pages (issue: under 200 ms at p95), rendered on the server from the API's answers.
  const webPages: Record<string, WebPageResult & { label: string; path: string }> = {};
  if (!args['skip-load']) {
    const reviewQueue = await postGraphql<{ reviewQueue: { nodes: { id: string; evidenceId: string }[] } }>(
      api.url,
      `{ reviewQueue(first: 1) { nodes { id evidenceId } } }`,
      {},
      { token: tokens.reviewer },
    );
    const waiting = reviewQueue.data?.reviewQueue.nodes[0];
    const pages = [
      {
        name: 'webHome',
        label: "(f) web: a practitioner's home page",
        email: syntheticEmail(1, 'practitioner'),
        path: '/',
      },
      ...(waiting
        ? [
            {
              name: 'webReview',
              label: '(f) web: a review page',
              email: syntheticEmail(1, 'reviewer'),
              path: `/reviews/${waiting.evidenceId}/versions/${waiting.id}`,
            },
          ]
        : []),
      {
        // Issue 6's target for the dashboard is under 1 s: it asks for every insight field in one request,
        // organisation-wide, so it runs at the heavy queries' concurrency.
        name: 'webInsight',
        label: "(g) web: the PSW's workforce insight (under 1 s)",
        email: syntheticEmail(1, 'psw'),
        path: '/insight',
        workers: HEAVY_CONNECTIONS,
      },
    ];
    log(
      `\nWeb pages: ${SECONDS} s each after ${WARM_UP_SECONDS} s of warm-up, ${WEB_WORKERS} concurrent requests`,
    );
    for (const p of pages) {
      const cookie = await signInToWeb(api.url, p.email, password);
      await loadWebPage({
        baseUrl: api.url,
        path: p.path,
        cookie,
        workers: p.workers ?? WEB_WORKERS,
        seconds: WARM_UP_SECONDS,
      });
      await drain(api.url);
      const result = await loadWebPage({
        baseUrl: api.url,
        path: p.path,
        cookie,
        workers: p.workers ?? WEB_WORKERS,
        seconds: SECONDS,
      });
      webPages[p.name] = { label: p.label, path: p.path.replace(/[0-9a-f-]{36}/g, ':id'), ...result };
      log(
        `  ${p.label.padEnd(46)} ${fmt(result.requestsPerSecond).padStart(6)} pages/s  p95 ${fmt(result.p95Ms)} ms  errors ${result.errors}`,
      );
    }
    if (!waiting) log('  (no review page: the reviewer has nothing waiting)');
  }

  // 10. Single requests, after the load of the organisation-wide queries (issue 4's target: under 1 s),
  // and each workforce insight field (issue 6's target: under 1 s each): 7 timed after one warm-up.
  interface Single {
    minMs: number;
    medianMs: number;
    maxMs: number;
    errors: string[];
  }
  const timeSingle = async (s: {
    name: string;
    token: string;
    query: string;
    variables?: Record<string, unknown>;
  }): Promise<Single> => {
    const times: number[] = [];
    const errors = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const res = await postGraphql(api.url, s.query, s.variables ?? {}, {
        token: s.token,
        timeoutMs: 60_000,
      });
      for (const e of res.errors ?? []) errors.add(String(e.extensions?.code ?? e.message));
      if (i > 0) times.push(res.milliseconds);
    }
    times.sort((a, b) => a - b);
    return { minMs: times[0]!, medianMs: times[3]!, maxMs: times.at(-1)!, errors: [...errors] };
  };
  const single: Record<string, Single> = {};
  for (const s of scenarios.filter(heavy)) {
    single[s.name] = await timeSingle(s);
    if (single[s.name]!.errors.length) throw new Error(`${s.name}: ${single[s.name]!.errors.join(', ')}`);
  }
  const insight: Record<string, Single & { label: string; statements: number | null }> = {};
  for (const s of insightScenarios) {
    await drain(api.url);
    insight[s.name] = {
      label: s.label,
      ...(await timeSingle(s)),
      statements: statements[s.name]?.statements ?? null,
    };
  }

  const rss = memory.stop();
  const peerRss = peerMemory?.stop() ?? null;

  // 11. The table, the ratios, the JSON.
  log(
    '\nScenario                                       server       conns   req/s   p50 ms   p99 ms  errors  SQL/req  RSS MiB',
  );
  for (const r of rows) {
    const errors = r.load.connectionErrors + r.load.non2xx + r.load.graphqlErrors;
    log(
      `${r.scenario.padEnd(46)} ${r.server.padEnd(12)} ${String(r.connections).padStart(5)} ${fmt(r.load.requestsPerSecond, r.load.requestsPerSecond < 10 ? 1 : 0).padStart(7)} ${fmt(r.load.p50Ms, 1).padStart(8)} ${fmt(r.load.p99Ms, 1).padStart(8)} ${String(errors).padStart(7)} ${fmt(r.statementsPerRequest).padStart(8)} ${fmt(r.highestRssMiB).padStart(8)}`,
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
  const ratios: Record<string, { throughput: number; p99: number }> = {};
  if (peer && rows.length > 0) {
    for (const connections of [CONNECTIONS, 50]) {
      const suffix = connections === CONNECTIONS ? '' : ` @${connections}`;
      const pick = (server: Row['server']) =>
        rows.find((r) => r.server === server && r.scenario === `${portfolio!.label}${suffix}`)!;
      const [ours, theirs] = [pick('pathways'), pick('postgraphile')];
      ratios[`portfolio@${connections}`] = {
        throughput: ours.load.requestsPerSecond / theirs.load.requestsPerSecond,
        p99: ours.load.p99Ms / theirs.load.p99Ms,
      };
      log(
        `PostGraphile, portfolio at ${connections} connections: our throughput ${ratios[`portfolio@${connections}`]!.throughput.toFixed(2)}× theirs (target ≥ 0.8), our p99 ${ratios[`portfolio@${connections}`]!.p99.toFixed(2)}× theirs (target ≤ 1.5)`,
      );
    }
  } else {
    log(`PostGraphile: not measured (${peerReason ?? 'no load runs (--skip-load)'})`);
  }
  if (Object.keys(webPages).length) {
    log(`\nWeb pages (target p95 under 200 ms), ${WEB_WORKERS} concurrent requests`);
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
      seconds: SECONDS,
      warmUpSeconds: WARM_UP_SECONDS,
      connections: CONNECTIONS,
      apiPoolSize: config.db.poolSize,
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

/** The `asOf` the cached data set was made with (it is part of its identity), or today for a new one. */
async function existingAsOf(client: pg.Client, today: string): Promise<string> {
  const { rows } = await client.query<{ d: string }>(
    `SELECT to_char(min(published_at) + interval '390 days', 'YYYY-MM-DD') AS d
       FROM pathway_version v JOIN organisation o ON o.id = v.organisation_id WHERE o.slug = 'synthetic-001'`,
  );
  return rows[0]?.d ?? today;
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
