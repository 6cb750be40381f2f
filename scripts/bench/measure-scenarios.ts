// 8. Load: each scenario after a short warm-up; the portfolio in each page size and selection, at 10
// and 50 connections, on both servers.
import { postGraphql } from '../harness/post-graphql.js';
import { readProcessCpuMs } from '../harness/read-process-cpu.js';
import type { sampleProcessMemory } from '../harness/read-process-memory.js';
import type { ApiProcess } from '../harness/start-api-process.js';
import { isHeavy, type PortfolioVariant, type Scenario } from './bench-scenarios.js';
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
  /** The server process's CPU time over the measured seconds, per request answered. */
  cpuMsPerRequest: number | null;
  /** For the portfolio comparison: the page size and selection. */
  variant?: { size: number; selection: string };
}

/** Each scenario under load in turn, with the memory and the SQL statements it took. */
export async function measureScenarios(options: {
  api: ApiProcess;
  peer: ApiProcess | null;
  scenarios: Scenario[];
  portfolio: PortfolioVariant[];
  statements: StatementCounts;
  memory: MemorySampler;
  peerMemory: MemorySampler | null;
  settings: BenchSettings;
}): Promise<Row[]> {
  const { api, peer, scenarios, portfolio, statements, memory, peerMemory, settings } = options;
  const rows: Row[] = [];
  const measure = async (
    s: { name: string; label: string; token: string; query: string; variables?: Record<string, unknown> },
    server: Row['server'],
    target: { url: string; pid: number },
    connections: number,
    variant?: Row['variant'],
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
    const cpuBefore = readProcessCpuMs(target.pid);
    const load = await runLoad({ url: target.url, ...s, connections, seconds: settings.seconds });
    const cpuAfter = readProcessCpuMs(target.pid);
    const answered = load.requestsPerSecond * settings.seconds;
    rows.push({
      name: s.name,
      scenario: connections === settings.connections || isHeavy(s) ? s.label : `${s.label} @${connections}`,
      connections,
      server,
      load,
      statementsPerRequest: server === 'pathways' ? (statements[s.name]?.statements ?? null) : null,
      highestRssMiB: sampler.window(),
      cpuMsPerRequest:
        cpuBefore !== null && cpuAfter !== null && answered > 0 ? (cpuAfter - cpuBefore) / answered : null,
      ...(variant ? { variant } : {}),
    });
    await drain(target.url);
    const row = rows.at(-1)!;
    log(
      `  ${row.scenario.padEnd(46)} ${server.padEnd(12)} ${fmt(load.requestsPerSecond).padStart(6)} req/s  p99 ${fmt(load.p99Ms)} ms`,
    );
  };
  const rest = scenarios.filter((x) => x.name !== 'portfolio');
  log(
    `\nLoad: ${settings.seconds} s per scenario after ${settings.warmUpSeconds} s of warm-up, ${settings.connections} connections`,
  );
  for (const v of portfolio) {
    for (const connections of [settings.connections, 50]) {
      const variant = { size: v.size, selection: v.selection };
      await measure(v, 'pathways', api, connections, variant);
      if (peer) await measure({ ...v, query: v.peerQuery }, 'postgraphile', peer, connections, variant);
    }
  }
  // The organisation-wide queries last, at 2 connections: each holds the whole organisation's facts
  // while it runs (at 10 concurrent ones the API passed 2.5 GiB and none finished within 10 s).
  for (const s of rest.filter((x) => !isHeavy(x))) await measure(s, 'pathways', api, settings.connections);
  for (const s of rest.filter(isHeavy)) await measure(s, 'pathways', api, settings.heavyConnections);
  return rows;
}
