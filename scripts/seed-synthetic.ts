// Fills the database with deterministic synthetic organisations (npm run seed:synthetic -- --help).
import 'reflect-metadata';
import argon2 from 'argon2';
import pg from 'pg';
import { parseArgs } from 'node:util';
import { buildAppConfig } from '#app/config';
import { prepareDatabase, resolveDatabaseServer } from '#app/persistence';
import {
  DEFAULT_SYNTHETIC_PASSWORD,
  seedSyntheticData,
  SYNTHETIC_SIZES,
} from './synthetic/seed-synthetic-data.js';

const USAGE = `Usage: npm run seed:synthetic -- [--size small|council|national]
         [--orgs N] [--practitioners-per-org M] [--evidence-per-practitioner K] [--seed S] [--as-of YYYY-MM-DD]

Sizes: small ${describe('small')}, council ${describe('council')} (the default), national ${describe('national')}.
Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR. Every synthetic login shares the password
in SYNTHETIC_PASSWORD (default "${DEFAULT_SYNTHETIC_PASSWORD}").`;

function describe(size: keyof typeof SYNTHETIC_SIZES): string {
  const s = SYNTHETIC_SIZES[size];
  return `(${s.orgs} × ${s.practitionersPerOrg} practitioners × ${s.evidencePerPractitioner} pieces)`;
}

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got "${value}"\n\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

const { values } = parseArgs({
  options: {
    size: { type: 'string' },
    orgs: { type: 'string' },
    'practitioners-per-org': { type: 'string' },
    'evidence-per-practitioner': { type: 'string' },
    seed: { type: 'string' },
    'as-of': { type: 'string' },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const size = (values.size ?? 'council') as keyof typeof SYNTHETIC_SIZES;
if (!(size in SYNTHETIC_SIZES)) {
  console.error(`Unknown --size "${values.size}"\n\n${USAGE}`);
  process.exit(2);
}
const preset = SYNTHETIC_SIZES[size];
const options = {
  orgs: wholeNumber('orgs', values.orgs, preset.orgs),
  practitionersPerOrg: wholeNumber(
    'practitioners-per-org',
    values['practitioners-per-org'],
    preset.practitionersPerOrg,
  ),
  evidencePerPractitioner: wholeNumber(
    'evidence-per-practitioner',
    values['evidence-per-practitioner'],
    preset.evidencePerPractitioner,
  ),
  seed: wholeNumber('seed', values.seed, 1),
  asOf: values['as-of'] ?? new Date().toISOString().slice(0, 10),
};

const config = buildAppConfig();
const server = await resolveDatabaseServer({
  url: config.db.url,
  dataDir: config.dataDir,
  embeddedPort: config.db.embeddedPort,
});
const client = new pg.Client({ connectionString: server.url });
try {
  await prepareDatabase(server.url);
  await client.connect();
  const password = process.env.SYNTHETIC_PASSWORD || DEFAULT_SYNTHETIC_PASSWORD;
  console.log(
    `Synthetic data: ${options.orgs} × ${options.practitionersPerOrg} × ${options.evidencePerPractitioner}, seed ${options.seed}, as of ${options.asOf}`,
  );
  const result = await seedSyntheticData(client, {
    ...options,
    passwordHash: await argon2.hash(password, { type: argon2.argon2id }),
    onProgress: (line) => console.log(`  ${line}`),
  });
  if (!result.inserted) {
    console.log('The database already holds this data set: nothing inserted.');
  } else {
    const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
    console.log(
      `Inserted ${total.toLocaleString('en-GB')} rows in ${(result.milliseconds / 1000).toFixed(1)} s:`,
    );
    for (const [table, n] of Object.entries(result.rows)) {
      console.log(`  ${table.padEnd(24)} ${n.toLocaleString('en-GB').padStart(12)}`);
    }
  }
  const shown = process.env.SYNTHETIC_PASSWORD
    ? 'the password in SYNTHETIC_PASSWORD'
    : `the password "${password}"`;
  console.log(`\nKnown logins (synthetic data only), each with ${shown}:`);
  for (const l of result.logins) console.log(`  ${l.email.padEnd(40)} ${l.about}`);
} finally {
  await client.end().catch(() => undefined);
  await server.stop();
}
