import type { OrganisationEntity } from '#app/persistence';
import {
  createAssessorRelationship,
  createMember,
  createOrganisation,
  gql,
  type CreatedMember,
} from '#app/testing';
import { COMPLIANCE_FIELDS, ok, refusal } from './support/compliance-operations.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { FixedClock } from './support/fixed-clock.js';
import { login, type Session } from './support/sessions.js';

const COMPLIANCE = `query ($id: ID, $day: LocalDate) { cpdCompliance(practitionerUserId: $id, periodContaining: $day) { ${COMPLIANCE_FIELDS} } }`;
const AT_RISK = `query ($first: Int, $after: String) { cpdAtRisk(first: $first, after: $after) { nodes { practitionerUserId daysLeft met } pageInfo { hasNextPage endCursor } } }`;
const DECLARE = `mutation ($input: RecordCpdDeclarationInput!) { recordCpdDeclaration(input: $input) { ${COMPLIANCE_FIELDS} } }`;
const CREATE = `mutation ($input: CreateEvidenceInput!) { createEvidence(input: $input) { id evidenceId duplicateOf } }`;
const UPDATE = `mutation ($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { id duplicateOf } }`;

interface Compliance {
  ruleSetId: string;
  periodStart: string;
  periodEnd: string;
  deadline: string;
  daysLeft: number;
  met: boolean;
  atRisk: boolean;
  requirements: { code: string; met: boolean; current: number; required: number; missing: string | null }[];
}

const cpd = (overrides: Record<string, unknown> = {}) => ({
  kind: 'CPD_ACTIVITY',
  cpdActivityType: 'TRAINING',
  title: 'Trauma-informed practice',
  dateFrom: '2026-05-12',
  description: 'A day course on trauma-informed practice.',
  learning: 'How trauma shapes engagement.',
  impact: 'I plan visits with families differently.',
  ...overrides,
});

describe('CPD compliance: regulators’ rules applied to portfolios (e2e)', () => {
  const clock = new FixedClock(new Date('2026-11-20T12:00:00Z'));
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let practitioner: CreatedMember;
  let behind: CreatedMember;
  let scottish: CreatedMember;
  let as: Record<'practitioner' | 'behind' | 'scottish' | 'colleague' | 'reviewer' | 'psw', Session>;

  beforeAll(async () => {
    ctx = await createTestApp({}, { clock });
    org = await createOrganisation(ctx.dataSource);
    practitioner = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], {
      fullName: 'Priya Practitioner',
    });
    behind = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], { fullName: 'Bo Behind' });
    scottish = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], {
      regulator: 'SSSC',
      dateQualified: '2024-07-15',
    });
    const colleague = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    const reviewer = await createMember(ctx.dataSource, org.id, ['SUPERVISOR', 'PRACTITIONER']);
    await createAssessorRelationship(
      ctx.dataSource,
      org.id,
      reviewer.user.id,
      practitioner.user.id,
      'SUPERVISOR',
    );
    const psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER']);
    as = {
      practitioner: await login(ctx.app, practitioner.email),
      behind: await login(ctx.app, behind.email),
      scottish: await login(ctx.app, scottish.email),
      colleague: await login(ctx.app, colleague.email),
      reviewer: await login(ctx.app, reviewer.email),
      psw: await login(ctx.app, psw.email),
    };
  });
  afterAll(() => ctx.close());

  it('should judge SWE’s two pieces with a peer reflection, counting identical pieces once and warning of them', async () => {
    const before = (await ok<{ cpdCompliance: Compliance }>(ctx.app, COMPLIANCE, {}, as.practitioner))
      .cpdCompliance;
    expect(before).toMatchObject({
      ruleSetId: 'SWE_2022_TWO_PIECES_PEER',
      periodStart: '2025-12-01',
      periodEnd: '2026-11-30',
      deadline: '2026-11-30T23:59:59.999Z',
      daysLeft: 10,
      met: false,
      atRisk: true,
    });
    expect(before.requirements.map((r) => [r.code, r.current, r.required])).toEqual([
      ['DISTINCT_PIECES', 0, 2],
      ['PIECES_WITH_PEER_REFLECTION', 0, 1],
    ]);

    const first = (
      await ok<{ createEvidence: { evidenceId: string; duplicateOf: string[] } }>(
        ctx.app,
        CREATE,
        { input: cpd({ peerReflection: { text: 'My manager challenged my assumptions.' } }) },
        as.practitioner,
      )
    ).createEvidence;
    expect(first.duplicateOf).toEqual([]);
    const copy = (
      await ok<{ createEvidence: { evidenceId: string; duplicateOf: string[] } }>(
        ctx.app,
        CREATE,
        { input: cpd({ title: 'TRAUMA-informed   practice!' }) },
        as.practitioner,
      )
    ).createEvidence;
    expect(copy.duplicateOf).toEqual([first.evidenceId]);
    const counted = (await ok<{ cpdCompliance: Compliance }>(ctx.app, COMPLIANCE, {}, as.practitioner))
      .cpdCompliance;
    expect(counted.requirements.map((r) => [r.code, r.current, r.met])).toEqual([
      ['DISTINCT_PIECES', 1, false],
      ['PIECES_WITH_PEER_REFLECTION', 1, true],
    ]);
    expect(counted.requirements[0]!.missing).toMatch(/Identical pieces count once/);

    const changed = (
      await ok<{ updateEvidence: { duplicateOf: string[] } }>(
        ctx.app,
        UPDATE,
        { input: { evidenceId: copy.evidenceId, title: 'Reading: trauma and memory' } },
        as.practitioner,
      )
    ).updateEvidence;
    expect(changed.duplicateOf).toEqual([]);
    const met = (
      await ok<{ cpdCompliance: Compliance }>(ctx.app, COMPLIANCE, { id: practitioner.user.id }, as.reviewer)
    ).cpdCompliance;
    expect(met).toMatchObject({ met: true, atRisk: false });

    // The next registration year starts on 1 December: nothing counts in it yet.
    const next = (
      await ok<{ cpdCompliance: Compliance }>(ctx.app, COMPLIANCE, { day: '2026-12-01' }, as.practitioner)
    ).cpdCompliance;
    expect(next).toMatchObject({ periodStart: '2026-12-01', periodEnd: '2027-11-30', met: false });
  });

  it('should list who is at risk, fewest days left first, to PSWs only', async () => {
    const page = (
      await ok<{ cpdAtRisk: { nodes: { practitionerUserId: string; daysLeft: number }[] } }>(
        ctx.app,
        AT_RISK,
        {},
        as.psw,
      )
    ).cpdAtRisk;
    const ids = page.nodes.map((n) => n.practitionerUserId);
    expect(ids).toContain(behind.user.id);
    expect(ids).not.toContain(practitioner.user.id);
    expect(page.nodes.map((n) => n.daysLeft)).toEqual(
      [...page.nodes.map((n) => n.daysLeft)].sort((a, b) => a - b),
    );
    const firstPage = (
      await ok<{ cpdAtRisk: { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
        ctx.app,
        AT_RISK,
        { first: 1 },
        as.psw,
      )
    ).cpdAtRisk;
    expect(firstPage.nodes).toHaveLength(1);
    expect(firstPage.pageInfo.hasNextPage).toBe(ids.length > 1);
    const res = await gql(ctx.app, AT_RISK, {}, { as: as.practitioner });
    expect(refusal(res).code).toBe('FORBIDDEN');
  });

  it('should record an SSSC declaration, and refuse one where the rules ask for CPD records', async () => {
    const before = (await ok<{ cpdCompliance: Compliance }>(ctx.app, COMPLIANCE, {}, as.scottish))
      .cpdCompliance;
    expect(before).toMatchObject({
      ruleSetId: 'SSSC_2024_ANNUAL_DECLARATION',
      periodStart: '2026-07-15',
      met: false,
    });
    const declared = (
      await ok<{ recordCpdDeclaration: Compliance }>(
        ctx.app,
        DECLARE,
        { input: { madeOn: '2026-11-19' } },
        as.scottish,
      )
    ).recordCpdDeclaration;
    expect(declared).toMatchObject({
      met: true,
      requirements: [expect.objectContaining({ code: 'DECLARATION', met: true })],
    });

    const rows = await ctx.dataSource.query(`SELECT id FROM cpd_declaration`);
    const swe = await gql(ctx.app, DECLARE, { input: { madeOn: '2026-11-19' } }, { as: as.practitioner });
    expect(refusal(swe)).toEqual({
      code: 'BAD_USER_INPUT',
      domainCode: 'CPD_DECLARATION_NOT_REQUIRED',
      field: 'input.madeOn',
    });
    const future = await gql(ctx.app, DECLARE, { input: { madeOn: '2026-11-21' } }, { as: as.scottish });
    expect(refusal(future)).toEqual({
      code: 'BAD_USER_INPUT',
      domainCode: 'INVALID_DATE_RANGE',
      field: 'input.madeOn',
    });
    expect(await ctx.dataSource.query(`SELECT id FROM cpd_declaration`)).toHaveLength(rows.length);
  });

  it('should refuse a colleague and another organisation', async () => {
    const colleague = await gql(ctx.app, COMPLIANCE, { id: practitioner.user.id }, { as: as.colleague });
    expect(refusal(colleague)).toEqual({
      code: 'FORBIDDEN',
      domainCode: 'ACCESS_DENIED',
      field: 'practitionerUserId',
    });
    expect(colleague.data).toBeNull();
    const elsewhere = await createOrganisation(ctx.dataSource);
    const outsider = await login(
      ctx.app,
      (await createMember(ctx.dataSource, elsewhere.id, ['PRINCIPAL_SOCIAL_WORKER'])).email,
    );
    expect(
      refusal(await gql(ctx.app, COMPLIANCE, { id: practitioner.user.id }, { as: outsider })).domainCode,
    ).toBe('ACCESS_DENIED');
    const atRisk = await ok<{ cpdAtRisk: { nodes: unknown[] } }>(ctx.app, AT_RISK, {}, outsider);
    expect(atRisk.cpdAtRisk.nodes).toEqual([]);
  });
  it('should refuse a period day that is not a real day, or so far off its registration year cannot be worked out', async () => {
    for (const day of ['2026-02-30', '9999-12-31', '0001-01-01', '26-01-01']) {
      const res = await gql(ctx.app, COMPLIANCE, { day }, { as: as.practitioner });
      expect([day, res.errors?.[0]?.extensions?.code, res.errors?.[0]?.extensions?.field]).toEqual([
        day,
        'BAD_USER_INPUT',
        'periodContaining',
      ]);
    }
    expect(
      (await gql(ctx.app, COMPLIANCE, { day: '2099-12-31' }, { as: as.practitioner })).errors,
    ).toBeUndefined();
  });
});
