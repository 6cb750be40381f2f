import { writeFileSync } from 'node:fs';
import { CREATE_EVIDENCE, createEvidenceInput } from '../bench/bench-operations.js';
import { sleep } from '../harness/check-list.js';
import { drive, histogram, type Outcome } from '../harness/drive-clients.js';
import { postGraphql } from '../harness/post-graphql.js';
import { attachmentRequest, httpHistogram, TINY_PDF, type HttpOutcome } from './attachment-request.js';
import type { Check, ResilienceRun } from './resilience-run.js';

/** When PostgreSQL went down and came back, by the clock. */
interface Outage {
  downAt: number;
  upAt: number;
}

/**
 * 2. PostgreSQL restarted under load: typed, fast failures while it is down, recovery within 5 s,
 * for GraphQL and for attachment downloads and uploads.
 */
export async function checkPostgresRestart(run: ResilienceRun): Promise<void> {
  console.log('\n2. PostgreSQL restarted under load (10 clients), the API left running');
  const attachmentTarget = await createAttachmentProbe(run);
  const { restart, attachmentCalls, outage } = await restartUnderLoad(run, attachmentTarget);
  await checkGraphqlAcrossRestart(run, restart, outage);
  checkAttachmentsAcrossRestart(run.check, attachmentCalls, outage);
}

async function createAttachmentProbe({
  api,
  tokens,
}: ResilienceRun): Promise<{ evidenceId: string; attachmentId: string }> {
  // A draft with an attachment, for a client that downloads it and uploads to the draft throughout.
  // Setup, not under test: a socket the server closed as idle can fail one request, so try twice.
  const twice = async <T>(f: () => Promise<T>): Promise<T> => f().catch(async () => (await sleep(500), f()));
  const draft = await twice(() =>
    postGraphql<{ createEvidence: { evidenceId: string } }>(
      api.url,
      CREATE_EVIDENCE,
      {
        input: { ...createEvidenceInput(new Date().toISOString().slice(0, 10)), title: 'Attachment probe' },
      },
      { token: tokens[0] },
    ),
  );
  if (!draft.data?.createEvidence) throw new Error(`draft failed: ${JSON.stringify(draft.errors)}`);
  const attachmentTarget = { evidenceId: draft.data.createEvidence.evidenceId, attachmentId: '' };
  const uploaded = await twice(() =>
    fetch(`${api.url}/evidence/${attachmentTarget.evidenceId}/attachments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens[0]}`,
        'content-type': 'application/octet-stream',
        'x-file-name': 'observation.pdf',
      },
      body: TINY_PDF,
    }),
  );
  if (uploaded.status !== 201) throw new Error(`attachment upload failed: ${uploaded.status}`);
  attachmentTarget.attachmentId = ((await uploaded.json()) as { id: string }).id;
  return attachmentTarget;
}

/** 10 clients and an attachment client throughout; PostgreSQL stopped after 3 s, started 5 s later. */
async function restartUnderLoad(
  run: ResilienceRun,
  attachmentTarget: { evidenceId: string; attachmentId: string },
): Promise<{ restart: Outcome[]; attachmentCalls: HttpOutcome[]; outage: Outage }> {
  const { api, tokens } = run;
  let stopDriving = false;
  const driving = drive(api.url, tokens, 10, 0.3, () => stopDriving);
  const attachmentCalls: HttpOutcome[] = [];
  const probingAttachments = (async () => {
    for (let i = 0; !stopDriving; i++) {
      attachmentCalls.push(await attachmentRequest(api.url, tokens[0]!, attachmentTarget, i % 2 === 1));
      await sleep(100);
    }
  })();
  await sleep(3_000);
  await run.db.stop();
  const downAt = Date.now();
  await sleep(5_000);
  run.db = await run.startDb();
  const upAt = Date.now();
  await sleep(8_000);
  stopDriving = true;
  const restart = await driving;
  await probingAttachments;
  return { restart, attachmentCalls, outage: { downAt, upAt } };
}

async function checkGraphqlAcrossRestart(
  { api, countExisting, check }: ResilienceRun,
  restart: Outcome[],
  { downAt, upAt }: Outage,
): Promise<void> {
  const whileDown = restart.filter((o) => o.at >= downAt && o.at + o.ms <= upAt);
  const badWhileDown = whileDown.filter((o) => o.ok || o.codes.some((c) => c !== 'SERVICE_UNAVAILABLE'));
  const slowest = Math.max(0, ...whileDown.map((o) => o.ms));
  check(
    'typed, fast failures while PostgreSQL is down',
    whileDown.length > 0 && badWhileDown.filter((o) => !o.ok).length === 0 && slowest <= 6_000,
    `${whileDown.length} requests while down, outcomes ${histogram(whileDown)}, slowest ${slowest.toFixed(0)} ms`,
  );
  const firstOk = restart.find((o) => o.ok && o.at >= upAt);
  const recovery = firstOk ? (firstOk.at + firstOk.ms - upAt) / 1000 : Infinity;
  const afterRecovery = restart.filter((o) => o.at >= upAt + 5_000);
  check(
    'requests succeed again within 5 s of PostgreSQL returning, without restarting the API',
    recovery <= 5 &&
      afterRecovery.length > 0 &&
      afterRecovery.every((o) => o.ok) &&
      api.child.exitCode === null,
    `first success ${recovery.toFixed(2)} s after it returned; from 5 s on ${histogram(afterRecovery)}`,
  );
  const restartWrites = restart.flatMap((o) => (o.written ? [o.written] : []));
  check(
    'no lost acknowledged writes across the restart',
    (await countExisting(restartWrites)) === restartWrites.length,
    `${restartWrites.length} acknowledged writes, all stored`,
  );
  if (process.env.RESILIENCE_DEBUG) writeFileSync(process.env.RESILIENCE_DEBUG, api.output());
  const unexpected = api
    .output()
    .split('\n')
    .filter((l) => l.includes('unexpected error'));
  check(
    'no 5xx across the restart',
    restart.every((o) => o.status === null || o.status < 500) &&
      !restart.some((o) => o.codes.includes('INTERNAL_SERVER_ERROR')),
    `outcomes ${histogram(restart)}${restart
      .filter((o) => o.unexpected)
      .map((o) => `; ${o.unexpected}`)
      .slice(0, 3)
      .join('')}${unexpected.length ? `; the API logged: ${unexpected.slice(0, 3).join(' | ')}` : ''}`,
  );
}

function checkAttachmentsAcrossRestart(
  check: Check,
  attachmentCalls: HttpOutcome[],
  { downAt, upAt }: Outage,
): void {
  const attachmentsDown = attachmentCalls.filter((o) => o.at >= downAt && o.at + o.ms <= upAt);
  const slowestAttachment = Math.max(0, ...attachmentsDown.map((o) => o.ms));
  check(
    'attachment downloads and uploads answer 503 SERVICE_UNAVAILABLE at once while PostgreSQL is down',
    // As for GraphQL above, a request the server finished before it went away may still succeed.
    attachmentsDown.some((o) => o.status === 503) &&
      attachmentsDown.every(
        (o) => o.status === 200 || o.status === 201 || (o.status === 503 && o.code === 'SERVICE_UNAVAILABLE'),
      ) &&
      slowestAttachment <= 6_000,
    `${attachmentsDown.length} requests while down, outcomes ${httpHistogram(attachmentsDown)}, slowest ${slowestAttachment.toFixed(0)} ms`,
  );
  const attachmentsAfter = attachmentCalls.filter((o) => o.at >= upAt + 5_000);
  check(
    'attachment routes serve again after PostgreSQL returns, never a 500',
    attachmentsAfter.length > 0 &&
      attachmentsAfter.every((o) => o.status === 200 || o.status === 201) &&
      attachmentCalls.every((o) => o.status !== 500),
    `from 5 s on ${httpHistogram(attachmentsAfter)}; in all ${httpHistogram(attachmentCalls)}`,
  );
}
