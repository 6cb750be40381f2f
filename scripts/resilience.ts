// npm run test:resilience: the API in production mode as a child process against an embedded
// PostgreSQL, under load and through faults. Prints a pass/fail summary; exits 1 on any failure.
// The checks, in the order they run, are in resilience/.
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCheckList } from './harness/check-list.js';
import { findFreePort } from './harness/find-free-port.js';
import { checkKillDuringWrites } from './resilience/check-kill-during-writes.js';
import { checkLoad } from './resilience/check-load.js';
import { checkPoolExhausted } from './resilience/check-pool-exhausted.js';
import { checkPostgresRestart } from './resilience/check-postgres-restart.js';
import { checkRemindersAcrossKill } from './resilience/check-reminders-across-kill.js';
import { setUpRun, startDatabase, type ResilienceRun } from './resilience/resilience-run.js';

const OVERALL_DEADLINE_MS = 240_000;

const { checks, check } = createCheckList();

async function main(): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'pathways-resilience-'));
  const startDb = startDatabase(folder, await findFreePort());
  // Filled in by setUpRun; the checks replace its database and API as they restart them.
  const run = { db: await startDb(), apis: [], startDb, check } as Pick<
    ResilienceRun,
    'db' | 'apis' | 'startDb' | 'check'
  >;
  try {
    const ready = await setUpRun(run);
    await checkLoad(ready);
    await checkPostgresRestart(ready);
    await checkPoolExhausted(ready);
    await checkKillDuringWrites(ready);
    await checkRemindersAcrossKill(ready);
  } finally {
    for (const a of run.apis) await a.stop(5_000).catch(() => undefined);
    await run.db.stop().catch(() => undefined);
    await rm(folder, { recursive: true, force: true });
  }
}

const started = Date.now();
const deadline = setTimeout(() => {
  console.error(`\nFAIL: the resilience suite did not finish within ${OVERALL_DEADLINE_MS / 1000} s`);
  process.exit(1);
}, OVERALL_DEADLINE_MS);
try {
  await main();
} catch (error) {
  check('the suite ran to the end', false, String((error as Error).stack ?? error).slice(0, 2_000));
}
clearTimeout(deadline);
const failed = checks.filter((c) => !c.passed);
console.log(
  `\nResilience: ${checks.length - failed.length} of ${checks.length} checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
for (const f of failed) console.log(`  FAILED: ${f.name}`);
console.log(failed.length === 0 ? 'PASS' : 'FAIL');
process.exit(failed.length === 0 ? 0 : 1);
