import { DataSource, type EntityManager } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options.js';
import { seedReferenceFrameworks } from './seeds/seed-reference-frameworks.js';

/**
 * Brings a database to the current schema and loads the reference frameworks.
 * Both steps are idempotent, so every start may run them.
 */
export async function migrateAndSeedReference(
  dataSource: DataSource,
): Promise<{ migrations: string[]; frameworks: string[] }> {
  const applied = await dataSource.runMigrations({ transaction: 'all' });
  const frameworks = await dataSource.transaction((manager: EntityManager) =>
    seedReferenceFrameworks(manager),
  );
  return { migrations: applied.map((m) => m.name), frameworks };
}

/** Opens a short-lived connection, prepares the database, closes it. */
export async function prepareDatabase(url: string): Promise<{ migrations: string[]; frameworks: string[] }> {
  const dataSource = new DataSource({
    ...buildDataSourceOptions({ url, poolSize: 2, applicationName: 'pathways-migrate' }),
  });
  await dataSource.initialize();
  try {
    return await migrateAndSeedReference(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
