import type pg from 'pg';
import type { Role } from '#app/domain';
import { loadReference } from './load-reference.js';
import { seedOrganisation } from './seed-organisation.js';
import { idFor, syntheticEmail } from './synthetic-ids.js';
import { createBuffers } from './synthetic-tables.js';

export { SYNTHETIC_EMAIL_DOMAIN, syntheticEmail } from './synthetic-ids.js';

export interface SyntheticOptions {
  orgs: number;
  practitionersPerOrg: number;
  evidencePerPractitioner: number;
  seed: number;
  /** The day the data is "as of": every date lies on or before it. */
  asOf: string;
  /** One argon2 hash shared by every synthetic login. */
  passwordHash: string;
  onProgress?: (line: string) => void;
  /**
   * Asked before each organisation: true stops there, and the database then holds the first
   * organisations of the data set, each complete; a later call with the same options continues from
   * the next. Unset: generate every organisation.
   */
  shouldStop?: () => boolean;
  /** After each organisation's commit: its number and the milliseconds since the call began. */
  onOrganisation?: (orgNo: number, milliseconds: number) => Promise<void>;
}

export interface SyntheticLogin {
  email: string;
  roles: Role[];
  about: string;
}

export interface SyntheticResult {
  /** False when nothing was inserted (the database already held this data set, or a stop came first). */
  inserted: boolean;
  rows: Record<string, number>;
  milliseconds: number;
  logins: SyntheticLogin[];
  /** Organisations of this data set the database holds now (all of them unless `shouldStop` cut it short). */
  organisationsPresent: number;
}

/** The sizes the README documents. */
export const SYNTHETIC_SIZES = {
  small: { orgs: 2, practitionersPerOrg: 12, evidencePerPractitioner: 6 },
  council: { orgs: 1, practitionersPerOrg: 2_000, evidencePerPractitioner: 50 },
  national: { orgs: 150, practitionersPerOrg: 667, evidencePerPractitioner: 50 },
} as const;

/** Printed by the seed script; synthetic logins are for benchmarks and demonstrations only. */
export const DEFAULT_SYNTHETIC_PASSWORD = 'synthetic-pathways-2026';

// ---- entry point ---------------------------------------------------------------------------------

/**
 * Fills a migrated database with deterministic synthetic organisations: the same options always give
 * the same rows (ids included). Runs one transaction per organisation, each from random streams of
 * its own; when the database already holds exactly this data set it inserts nothing, when it holds
 * its first organisations (an interrupted run) it continues from the next, and when it holds another
 * synthetic data set it refuses (one synthetic data set per database).
 */
export async function seedSyntheticData(
  client: pg.ClientBase,
  options: SyntheticOptions,
): Promise<SyntheticResult> {
  const started = Date.now();
  const { orgs, practitionersPerOrg: m, evidencePerPractitioner: k, seed } = options;
  if (!(orgs >= 1 && m >= 3 && k >= 0 && Number.isInteger(orgs + m + k + seed))) {
    throw new Error('Give whole numbers: at least 1 organisation and 3 practitioners per organisation.');
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) throw new Error('asOf must be a date (YYYY-MM-DD).');
  const namespace = `synthetic:${seed}:${orgs}x${m}x${k}:${options.asOf}`;
  const logins = knownLogins(orgs);

  const present = await client.query<{ id: string; slug: string }>(
    `SELECT id, slug FROM organisation WHERE slug LIKE 'synthetic-%' ORDER BY slug`,
  );
  const expected = Array.from({ length: orgs }, (_, i) => idFor(namespace, 'organisation', i + 1));
  // Organisations are committed one by one, in order: a data set cut short holds the first ones whole.
  const held = present.rows.length;
  if (held > 0) {
    const prefix = held <= orgs && present.rows.every((r) => expected.slice(0, held).includes(r.id));
    if (!prefix) {
      throw new Error(
        `This database already holds another synthetic data set (${held} organisations); use a fresh database.`,
      );
    }
    if (held === orgs) {
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM evidence WHERE organisation_id = ANY($1::uuid[])`,
        [expected],
      );
      if (Number(rows[0]!.n) >= orgs * m * k) {
        return {
          inserted: false,
          rows: {},
          milliseconds: Date.now() - started,
          logins,
          organisationsPresent: orgs,
        };
      }
      throw new Error(
        'This database holds an incomplete copy of this synthetic data set; use a fresh database.',
      );
    }
    options.onProgress?.(`continuing after organisation ${held}/${orgs}, which the database holds`);
  }

  const reference = await loadReference(client);
  const buffers = createBuffers();
  let orgNo = held + 1;
  for (; orgNo <= orgs; orgNo++) {
    if (options.shouldStop?.()) break;
    await client.query('BEGIN');
    try {
      await seedOrganisation({ client, buffers, reference, options, namespace }, orgNo);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    await options.onOrganisation?.(orgNo, Date.now() - started);
    options.onProgress?.(
      `organisation ${orgNo}/${orgs}: ${buffers.evidence.inserted} pieces of evidence in this run (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  await client.query('ANALYZE');
  const rows = Object.fromEntries(Object.values(buffers).map((b) => [b.table, b.inserted]));
  return {
    inserted: orgNo - 1 > held,
    rows,
    milliseconds: Date.now() - started,
    logins,
    organisationsPresent: orgNo - 1,
  };
}

function knownLogins(orgs: number): SyntheticLogin[] {
  const logins: SyntheticLogin[] = [];
  for (let orgNo = 1; orgNo <= Math.min(orgs, 2); orgNo++) {
    logins.push(
      { email: syntheticEmail(orgNo, 'admin'), roles: ['ORG_ADMIN'], about: 'administrator' },
      {
        email: syntheticEmail(orgNo, 'psw'),
        roles: ['PRINCIPAL_SOCIAL_WORKER'],
        about: 'principal social worker',
      },
      {
        email: syntheticEmail(orgNo, 'practitioner'),
        roles: ['PRACTITIONER'],
        about: 'social worker, supervised by the reviewer',
      },
      {
        email: syntheticEmail(orgNo, 'reviewer'),
        roles: ['PRACTITIONER', 'ASSESSOR', 'PRACTICE_EDUCATOR', 'SUPERVISOR'],
        about: 'practice supervisor with a review queue',
      },
    );
  }
  return logins;
}
