import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';

import { currentE2eRunId, E2E_ADMIN_URL_ENV, e2eDatabasePrefix, e2eTemplateDatabase } from './e2e-run.js';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * A database of the test file's own, cloned from the migrated template made by
 * the global setup (a file-level copy: tens of milliseconds), dropped afterwards. Its name carries
 * this run's id, so the teardown of this run, and of no other, drops it if the file could not.
 */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env[E2E_ADMIN_URL_ENV];
  if (!adminUrl)
    throw new Error(`${E2E_ADMIN_URL_ENV} is not set: run the e2e tests through jest's global setup`);
  const runId = currentE2eRunId();
  const name = `${e2eDatabasePrefix(runId)}${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(
      `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(e2eTemplateDatabase(runId))}`,
    );
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(adminUrl, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Tables with tenant data, emptied between tests (reference frameworks stay). */
const TENANT_TABLES = [
  'contribution_request',
  'subject_access_export',
  'invitation',
  'issued_credential',
  'credential_status_list',
  'signing_key',
  'notification',
  'cpd_declaration',
  'organisation_policy',
  'supervision',
  'asye_protected_time',
  'asye_review_point',
  'asye_pause',
  'asye_programme',
  'progression_application',
  'practitioner_stage',
  'pathway_version',
  'pathway',
  'attachment',
  'evidence_review',
  'derived_evidence_mapping',
  'framework_remap_run',
  'evidence_mapping',
  'evidence_version',
  'evidence',
  'qualification',
  'framework_alignment',
  'audit_event',
  'auth_session',
  'assessor_relationship',
  'membership',
  'team',
  'app_user',
  'organisation',
  'login_rate_limit',
];

/**
 * Empties the tenant tables. The audit table refuses TRUNCATE by trigger, so the
 * reset runs with triggers off (session_replication_role, superuser only).
 */
export async function resetDatabase(dataSource: DataSource, extraTables: string[] = []): Promise<void> {
  // A job the test started (an export, say) may still be writing: its row locks and the TRUNCATE's
  // table locks can deadlock, and PostgreSQL then cancels one side. The reset simply tries again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await emptyTenantTables(dataSource, extraTables);
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code !== '40P01' || attempt === 5) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

async function emptyTenantTables(dataSource: DataSource, extraTables: string[]): Promise<void> {
  await dataSource.transaction(async (m) => {
    await m.query(`SET LOCAL session_replication_role = replica`);
    await m.query(`TRUNCATE ${[...extraTables, ...TENANT_TABLES].map((t) => `"${t}"`).join(', ')} CASCADE`);
    // Frameworks organisations imported (reference frameworks have no organisation and stay).
    await m.query(
      `DELETE FROM framework_version WHERE framework_id IN (SELECT id FROM framework WHERE organisation_id IS NOT NULL)`,
    );
    await m.query(`DELETE FROM framework WHERE organisation_id IS NOT NULL`);
  });
}

export type TestApp = INestApplication & { dataSource: DataSource };
