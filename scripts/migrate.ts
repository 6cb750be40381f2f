// Applies pending migrations and loads the reference frameworks (npm run db:migrate):
// the explicit step for deploys (docker-compose runs it before the API).
import { DataSource } from 'typeorm';
import { buildAppConfig } from '#app/config';
import { buildDataSourceOptions, migrateAndSeedReference, resolveDatabaseServer } from '#app/persistence';

const config = buildAppConfig();
const server = await resolveDatabaseServer({
  url: config.db.url,
  dataDir: config.dataDir,
  embeddedPort: config.db.embeddedPort,
});
const dataSource = new DataSource(buildDataSourceOptions({ url: server.url }));
try {
  await dataSource.initialize();
  const { migrations, frameworks } = await migrateAndSeedReference(dataSource);
  console.log(migrations.length ? `Applied: ${migrations.join(', ')}` : 'Schema is up to date.');
  if (frameworks.length) console.log(`Loaded reference frameworks: ${frameworks.join(', ')}`);
} finally {
  await dataSource.destroy().catch(() => undefined);
  await server.stop();
}
