// The bench's database and its council-size synthetic data, kept between runs.
import argon2 from 'argon2';
import pg from 'pg';
import { join } from 'node:path';
import type { AppConfig } from '#app/config';
import { prepareDatabase, startEmbeddedPostgres } from '#app/persistence';
import { seedSyntheticData, SYNTHETIC_SIZES } from '../synthetic/seed-synthetic-data.js';
import { createPostgraphileViews } from './postgraphile-views.js';

const log = (line: string) => console.log(line);

type Cleanups = (() => Promise<unknown>)[];
type Size = (typeof SYNTHETIC_SIZES)[keyof typeof SYNTHETIC_SIZES];

/** 1. The database: DATABASE_URL, or an embedded PostgreSQL of the bench's own, kept between runs. */
export async function openBenchDatabase(config: AppConfig, cleanups: Cleanups): Promise<string> {
  let databaseUrl = config.db.url;
  if (!databaseUrl) {
    const handle = await startEmbeddedPostgres({
      dataDir: join(config.dataDir, 'bench'),
      port: Number(process.env.BENCH_PG_PORT ?? 54_339),
      database: 'pathways',
    });
    cleanups.push(() => handle.stop());
    databaseUrl = handle.url;
    log(`Embedded PostgreSQL for the bench, data in ${join(config.dataDir, 'bench')}`);
  }
  await prepareDatabase(databaseUrl);
  return databaseUrl;
}

/**
 * 2. Council-size synthetic data, once: a rerun finds it and goes straight on; then the views
 * PostGraphile reads. Returns the counts of what the database holds.
 */
export async function seedBenchData(
  databaseUrl: string,
  size: Size,
  password: string,
  cleanups: Cleanups,
): Promise<Record<string, string>> {
  const asOf = new Date().toISOString().slice(0, 10);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  cleanups.push(() => client.end());
  const seeded = await seedSyntheticData(client, {
    ...size,
    seed: 1,
    asOf: await existingAsOf(client, asOf),
    passwordHash: await argon2.hash(password, { type: argon2.argon2id }),
    onProgress: (line) => log(`  ${line}`),
  });
  log(
    seeded.inserted
      ? `Seeded ${Object.values(seeded.rows).reduce((a, b) => a + b, 0)} rows in ${(seeded.milliseconds / 1000).toFixed(1)} s`
      : `Synthetic data already present (${size.orgs} × ${size.practitionersPerOrg} × ${size.evidencePerPractitioner})`,
  );
  const counts = (
    await client.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM membership WHERE 'PRACTITIONER' = ANY(roles)) AS practitioners,
              (SELECT count(*) FROM evidence) AS evidence, (SELECT count(*) FROM evidence_version) AS versions,
              (SELECT count(*) FROM evidence_mapping) AS mappings, (SELECT count(*) FROM evidence_review) AS reviews,
              (SELECT count(*) FROM supervision) AS supervision`,
    )
  ).rows[0]!;
  if (counts.supervision === '0')
    log('  (no supervision: this data set predates it, so start from an empty database to have it)');
  await createPostgraphileViews(client);
  return counts;
}

/** The `asOf` the cached data set was made with (it is part of its identity), or today for a new one. */
async function existingAsOf(client: pg.Client, today: string): Promise<string> {
  const { rows } = await client.query<{ d: string }>(
    `SELECT to_char(min(published_at) + interval '390 days', 'YYYY-MM-DD') AS d
       FROM pathway_version v JOIN organisation o ON o.id = v.organisation_id WHERE o.slug = 'synthetic-001'`,
  );
  return rows[0]?.d ?? today;
}
