// Applies pending migrations (npm run db:migrate): the explicit step for deploys.
import { DataSource } from 'typeorm';
import { buildAppConfig } from '#app/config';
import { buildDataSourceOptions, resolveDatabaseServer } from '#app/persistence';

const config = buildAppConfig();
const server = await resolveDatabaseServer({ url: config.db.url, dataDir: config.dataDir, embeddedPort: config.db.embeddedPort });
const dataSource = new DataSource(buildDataSourceOptions({ url: server.url }));
try {
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'all' });
  console.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'Schema is up to date.');
} finally {
  await dataSource.destroy().catch(() => undefined);
  await server.stop();
}
