// Signs in and prints where the practitioner stands: this registration year's CPD against their
// regulator's rule and every piece of their portfolio, read a page at a time with the cursor.
// Node 22.18 or later runs it as it is: `node src/main.ts` (Node strips the types).
import { createPathwaysClient, PathwaysError, type PathwaysClient } from './client.ts';
import {
  MyPortfolioPageDocument,
  WhereIStandDocument,
  type MyPortfolioPageQuery,
} from './generated/graphql.ts';

export interface PortfolioLine {
  title: string;
  kind: string;
  status: string;
  dateFrom: string;
}

/** Every piece of the signed-in practitioner's portfolio, newest first, `pageSize` per request. */
export async function readWholePortfolio(client: PathwaysClient, pageSize = 20): Promise<PortfolioLine[]> {
  const lines: PortfolioLine[] = [];
  let after: string | null = null;
  for (;;) {
    const { portfolio }: MyPortfolioPageQuery = await client.request(MyPortfolioPageDocument, {
      first: pageSize,
      after,
    });
    lines.push(...portfolio.nodes.map(({ current }) => ({ ...current })));
    if (!portfolio.pageInfo.hasNextPage) return lines;
    after = portfolio.pageInfo.endCursor;
  }
}

/** What the example prints, as lines. */
export async function describeWhereIStand(client: PathwaysClient): Promise<string[]> {
  const { me, cpdCompliance: cpd } = await client.request(WhereIStandDocument, {});
  const pieces = await readWholePortfolio(client);
  return [
    `${me.user.fullName}, ${me.organisation.name}`,
    `CPD ${cpd.periodStart} to ${cpd.periodEnd} (${cpd.regulator}): ${cpd.met ? 'met' : 'not yet met'}, ${cpd.daysLeft} days left`,
    ...cpd.requirements.map(
      (r) => `  ${r.code}: ${r.current} of ${r.required}${r.missing ? ` (${r.missing})` : ''}`,
    ),
    `Portfolio: ${pieces.length} piece${pieces.length === 1 ? '' : 's'}`,
    ...pieces.map((p) => `  ${p.dateFrom} ${p.kind} ${p.status}: ${p.title}`),
  ];
}

async function main(): Promise<void> {
  const client = createPathwaysClient(process.env.PATHWAYS_URL ?? 'http://127.0.0.1:3000');
  // The demo practitioner of `npm start`; never a real person's password in a file.
  await client.signIn(
    process.env.PATHWAYS_EMAIL ?? 'nqsw@demo-council.example',
    process.env.PATHWAYS_PASSWORD ?? 'demo-pathways-2026',
  );
  for (const line of await describeWhereIStand(client)) console.log(line);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof PathwaysError ? `${error.code}: ${error.message}` : error);
    process.exit(1);
  });
}
