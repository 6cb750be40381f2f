import pg from 'pg';
import { sleep } from '../harness/check-list.js';
import { drive, request, WRITE_TITLE } from '../harness/drive-clients.js';
import type { ResilienceRun } from './resilience-run.js';

/** 4. SIGKILL the API while 20 clients write: no evidence without its version, mappings and audit. */
export async function checkKillDuringWrites(run: ResilienceRun): Promise<void> {
  const { api, tokens, countExisting, check } = run;
  console.log('\n4. The API killed (SIGKILL) in the middle of writes');
  let killed = false;
  const writing = drive(api.url, tokens, 20, 1, () => killed);
  await sleep(1_500);
  await api.kill();
  killed = true;
  const writes = await writing;
  const c = new pg.Client({ connectionString: run.db.url });
  await c.connect();
  const orphans = await c.query<{
    without_version: string;
    wrong_mappings: string;
    without_audit: string;
    pieces: string;
  }>(
    `SELECT (SELECT count(*) FROM evidence e WHERE NOT EXISTS (SELECT 1 FROM evidence_version v WHERE v.evidence_id = e.id)) AS without_version,
            (SELECT count(*) FROM evidence_version v WHERE v.title LIKE $1
                AND (SELECT count(*) FROM evidence_mapping m WHERE m.evidence_version_id = v.id) <> 3) AS wrong_mappings,
            (SELECT count(*) FROM evidence_version v WHERE v.title LIKE $1 AND NOT EXISTS
                (SELECT 1 FROM audit_event a WHERE a.entity_id = v.evidence_id AND a.action = 'EVIDENCE_CREATED')) AS without_audit,
            (SELECT count(*) FROM evidence_version v WHERE v.title LIKE $1) AS pieces`,
    [`${WRITE_TITLE}%`],
  );
  await c.end();
  const o = orphans.rows[0]!;
  const killWrites = writes.flatMap((w) => (w.written ? [w.written] : []));
  check(
    'no half-written evidence after the kill',
    Number(o.without_version) === 0 && Number(o.wrong_mappings) === 0 && Number(o.without_audit) === 0,
    `${o.pieces} written pieces in all; without a version ${o.without_version}, without their 3 mappings ${o.wrong_mappings}, without their audit record ${o.without_audit}`,
  );
  check(
    'no lost acknowledged writes before the kill',
    (await countExisting(killWrites)) === killWrites.length,
    `${killWrites.length} acknowledged before the kill, all stored`,
  );
  const restarted = (run.api = await run.startApi());
  const again = await request(restarted.url, tokens[0]!, true, 0);
  check(
    'the API restarts and writes again',
    again.ok,
    again.ok ? `write in ${again.ms.toFixed(0)} ms` : again.codes.join(', '),
  );
}
