/**
 * The web app's pages as a browser asks for them: signed in through the sign-in form (session cookie
 * and CSRF token, as a person gets them), then each page requested by a few concurrent workers for a
 * fixed time. Every answer must be a 200 page; its time is the server's render, API calls included.
 */
export interface WebPageResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Answers other than 200, and requests that failed. */
  errors: number;
}

/** The bench reaches the API over plain HTTP; production cookies are Secure, so it says it came through TLS. */
const THROUGH_TLS = { 'x-forwarded-proto': 'https' };

function sessionCookie(response: Response): string | undefined {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('pathways.sid='));
  return cookie?.split(';')[0];
}

/** Signs in through the web form and returns the session's cookie header. */
export async function signInToWeb(baseUrl: string, email: string, password: string): Promise<string> {
  const form = await fetch(`${baseUrl}/sign-in`, { headers: THROUGH_TLS });
  const html = await form.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const first = sessionCookie(form);
  if (!csrf || !first) throw new Error(`the sign-in page gave no CSRF token or session (${form.status})`);
  const signedIn = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...THROUGH_TLS, cookie: first, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, _csrf: csrf, returnTo: '/' }),
  });
  const cookie = sessionCookie(signedIn);
  if (signedIn.status !== 303 || !cookie)
    throw new Error(`signing in to the web app as ${email} failed (${signedIn.status})`);
  return cookie;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** GETs `path` with `workers` concurrent requests for `seconds` and reports the latency percentiles. */
export async function loadWebPage(options: {
  baseUrl: string;
  path: string;
  cookie: string;
  workers: number;
  seconds: number;
}): Promise<WebPageResult> {
  const times: number[] = [];
  let errors = 0;
  const endAt = performance.now() + options.seconds * 1000;
  const worker = async () => {
    while (performance.now() < endAt) {
      const started = performance.now();
      try {
        const res = await fetch(`${options.baseUrl}${options.path}`, {
          redirect: 'manual',
          headers: { ...THROUGH_TLS, cookie: options.cookie },
          signal: AbortSignal.timeout(30_000),
        });
        await res.arrayBuffer();
        if (res.status !== 200) errors++;
      } catch {
        errors++;
      }
      times.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.workers }, worker));
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    requestsPerSecond: times.length / seconds,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    p99Ms: percentile(times, 99),
    maxMs: times.at(-1) ?? Number.NaN,
    errors,
  };
}
