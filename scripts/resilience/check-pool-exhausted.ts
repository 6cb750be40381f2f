import pg from 'pg';
import { sleep } from '../harness/check-list.js';
import { histogram, request } from '../harness/drive-clients.js';
import type { ResilienceRun } from './resilience-run.js';

/** 3. Every pooled connection busy: new requests time out with a typed error instead of hanging. */
export async function checkPoolExhausted(run: ResilienceRun): Promise<void> {
  const { api, tokens, check } = run;
  console.log('\n3. Connection pool exhausted by slow queries');
  const holder = new pg.Client({ connectionString: run.db.url });
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query('LOCK TABLE evidence_version IN ACCESS EXCLUSIVE MODE');
  const blocked = Array.from({ length: 14 }, (_, i) =>
    request(api.url, tokens[i % tokens.length]!, false, 0),
  );
  await sleep(1_000);
  const probe = await request(api.url, tokens[0]!, false, 3);
  await holder.query('COMMIT');
  await holder.end();
  const unblocked = await Promise.all(blocked);
  check(
    'a request finds no free connection: typed error, no hang',
    !probe.ok &&
      probe.codes.length > 0 &&
      probe.codes.every((c) => c === 'SERVICE_UNAVAILABLE') &&
      probe.ms < 8_000,
    `answered in ${probe.ms.toFixed(0)} ms with ${probe.codes.join(', ') || (probe.ok ? 'success' : `HTTP ${probe.status}`)} (pool wait limit 5 s)`,
  );
  check(
    'the held requests end cleanly when the slow queries finish',
    unblocked.every((o) => o.ok || o.codes.every((c) => c === 'SERVICE_UNAVAILABLE')) &&
      unblocked.every((o) => o.ms < 20_000),
    `outcomes ${histogram(unblocked)}`,
  );
  const after = await request(api.url, tokens[0]!, false, 0);
  check(
    'the pool serves again afterwards',
    after.ok,
    after.ok ? `portfolio in ${after.ms.toFixed(0)} ms` : after.codes.join(', '),
  );
}
