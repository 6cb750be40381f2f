// The national step's database (npm run bench -- --national): an embedded PostgreSQL of its own under
// .data/bench-national, kept between runs, with national-size synthetic data generated once and a
// small record of how long that took, so a rerun says "reused, generated in X s on <date>".
import argon2 from 'argon2';
import pg from 'pg';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '#app/config';
import { prepareDatabase, startEmbeddedPostgres } from '#app/persistence';
import { seedSyntheticData, SYNTHETIC_SIZES } from '../synthetic/seed-synthetic-data.js';
import { createPostgraphileViews } from './postgraphile-views.js';

const log = (line: string) => console.log(line);

type Cleanups = (() => Promise<unknown>)[];
export type NationalSize = {
  orgs: number;
  practitionersPerOrg: number;
  evidencePerPractitioner: number;
};

/** What the step keeps beside the data folder about the generation that filled it. */
export interface GenerationRecord {
  orgs: number;
  practitionersPerOrg: number;
  evidencePerPractitioner: number;
  seed: number;
  asOf: string;
  /** Seconds spent generating, summed over the runs that did (a run may stop early and the next continue). */
  seconds: number;
  runs: number;
  /** Organisations the database held after the last run that generated. */
  organisationsPresent: number;
  /** When the last run that generated ended. */
  generatedAt: string;
}

/** The national sizes per organisation, with as many organisations as asked (all 150 by default). */
export function nationalSize(orgs: number | undefined): NationalSize {
  return { ...SYNTHETIC_SIZES.national, orgs: orgs ?? SYNTHETIC_SIZES.national.orgs };
}

/**
 * The embedded PostgreSQL of a national data set, started on its own kept folder and migrated: the
 * whole (150 organisations) under bench-national, N organisations of national's size under
 * bench-national-N (one synthetic data set per database), each on a port of its own.
 */
export async function openNationalDatabase(
  config: AppConfig,
  cleanups: Cleanups,
  size: NationalSize,
): Promise<{ url: string; dataDir: string }> {
  const whole = size.orgs === SYNTHETIC_SIZES.national.orgs;
  const dataDir = join(config.dataDir, whole ? 'bench-national' : `bench-national-${size.orgs}`);
  const base = Number(process.env.BENCH_NATIONAL_PG_PORT ?? 54_340);
  const handle = await startEmbeddedPostgres({
    dataDir,
    port: base + (whole ? 0 : size.orgs === 1 ? 1 : 2),
    database: 'pathways',
  });
  cleanups.push(() => handle.stop());
  log(`Embedded PostgreSQL for ${size.orgs} × ${size.practitionersPerOrg}, data in ${dataDir}`);
  await prepareDatabase(handle.url);
  return { url: handle.url, dataDir };
}

const recordFile = (dataDir: string) => `${dataDir}-generation.json`;

/**
 * The national data set, generated once: a rerun finds it (the generator inserts nothing) and reads
 * the record of the first run. Returns that record, whether it was made now, and the counts the
 * database holds (organisations and practitioners counted, not assumed).
 */
export async function seedNationalData(
  databaseUrl: string,
  dataDir: string,
  size: NationalSize,
  password: string,
  cleanups: Cleanups,
  /** Start no organisation after this many minutes of this run (0: none); unset: generate to the end. */
  generationMinutes?: number,
): Promise<{
  record: GenerationRecord | null;
  generatedNow: boolean;
  organisationsPresent: number;
  counts: NationalCounts;
}> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  cleanups.push(() => client.end());
  const previous = await readRecord(dataDir);
  const asOf = previous?.asOf ?? (await existingAsOf(client)) ?? new Date().toISOString().slice(0, 10);
  log(
    `National data: ${size.orgs} × ${size.practitionersPerOrg} × ${size.evidencePerPractitioner}, as of ${asOf}`,
  );
  // A record of another data set (another --orgs) in the same folder cannot be this one's.
  const same = previous && previous.orgs === size.orgs && previous.asOf === asOf ? previous : null;
  let record = same;
  // Kept after every organisation, so a run cut short still counts the time it spent.
  const keep = async (organisationsPresent: number, milliseconds: number) => {
    record = {
      ...size,
      seed: 1,
      asOf,
      seconds: (same?.seconds ?? 0) + milliseconds / 1000,
      runs: (same?.runs ?? 0) + 1,
      organisationsPresent,
      generatedAt: new Date().toISOString(),
    };
    await writeFile(recordFile(dataDir), `${JSON.stringify(record, null, 2)}\n`);
  };
  const seeded = await seedSyntheticData(client, {
    ...size,
    seed: 1,
    asOf,
    passwordHash: await argon2.hash(password, { type: argon2.argon2id }),
    onProgress: (line) => log(`  ${line}`),
    onOrganisation: keep,
    ...(generationMinutes === undefined
      ? {}
      : {
          shouldStop: (
            (end) => () =>
              Date.now() >= end
          )(Date.now() + generationMinutes * 60_000),
        }),
  });
  // The final ANALYZE counts too.
  if (seeded.inserted) await keep(seeded.organisationsPresent, seeded.milliseconds);
  const counts = await countNational(client);
  await createPostgraphileViews(client);
  return {
    record,
    generatedNow: seeded.inserted,
    organisationsPresent: seeded.organisationsPresent,
    counts,
  };
}

export interface NationalCounts {
  organisations: number;
  practitioners: number;
  evidence: number;
  databaseBytes: number;
}

/** Counted from the database: synthetic organisations, practitioner memberships, evidence, its size. */
export async function countNational(client: pg.ClientBase): Promise<NationalCounts> {
  const { rows } = await client.query<Record<keyof NationalCounts, string>>(
    `SELECT (SELECT count(*) FROM organisation WHERE slug LIKE 'synthetic-%') AS organisations,
            (SELECT count(*) FROM membership WHERE 'PRACTITIONER' = ANY(roles)) AS practitioners,
            (SELECT count(*) FROM evidence) AS evidence,
            pg_database_size(current_database()) AS "databaseBytes"`,
  );
  const r = rows[0]!;
  return {
    organisations: Number(r.organisations),
    practitioners: Number(r.practitioners),
    evidence: Number(r.evidence),
    databaseBytes: Number(r.databaseBytes),
  };
}

async function readRecord(dataDir: string): Promise<GenerationRecord | null> {
  try {
    return JSON.parse(await readFile(recordFile(dataDir), 'utf8')) as GenerationRecord;
  } catch {
    return null;
  }
}

/** The `asOf` a data set already in the database was made with (part of its identity), if any. */
async function existingAsOf(client: pg.Client): Promise<string | null> {
  const { rows } = await client.query<{ d: string | null }>(
    `SELECT to_char(min(published_at) + interval '390 days', 'YYYY-MM-DD') AS d
       FROM pathway_version v JOIN organisation o ON o.id = v.organisation_id WHERE o.slug = 'synthetic-001'`,
  );
  return rows[0]?.d ?? null;
}
