// 10b. The PSW's workforce insight page as one person opens it: single requests, not load.
import { syntheticEmail } from '../synthetic/seed-synthetic-data.js';
import { drain } from './drain.js';
import type { Single } from './time-single-requests.js';
import { signInToWeb } from './web-pages.js';

/**
 * The web app's `/insight` signed in as the synthetic organisation's PSW (every insight field in one
 * API request, then the page rendered on the server): 7 requests one after another after a warm-up.
 */
export async function timeInsightPage(apiUrl: string, password: string): Promise<Single> {
  const cookie = await signInToWeb(apiUrl, syntheticEmail(1, 'psw'), password);
  await drain(apiUrl);
  const times: number[] = [];
  const errors = new Set<string>();
  for (let i = 0; i < 8; i++) {
    const started = performance.now();
    const res = await fetch(`${apiUrl}/insight`, {
      redirect: 'manual',
      // Production cookies are Secure: the bench says it came through TLS, as web-pages.ts does.
      headers: { 'x-forwarded-proto': 'https', cookie },
      signal: AbortSignal.timeout(60_000),
    });
    await res.arrayBuffer();
    if (res.status !== 200) errors.add(`HTTP ${res.status}`);
    if (i > 0) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { minMs: times[0]!, medianMs: times[3]!, maxMs: times.at(-1)!, errors: [...errors] };
}
