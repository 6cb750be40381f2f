import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { OrganisationEntity } from '#app/persistence';
import { countStatements, createMember, createOrganisation, gql, type CreatedMember } from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { FixedClock } from './support/fixed-clock.js';
import { CREATE_EVIDENCE, PORTFOLIO } from './support/portfolio-operations.js';
import {
  CANDIDATES,
  CREATE_FROM_TEMPLATE,
  PUBLISH,
  RECORD_STAGE,
  REPORT,
} from './support/progression-operations.js';
import { login, type Session } from './support/sessions.js';

const SNAPSHOTS = new URL('../sql-snapshots/', import.meta.url);

/**
 * The SQL the heaviest reads send, committed under test/sql-snapshots/ so a change to it shows in
 * review. A read that sends different SQL fails here; `UPDATE_SQL_SNAPSHOTS=1` rewrites the files.
 */
describe('SQL of the heaviest reads (e2e)', () => {
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let psw: CreatedMember;
  let practitioner: CreatedMember;
  let asPsw: Session;
  let asPractitioner: Session;
  let routeKey: string;

  beforeAll(async () => {
    ctx = await createTestApp({}, { clock: new FixedClock(new Date('2026-11-24T12:00:00Z')) });
    org = await createOrganisation(ctx.dataSource);
    psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER'], { fullName: 'Pat PSW' });
    practitioner = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], {
      fullName: 'Priya Practitioner',
      dateQualified: '2022-07-01',
    });
    asPsw = await login(ctx.app, psw.email);
    asPractitioner = await login(ctx.app, practitioner.email);
    for (const [title, dateFrom] of [
      ['Mental Capacity Act refresher', '2026-10-12'],
      ['Safeguarding adults update', '2026-10-19'],
    ]) {
      await ok(
        CREATE_EVIDENCE,
        {
          input: {
            kind: 'CPD_ACTIVITY',
            cpdActivityType: 'TRAINING',
            title,
            dateFrom,
            hours: 6.5,
            description: 'A day of training.',
            learning: 'What I learnt.',
            impact: 'What I do differently.',
          },
        },
        asPractitioner,
      );
    }
    const { createPathwayFromTemplate: pathway } = await ok<{
      createPathwayFromTemplate: { id: string; versions: { id: string; routes: { key: string }[] }[] };
    }>(CREATE_FROM_TEMPLATE, { input: { name: 'Adult social work pathway' } }, asPsw);
    const version = pathway.versions[0]!;
    routeKey = version.routes[0]!.key;
    await ok(PUBLISH, { input: { versionId: version.id } }, asPsw);
    await ok(
      RECORD_STAGE,
      {
        input: {
          practitionerUserId: practitioner.user.id,
          pathwayId: pathway.id,
          stageKey: 'EXPERIENCED_SOCIAL_WORKER',
          fromDate: '2025-01-01',
        },
      },
      asPsw,
    );
  });
  afterAll(() => ctx.close());

  async function ok<T>(query: string, variables: Record<string, unknown>, as: Session): Promise<T> {
    const res = await gql<T>(ctx.app, query, variables, { as });
    expect(res.errors).toBeUndefined();
    return res.data!;
  }

  it.each([
    ['portfolio', () => ok(PORTFOLIO, { first: 20 }, asPractitioner)],
    ['candidates', () => ok(CANDIDATES, { routeKey, first: 20 }, asPsw)],
    ['progression-report', () => ok(REPORT, {}, asPsw)],
  ])('should send the committed SQL for %s', async (name, read) => {
    const { statements } = await countStatements(read);
    const sql = statements.map((s, i) => `-- ${i + 1}\n${s.trim()};\n`).join('\n');
    const file = new URL(`${name}.sql`, SNAPSHOTS);
    if (process.env.UPDATE_SQL_SNAPSHOTS === '1') writeFileSync(file, sql);
    expect(
      existsSync(file) ? readFileSync(file, 'utf8') : '(no snapshot: run with UPDATE_SQL_SNAPSHOTS=1)',
    ).toBe(sql);
  });
});
