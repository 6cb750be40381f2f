// 9. The web app's pages (issue: under 200 ms at p95), rendered on the server from the API's answers.
import { postGraphql } from '../harness/post-graphql.js';
import { syntheticEmail } from '../synthetic/seed-synthetic-data.js';
import type { BenchSettings } from './bench-settings.js';
import { drain } from './drain.js';
import { fmt } from './format-figure.js';
import { loadWebPage, signInToWeb, type WebPageResult } from './web-pages.js';

const log = (line: string) => console.log(line);

export type WebPageRow = WebPageResult & { label: string; path: string };

/** A practitioner's home page, a review page when the reviewer has one waiting, the PSW's insight. */
export async function measureWebPages(
  apiUrl: string,
  reviewerToken: string,
  password: string,
  settings: BenchSettings,
): Promise<Record<string, WebPageRow>> {
  const webPages: Record<string, WebPageRow> = {};
  const reviewQueue = await postGraphql<{ reviewQueue: { nodes: { id: string; evidenceId: string }[] } }>(
    apiUrl,
    `{ reviewQueue(first: 1) { nodes { id evidenceId } } }`,
    {},
    { token: reviewerToken },
  );
  const waiting = reviewQueue.data?.reviewQueue.nodes[0];
  const pages = [
    {
      name: 'webHome',
      label: "(f) web: a practitioner's home page",
      email: syntheticEmail(1, 'practitioner'),
      path: '/',
    },
    ...(waiting
      ? [
          {
            name: 'webReview',
            label: '(f) web: a review page',
            email: syntheticEmail(1, 'reviewer'),
            path: `/reviews/${waiting.evidenceId}/versions/${waiting.id}`,
          },
        ]
      : []),
    {
      // Issue 6's target for the dashboard is under 1 s: it asks for every insight field in one request,
      // organisation-wide, so it runs at the heavy queries' concurrency.
      name: 'webInsight',
      label: "(g) web: the PSW's workforce insight (under 1 s)",
      email: syntheticEmail(1, 'psw'),
      path: '/insight',
      workers: settings.heavyConnections,
    },
  ];
  log(
    `\nWeb pages: ${settings.seconds} s each after ${settings.warmUpSeconds} s of warm-up, ${settings.webWorkers} concurrent requests`,
  );
  for (const p of pages) {
    const cookie = await signInToWeb(apiUrl, p.email, password);
    await loadWebPage({
      baseUrl: apiUrl,
      path: p.path,
      cookie,
      workers: p.workers ?? settings.webWorkers,
      seconds: settings.warmUpSeconds,
    });
    await drain(apiUrl);
    const result = await loadWebPage({
      baseUrl: apiUrl,
      path: p.path,
      cookie,
      workers: p.workers ?? settings.webWorkers,
      seconds: settings.seconds,
    });
    webPages[p.name] = { label: p.label, path: p.path.replace(/[0-9a-f-]{36}/g, ':id'), ...result };
    log(
      `  ${p.label.padEnd(46)} ${fmt(result.requestsPerSecond).padStart(6)} pages/s  p95 ${fmt(result.p95Ms)} ms  errors ${result.errors}`,
    );
  }
  if (!waiting) log('  (no review page: the reviewer has nothing waiting)');
  return webPages;
}
