// Where the time of the organisation-wide reads goes: an API instance inside this process against the
// bench's database (run `npm run bench` once to seed it), each operation timed as single requests,
// with the time of every SQL statement (sent until its rows are parsed) summed by statement.
// Run it under `node --cpu-prof` for the JavaScript side:
//   DATABASE_URL=… node --cpu-prof dist/scripts/bench/profile-heavy-reads.js [runs] [operation…]
// On a busy machine wall-clock times say little, so it also gives the CPU time each request took in
// this process and, when PGDATA names the server's data folder (Linux), in PostgreSQL's processes.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { buildAppConfig } from '#app/config';
import { gql } from '#app/testing';
import { AppModule } from '../../apps/api/src/app.module.js';
import { configureApp } from '../../apps/api/src/configure-app.js';
import { DEFAULT_SYNTHETIC_PASSWORD, syntheticEmail } from '../synthetic/seed-synthetic-data.js';
import { CANDIDATES, CANDIDATES_ROUTE, INSIGHT_QUERIES, PROGRESSION_REPORT } from './bench-operations.js';

const OPERATIONS: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  'insight.all': { query: INSIGHT_QUERIES.find((q) => q.name === 'insight.all')!.query },
  progressionReport: { query: PROGRESSION_REPORT },
  candidates: { query: CANDIDATES, variables: { routeKey: CANDIDATES_ROUTE } },
};

interface Timed {
  sql: string;
  ms: number;
  rows: number;
}

/** Times every statement the driver sends while `work` runs: from the call until its rows are parsed. */
async function timeStatements<T>(work: () => Promise<T>): Promise<{ result: T; timed: Timed[] }> {
  const timed: Timed[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0];
    const sql = typeof first === 'string' ? first : String((first as { text?: string })?.text ?? '');
    const started = performance.now();
    const out = original.apply(this, args);
    if (out instanceof Promise) {
      void out.then(
        (r: { rows?: unknown[] }) =>
          timed.push({ sql, ms: performance.now() - started, rows: r?.rows?.length ?? 0 }),
        () => undefined,
      );
    }
    return out;
  };
  try {
    return { result: await work(), timed };
  } finally {
    proto.query = original;
  }
}

/** CPU milliseconds used so far by the PostgreSQL server whose data folder is `dataDir` and its backends. */
function serverCpuMs(dataDir: string): number {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const ticks = (pid: string) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return { parent: Number(fields[1]), cpu: Number(fields[11]) + Number(fields[12]) };
    } catch {
      return null;
    }
  };
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const t = ticks(pid);
    if (t && (Number(pid) === postmaster || t.parent === postmaster)) total += t.cpu;
  }
  return total * 10; // clock ticks of 10 ms
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const squash = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 90);

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL must name the bench database');
  const [runsArg, ...names] = process.argv.slice(2);
  const runs = Number(runsArg ?? 5);
  const chosen = names.length > 0 ? names : Object.keys(OPERATIONS);
  const pgData = process.env.PGDATA;
  const secret = randomBytes(32).toString('hex');
  const config = buildAppConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JWT_SECRET: secret,
    CREDENTIAL_KEY_SECRET: secret,
    PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
    DATABASE_URL: databaseUrl,
    JOBS_ENABLED: 'false',
    ...(process.env.DATA_DIR ? { DATA_DIR: process.env.DATA_DIR } : {}),
  });
  const app: INestApplication = await NestFactory.create(AppModule.forRoot({ config, databaseUrl }), {
    logger: false,
  });
  configureApp(app);
  await app.init();
  try {
    const login = await gql<{ login: { accessToken: string } }>(
      app,
      `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`,
      {
        input: {
          email: syntheticEmail(1, 'psw'),
          password: process.env.SYNTHETIC_PASSWORD || DEFAULT_SYNTHETIC_PASSWORD,
        },
      },
    );
    const token = login.data?.login.accessToken;
    if (!token) throw new Error(`login failed: ${JSON.stringify(login.errors)}`);
    for (const name of chosen) {
      const op = OPERATIONS[name];
      if (!op) throw new Error(`unknown operation ${name}; known: ${Object.keys(OPERATIONS).join(', ')}`);
      const times: number[] = [];
      const nodeCpu: number[] = [];
      const serverCpu: number[] = [];
      let last: Timed[] = [];
      for (let i = 0; i <= runs; i++) {
        const started = performance.now();
        const cpuBefore = process.cpuUsage();
        const serverBefore = pgData ? serverCpuMs(pgData) : 0;
        const { result, timed } = await timeStatements(() =>
          gql(app, op.query, op.variables ?? {}, { as: token }),
        );
        if (result.errors?.length) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
        if (i > 0) {
          times.push(performance.now() - started);
          const cpu = process.cpuUsage(cpuBefore);
          nodeCpu.push((cpu.user + cpu.system) / 1000);
          if (pgData) serverCpu.push(serverCpuMs(pgData) - serverBefore);
        }
        last = timed;
      }
      times.sort((a, b) => a - b);
      console.log(
        `\n${name}: median ${median(times).toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)}) over ${runs} runs after a warm-up; CPU per request (median): ${median(nodeCpu).toFixed(0)} ms in Node${pgData ? `, ${median(serverCpu).toFixed(0)} ms in PostgreSQL` : ''}`,
      );
      const bySql = new Map<string, { ms: number; rows: number; n: number }>();
      for (const t of last) {
        const key = squash(t.sql);
        const entry = bySql.get(key) ?? { ms: 0, rows: 0, n: 0 };
        entry.ms += t.ms;
        entry.rows += t.rows;
        entry.n += 1;
        bySql.set(key, entry);
      }
      console.log(`  last run: ${last.length} statements; by statement (sent until parsed, overlapping):`);
      for (const [sql, e] of [...bySql].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) {
        console.log(`  ${e.ms.toFixed(0).padStart(6)} ms ${String(e.rows).padStart(7)} rows ×${e.n}  ${sql}`);
      }
    }
  } finally {
    await app.close();
  }
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
