import type { OrganisationEntity } from '#app/persistence';
import { createMember, createOrganisation, gql, type CreatedMember } from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { FixedClock } from './support/fixed-clock.js';
import {
  CANDIDATES,
  CREATE_FROM_TEMPLATE,
  MY_PROGRESSION,
  PUBLISH,
  PUT_ROUTE,
  RECORD_STAGE,
} from './support/progression-operations.js';
import { login, type Session } from './support/sessions.js';

const MENTAL_HEALTH_ROUTE = {
  key: 'EXPERIENCED_TO_ADVANCED_PRACTITIONER',
  fromStageKey: 'EXPERIENCED_SOCIAL_WORKER',
  toStageKey: 'ADVANCED_PRACTITIONER',
  mechanism: 'PANEL',
  criteria: {
    type: 'ALL_OF',
    criteria: [
      { type: 'MIN_POST_QUALIFYING_MONTHS', months: 24 },
      {
        type: 'ANY_OF',
        criteria: [
          { type: 'QUALIFICATION', qualificationType: 'AMHP' },
          { type: 'QUALIFICATION', qualificationType: 'BIA' },
        ],
      },
    ],
  },
};
const AMHP_OR_BIA =
  'Needs a verified AMHP (Approved Mental Health Professional) qualification or a verified BIA (Best Interests Assessor) qualification';

describe('progression: an unmet any-of criterion names its choices (e2e)', () => {
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let psw: CreatedMember;
  let priya: CreatedMember;
  let asPsw: Session;
  let asPriya: Session;

  beforeAll(async () => {
    ctx = await createTestApp({}, { clock: new FixedClock(new Date('2026-11-24T12:00:00Z')) });
  });
  beforeEach(async () => {
    org = await createOrganisation(ctx.dataSource);
    psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER'], { fullName: 'Pat PSW' });
    priya = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], {
      fullName: 'Priya Practitioner',
      dateQualified: '2022-07-01',
    });
    asPsw = await login(ctx.app, psw.email);
    asPriya = await login(ctx.app, priya.email);
  });
  afterEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const ok = async <T>(query: string, variables: Record<string, unknown>, as: Session): Promise<T> => {
    const res = await gql<T>(ctx.app, query, variables, { as });
    expect(res.errors).toBeUndefined();
    return res.data!;
  };

  it('should say "Needs a verified AMHP or a verified BIA" in myProgression and candidates', async () => {
    const { createPathwayFromTemplate: pathway } = await ok<{
      createPathwayFromTemplate: { id: string; versions: { id: string; revision: number }[] };
    }>(CREATE_FROM_TEMPLATE, { input: { name: 'Adult social work pathway' } }, asPsw);
    const draft = pathway.versions[0]!;
    await ok(
      PUT_ROUTE,
      { input: { versionId: draft.id, expectedRevision: draft.revision, route: MENTAL_HEALTH_ROUTE } },
      asPsw,
    );
    await ok(PUBLISH, { input: { versionId: draft.id } }, asPsw);
    await ok(
      RECORD_STAGE,
      {
        input: {
          practitionerUserId: priya.user.id,
          pathwayId: pathway.id,
          stageKey: 'EXPERIENCED_SOCIAL_WORKER',
          fromDate: '2025-01-01',
        },
      },
      asPsw,
    );

    const { myProgression } = await ok<{
      myProgression: {
        routes: { routeKey: string; gaps: string[]; outcome: { children: { gap: string | null }[] } }[];
      };
    }>(MY_PROGRESSION, {}, asPriya);
    const route = myProgression.routes.find((r) => r.routeKey === MENTAL_HEALTH_ROUTE.key)!;
    expect(route.gaps).toEqual([AMHP_OR_BIA]);
    expect(route.outcome.children.map((c) => c.gap)).toEqual([null, AMHP_OR_BIA]);

    const { candidates } = await ok<{
      candidates: { nodes: { practitioner: { fullName: string }; eligible: boolean; gaps: string[] }[] };
    }>(CANDIDATES, { routeKey: MENTAL_HEALTH_ROUTE.key }, asPsw);
    expect(candidates.nodes).toEqual([
      {
        practitioner: { fullName: 'Priya Practitioner' },
        eligible: false,
        closeness: expect.any(Number),
        gaps: [AMHP_OR_BIA],
      },
    ]);
  });
});
