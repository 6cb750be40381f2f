// The national step's plan check: the SQL an operation sends, captured with its parameters in an API
// instance inside the bench process, then each read run again under EXPLAIN (ANALYZE, BUFFERS) on a
// connection of its own. Every scan of a large table is listed with the index it used (and that
// index's leading column); a sequential scan of a large table is what the check looks for.
import pg from 'pg';
import { gql } from '#app/testing';
import type { CountedOperation } from './count-statements-per-request.js';
import { withInProcessApi } from './count-statements-per-request.js';

/** A table with more rows than this is large: scanning all of it per request would grow with the data. */
const LARGE_TABLE_ROWS = 50_000;

export interface PlannedScan {
  node: string;
  table: string;
  index: string | null;
  /** The index's first column, when the scan used an index. */
  leadingColumn: string | null;
  tableRows: number;
}

export interface StatementPlan {
  sql: string;
  executionMs: number;
  sharedBlocksHit: number;
  sharedBlocksRead: number;
  /** Scans of large tables only: the small reference tables (PCF, stages) are read whole, as they should be. */
  scans: PlannedScan[];
  sequentialScansOfLargeTables: string[];
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** Captures every statement an operation sends (text and parameters), on its second run. */
async function captureStatements(
  run: () => Promise<unknown>,
): Promise<{ text: string; values: unknown[] }[]> {
  const captured: { text: string; values: unknown[] }[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    const config =
      typeof first === 'string' ? { text: first } : (first as { text?: string; values?: unknown[] });
    const values = Array.isArray(second) ? second : (config.values ?? []);
    captured.push({ text: String(config.text ?? ''), values });
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    proto.query = original;
  }
  return captured;
}

/** EXPLAIN (ANALYZE, BUFFERS) of every read each operation sends, against `databaseUrl`. */
export async function explainOperations(
  settings: { databaseUrl: string; jwtSecret: string },
  operations: readonly CountedOperation[],
): Promise<Record<string, StatementPlan[]>> {
  const client = new pg.Client({ connectionString: settings.databaseUrl });
  await client.connect();
  try {
    const tableRows = new Map(
      (
        await client.query<{ relname: string; n: string }>(
          `SELECT relname, reltuples::bigint AS n FROM pg_class WHERE relkind IN ('r', 'p')`,
        )
      ).rows.map((r) => [r.relname, Number(r.n)]),
    );
    const indexes = new Map(
      (
        await client.query<{ index: string; col: string; table: string }>(
          `SELECT c.relname AS index, a.attname AS col, t.relname AS table
             FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]`,
        )
      ).rows.map((r) => [r.index, r]),
    );
    const plans: Record<string, StatementPlan[]> = {};
    await withInProcessApi(settings, async (app) => {
      for (const op of operations) {
        const ask = () => gql(app, op.query, op.variables ?? {}, { as: op.token });
        await ask();
        const statements = await captureStatements(ask);
        plans[op.name] = [];
        for (const s of statements.filter((x) => /^\s*(SELECT|WITH)\b/i.test(x.text))) {
          const { rows } = await client.query<{ 'QUERY PLAN': [Record<string, unknown>] }>(
            `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${s.text}`,
            s.values,
          );
          const top = rows[0]!['QUERY PLAN'][0]!;
          const plan = top.Plan as PlanNode & {
            'Shared Hit Blocks'?: number;
            'Shared Read Blocks'?: number;
          };
          const scans: PlannedScan[] = [];
          const walk = (node: PlanNode) => {
            const index = node['Index Name'] ?? null;
            // A bitmap heap scan's index is on its child (a bitmap index scan, which names no table).
            const table =
              node['Node Type'] === 'Bitmap Heap Scan'
                ? undefined
                : (node['Relation Name'] ?? (index ? indexes.get(index)?.table : undefined));
            if (table && (tableRows.get(table) ?? 0) > LARGE_TABLE_ROWS) {
              scans.push({
                node: node['Node Type'],
                table,
                index,
                leadingColumn: index ? (indexes.get(index)?.col ?? null) : null,
                tableRows: tableRows.get(table) ?? 0,
              });
            }
            for (const child of node.Plans ?? []) walk(child);
          };
          walk(plan);
          plans[op.name]!.push({
            sql: s.text.replace(/\s+/g, ' ').slice(0, 160),
            executionMs: Number(top['Execution Time']),
            sharedBlocksHit: plan['Shared Hit Blocks'] ?? 0,
            sharedBlocksRead: plan['Shared Read Blocks'] ?? 0,
            scans,
            sequentialScansOfLargeTables: scans.filter((x) => x.node === 'Seq Scan').map((x) => x.table),
          });
        }
      }
    });
    return plans;
  } finally {
    await client.end();
  }
}
