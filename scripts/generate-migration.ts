// Writes a migration with the SQL that would bring the database in line with the
// entities (TypeORM's schema diff), for review before it is committed:
//   npm run db:migration:generate -- AddEvidence
import { writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { buildAppConfig } from '#app/config';
import { buildDataSourceOptions, resolveDatabaseServer } from '#app/persistence';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: npm run db:migration:generate -- PascalCaseName');
  process.exit(2);
}
const config = buildAppConfig();
const server = await resolveDatabaseServer({
  url: config.db.url,
  dataDir: config.dataDir,
  embeddedPort: config.db.embeddedPort,
});
const dataSource = new DataSource(buildDataSourceOptions({ url: server.url }));
try {
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'all' });
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) {
    console.log('No changes: the entities and migrations agree.');
  } else {
    const timestamp = Date.now();
    const lines = (qs: { query: string }[]) =>
      qs.map((q) => `    await queryRunner.query(${JSON.stringify(q.query)});`).join('\n');
    const file = `libs/persistence/src/migrations/${timestamp}-${name}.ts`;
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(sql.upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines([...sql.downQueries].reverse())}
  }
}
`,
    );
    console.log(`Wrote ${file}; add it to libs/persistence/src/migrations/index.ts.`);
  }
} finally {
  await dataSource.destroy().catch(() => undefined);
  await server.stop();
}
