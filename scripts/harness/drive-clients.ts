import { CREATE_EVIDENCE, createEvidenceInput, PORTFOLIO } from '../bench/bench-operations.js';
import { postGraphql, type GraphqlResponse } from './post-graphql.js';

/** The title every write made by `drive` starts with, so a check can find them again. */
export const WRITE_TITLE = 'Resilience write';

/** One request's outcome, as a client sees it. */
export interface Outcome {
  at: number;
  ms: number;
  ok: boolean;
  status: number | null;
  codes: string[];
  /** The evidence id of an acknowledged write. */
  written?: string;
  /** The errors as received, when one is untyped or internal. */
  unexpected?: string;
}

const READS = [
  PORTFOLIO,
  `{ myProgression { currentStages { key } routes { routeKey eligible } } }`,
  `{ coverage { cells { itemCode approved } } }`,
  `{ me { roles user { fullName } } }`,
];

export async function request(url: string, token: string, write: boolean, n: number): Promise<Outcome> {
  const at = Date.now();
  const today = new Date().toISOString().slice(0, 10);
  let res: GraphqlResponse<{ createEvidence?: { evidenceId: string } }>;
  try {
    res = write
      ? await postGraphql(
          url,
          CREATE_EVIDENCE,
          { input: { ...createEvidenceInput(today), title: `${WRITE_TITLE} ${n}` } },
          { token, timeoutMs: 20_000 },
        )
      : await postGraphql(url, READS[n % READS.length]!, {}, { token, timeoutMs: 20_000 });
  } catch (error) {
    return {
      at,
      ms: Date.now() - at,
      ok: false,
      status: null,
      codes: [`NO_RESPONSE:${(error as Error).name}`],
    };
  }
  const codes = (res.errors ?? []).map((e) => e.extensions?.code ?? 'UNTYPED');
  return {
    at,
    ms: res.milliseconds,
    ok: res.status === 200 && codes.length === 0,
    status: res.status,
    codes,
    written: res.data?.createEvidence?.evidenceId,
    unexpected: codes.some((c) => c === 'INTERNAL_SERVER_ERROR' || c === 'UNTYPED')
      ? `${write ? 'createEvidence' : READS[n % READS.length]!.slice(0, 40).replace(/\s+/g, ' ')}: ${JSON.stringify(res.errors).slice(0, 300)}`
      : undefined,
  };
}

/** `clients` loops of mixed reads and writes until `until()` says stop. */
export async function drive(
  url: string,
  tokens: string[],
  clients: number,
  writeShare: number,
  until: () => boolean,
) {
  const outcomes: Outcome[] = [];
  let n = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (!until()) {
        const i = n++;
        outcomes.push(await request(url, tokens[c % tokens.length]!, (i * 7919) % 100 < writeShare * 100, i));
      }
    }),
  );
  return outcomes;
}

export const histogram = (outcomes: Outcome[]) => {
  const h: Record<string, number> = {};
  for (const o of outcomes)
    for (const c of o.ok ? ['OK'] : o.codes.length ? o.codes : [`HTTP_${o.status}`]) h[c] = (h[c] ?? 0) + 1;
  return JSON.stringify(h);
};
