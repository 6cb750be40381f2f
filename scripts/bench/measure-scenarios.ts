// 8. Load: each scenario after a short warm-up, the portfolio also at 50 connections and on PostGraphile.
import { postGraphql } from '../harness/post-graphql.js';
import type { sampleProcessMemory } from '../harness/read-process-memory.js';
import type { ApiProcess } from '../harness/start-api-process.js';
import { PORTFOLIO_POSTGRAPHILE } from './bench-operations.js';
import { isHeavy, type Scenario } from './bench-scenarios.js';
import type { BenchSettings } from './bench-settings.js';
import type { countStatementsPerRequest } from './count-statements-per-request.js';
import { drain } from './drain.js';
import { fmt } from './format-figure.js';
import { runLoad, type LoadResult } from './run-load.js';

const log = (line: string) => console.log(line);

export type MemorySampler = ReturnType<typeof sampleProcessMemory>;
export type StatementCounts = Awaited<ReturnType<typeof countStatementsPerRequest>>;

export interface Row {
  name: string;
  connections: number;
  scenario: string;
  server: 'pathways' | 'postgraphile';
  load: LoadResult;
  statementsPerRequest: number | null;
  highestRssMiB: number | null;
}

/** Each scenario under load in turn, with the memory and the SQL statements it took. */
export async function measureScenarios(options: {
  api: ApiProcess;
  peer: ApiProcess | null;
  scenarios: Scenario[];
  statements: StatementCounts;
  memory: MemorySampler;
  peerMemory: MemorySampler | null;
  settings: BenchSettings;
}): Promise<Row[]> {
  const { api, peer, scenarios, statements, memory, peerMemory, settings } = options;
  const rows: Row[] = [];
  const measure = async (
    s: { name: string; label: string; token: string; query: string; variables?: Record<string, unknown> },
    server: Row['server'],
    target: { url: string },
    connections: number,
  ) => {
    const sampler = server === 'pathways' ? memory : peerMemory!;
    if (isHeavy(s)) {
      const res = await postGraphql(api.url, s.query, s.variables ?? {}, {
        token: s.token,
        timeoutMs: 60_000,
      });
      if (res.errors?.length)
        throw new Error(`${s.name} fails before any load: ${JSON.stringify(res.errors)}`);
    }
    await runLoad({ url: target.url, ...s, connections, seconds: settings.warmUpSeconds });
    await drain(target.url);
    sampler.window();
    const load = await runLoad({ url: target.url, ...s, connections, seconds: settings.seconds });
    rows.push({
      name: s.name,
      scenario: connections === settings.connections || isHeavy(s) ? s.label : `${s.label} @${connections}`,
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
  log(
    `\nLoad: ${settings.seconds} s per scenario after ${settings.warmUpSeconds} s of warm-up, ${settings.connections} connections`,
  );
  for (const connections of [settings.connections, 50]) {
    await measure(portfolio!, 'pathways', api, connections);
    if (peer)
      await measure({ ...portfolio!, query: PORTFOLIO_POSTGRAPHILE }, 'postgraphile', peer, connections);
  }
  // The organisation-wide queries last, at 2 connections: each holds the whole organisation's facts
  // while it runs (at 10 concurrent ones the API passed 2.5 GiB and none finished within 10 s).
  for (const s of rest.filter((x) => !isHeavy(x))) await measure(s, 'pathways', api, settings.connections);
  for (const s of rest.filter(isHeavy)) await measure(s, 'pathways', api, settings.heavyConnections);
  return rows;
}
