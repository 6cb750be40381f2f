import pg from 'pg';
import {
  currentE2eRunId,
  dropE2eRunDatabases,
  E2E_ADMIN_URL_ENV,
  e2eDatabasePrefix,
  e2eTemplateDatabase,
  newE2eRunId,
} from '#app/testing';

// The suite's teardown on a shared server drops the databases of its own run and nothing else:
// another run's (another engineer's, a parallel CI job's) survive.
describe('test databases', () => {
  const adminUrl = process.env[E2E_ADMIN_URL_ENV]!;
  const otherRun = newE2eRunId();
  const finishedRun = newE2eRunId();
  let admin: pg.Client;

  const databases = async () =>
    (await admin.query<{ datname: string }>(`SELECT datname FROM pg_database`)).rows.map((r) => r.datname);
  const create = (name: string) => admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
  });

  afterAll(async () => {
    for (const name of await databases()) {
      if (name.startsWith(e2eDatabasePrefix(otherRun)) || name.startsWith(e2eDatabasePrefix(finishedRun)))
        await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    }
    await admin.end();
  });

  it("should drop only the finishing run's databases and leave another run's", async () => {
    const others = [e2eTemplateDatabase(otherRun), `${e2eDatabasePrefix(otherRun)}2_0badf00d`];
    const own = [e2eTemplateDatabase(finishedRun), `${e2eDatabasePrefix(finishedRun)}3_deadbeef`];
    for (const name of [...others, ...own]) await create(name);

    // What the global teardown runs on a shared server at the end of a run.
    const dropped = await dropE2eRunDatabases(adminUrl, finishedRun);

    expect(dropped.sort()).toEqual([...own].sort());

    const left = await databases();
    expect(left).toEqual(expect.arrayContaining(others));
    expect(left.filter((name) => own.includes(name))).toEqual([]);
    // The run these tests belong to still has its template.
    expect(left).toContain(e2eTemplateDatabase(currentE2eRunId()));
  });

  it('should refuse a run id that could match other names', () => {
    expect(() => e2eDatabasePrefix('')).toThrow();
    expect(() => e2eDatabasePrefix('a%_')).toThrow();
  });
});
