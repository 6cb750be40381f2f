import request from 'supertest';
import { unzipSync } from 'fflate';
import { AsyeProgrammeRepository, type OrganisationEntity } from '#app/persistence';
import { countStatements, createMember, createOrganisation, gql, type CreatedMember } from '#app/testing';
import { refusal } from './support/compliance-operations.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { FixedClock } from './support/fixed-clock.js';
import { pdfPages } from './support/pdf-text.js';
import { login, type Session } from './support/sessions.js';
import { insertPiece } from './support/sharing-fixtures.js';

const DRAW = /* GraphQL */ `
  mutation ($input: DrawModerationPackInput!) {
    drawModerationPack(input: $input) {
      id
      method
      seed
      size
      eligibleCount
      cohortStartedFrom
      cohortStartedTo
      drawnAt
      portfolios {
        label
        assessorLabel
      }
    }
  }
`;
const PACK = /* GraphQL */ `
  query ($id: ID!) {
    moderationPack(id: $id) {
      id
      size
      seed
      portfolios {
        label
        assessorLabel
      }
    }
  }
`;
const PACKS = /* GraphQL */ `
  {
    moderationPacks {
      id
      size
      portfolios {
        label
        assessorLabel
      }
    }
  }
`;

interface Pack {
  id: string;
  method: string;
  seed: number;
  size: number;
  eligibleCount: number;
  cohortStartedFrom: string | null;
  cohortStartedTo: string | null;
  portfolios: { label: string; assessorLabel: string }[];
}

/** Binary bodies (the zip) as a Buffer. */
const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

const NQSWS = [
  ['Aoife Ní Bhriain', 'SW700001'],
  ['Bartłomiej Żak', 'SW700002'],
  ['Chidi Okonkwo', 'SW700003'],
  ['Dafydd ap Rhys', 'SW700004'],
  ['Esther Mensah-Boateng', 'SW700005'],
  ['Farah Qureshi', 'SW700006'],
] as const;
const ASSESSORS = [
  ['Gwen Thorne', 'SW800001'],
  ['Hamish Strachan', 'SW800002'],
  ['Ingrid Solberg', 'SW800003'],
] as const;
/** Identifiers of people who use services written into the evidence; the guard detects each. */
const IDENTIFIERS = ['LS6 3QF', '943 476 5919', '020 7946 0018', 'k.brennan@example.org', '14/02/2013'];

describe('moderation packs (e2e)', () => {
  const clock = new FixedClock(new Date('2026-07-01T10:00:00Z'));
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let psw: CreatedMember;
  let manager: CreatedMember;
  let nqsws: CreatedMember[];
  let assessors: CreatedMember[];
  const as: Record<'psw' | 'nqsw' | 'assessor' | 'otherPsw', Session> = {} as never;

  beforeAll(async () => {
    ctx = await createTestApp({}, { clock });
  });
  beforeEach(async () => {
    org = await createOrganisation(ctx.dataSource, { name: 'Northshire Council' });
    psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER'], {
      fullName: 'Priya Sharma',
    });
    manager = await createMember(ctx.dataSource, org.id, ['SUPERVISOR', 'PRACTITIONER'], {
      fullName: 'Maeve Lindqvist',
      registrationNumber: 'SW900009',
    });
    assessors = [];
    for (const [fullName, registrationNumber] of ASSESSORS) {
      assessors.push(
        await createMember(ctx.dataSource, org.id, ['ASSESSOR', 'PRACTITIONER'], {
          fullName,
          registrationNumber,
        }),
      );
    }
    nqsws = [];
    const programmes = ctx.app.get(AsyeProgrammeRepository);
    for (const [i, [fullName, registrationNumber]] of NQSWS.entries()) {
      const nqsw = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], {
        fullName,
        registrationNumber,
        dateQualified: '2025-07-01',
      });
      nqsws.push(nqsw);
      // Assessors: Gwen 3, Hamish 2, Ingrid 1.
      const assessor = assessors[i < 3 ? 0 : i < 5 ? 1 : 2]!;
      await programmes.insert({
        organisationId: org.id,
        practitionerUserId: nqsw.user.id,
        assessorUserId: assessor.user.id,
        lineManagerUserId: manager.user.id,
        startDate: `2025-${String(9 + (i % 3)).padStart(2, '0')}-01`,
        contractedHoursPerWeek: '37',
        protectedTimePercent: 10,
        createdByUserId: psw.user.id,
      });
      const first = fullName.split(' ')[0]!;
      await insertPiece(ctx.dataSource, org.id, nqsw.user.id, assessor.user.id, {
        title: `Home visit with ${first}’s first family`,
        description: `I, ${fullName}, visited the family at ${IDENTIFIERS[0]} with ${assessor.user.fullName}. The child's NHS number ${IDENTIFIERS[1]} was on the plan; born ${IDENTIFIERS[4]}.`,
        learning: `${first} learnt to call the school on ${IDENTIFIERS[2]} before the visit. ${manager.user.fullName} agreed.`,
        impact: `I now write to ${IDENTIFIERS[3]} as well. Registration ${registrationNumber} noted by ${assessor.user.fullName.split(' ')[1]}.`,
        itemCodes: ['PROFESSIONALISM'],
        decidedOn: '2026-06-10',
        standing: {
          regulator: 'SOCIAL_WORK_ENGLAND',
          registrationNumber: assessor.user.registrationNumber!,
          qualification: 'PEPS_STAGE_2',
        },
      });
    }
    const nqswRow = nqsws[0]!;
    const otherOrg = await createOrganisation(ctx.dataSource, { name: 'Southshire Council' });
    const otherPsw = await createMember(ctx.dataSource, otherOrg.id, ['PRINCIPAL_SOCIAL_WORKER']);
    as.psw = await login(ctx.app, psw.email);
    as.nqsw = await login(ctx.app, nqswRow.email);
    as.assessor = await login(ctx.app, assessors[0]!.email);
    as.otherPsw = await login(ctx.app, otherPsw.email);
  });
  afterEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const draw = (input: Record<string, unknown>, session: Session = as.psw) =>
    gql<{ drawModerationPack: Pack }>(ctx.app, DRAW, { input }, { as: session });
  const download = (packId: string, session: Session) =>
    request(ctx.app.getHttpServer())
      .get(`/moderation-packs/${packId}/portfolios.zip`)
      .set('authorization', `Bearer ${session.accessToken}`)
      .buffer(true)
      .parse(binary);
  const counts = async () => {
    const [row] = await ctx.dataSource.query(
      `SELECT (SELECT count(*)::int FROM moderation_pack) AS packs,
              (SELECT count(*)::int FROM audit_event WHERE action LIKE 'MODERATION_%') AS audits`,
    );
    return row as { packs: number; audits: number };
  };
  const storedSample = async (packId: string) =>
    (
      await ctx.dataSource.query(`SELECT asye_ids::text[] AS ids FROM moderation_pack WHERE id = $1`, [
        packId,
      ])
    )[0].ids as string[];

  it('should draw a random pack that the same seed draws again, and list and read it by labels only', async () => {
    const first = await draw({ size: 3, method: 'RANDOM', seed: 424242 });
    expect(first.errors).toBeUndefined();
    const pack = first.data!.drawModerationPack;
    expect(pack).toMatchObject({ method: 'RANDOM', seed: 424242, size: 3, eligibleCount: 6 });
    expect(pack.portfolios.map((p) => p.label)).toEqual([
      'Practitioner A',
      'Practitioner B',
      'Practitioner C',
    ]);
    const again = (await draw({ size: 3, method: 'RANDOM', seed: 424242 })).data!.drawModerationPack;
    expect(again.portfolios).toEqual(pack.portfolios);
    expect(await storedSample(again.id)).toEqual(await storedSample(pack.id));

    const read = await gql<{ moderationPack: Pack }>(ctx.app, PACK, { id: pack.id }, { as: as.psw });
    expect(read.data!.moderationPack).toEqual({
      id: pack.id,
      size: 3,
      seed: 424242,
      portfolios: pack.portfolios,
    });
    const list = await gql<{ moderationPacks: Pack[] }>(ctx.app, PACKS, {}, { as: as.psw });
    expect(list.data!.moderationPacks.map((p) => p.id).sort()).toEqual([pack.id, again.id].sort());
    const body = JSON.stringify([read, list]);
    for (const [name, registration] of [...NQSWS, ...ASSESSORS]) {
      expect(body).not.toContain(name);
      expect(body).not.toContain(registration);
    }
    const [audit] = await ctx.dataSource.query(
      `SELECT actor_role, entity_id, changes FROM audit_event WHERE action = 'MODERATION_PACK_DRAWN' AND entity_id = $1`,
      [pack.id],
    );
    expect(audit).toMatchObject({
      actor_role: 'PRINCIPAL_SOCIAL_WORKER',
      changes: { seed: 424242, size: 3 },
    });
  });

  it('should draw a stratified pack with every assessor in it, and filter by when the ASYE started', async () => {
    const res = await draw({ size: 4, method: 'STRATIFIED_BY_ASSESSOR' });
    expect(res.errors).toBeUndefined();
    const pack = res.data!.drawModerationPack;
    expect(new Set(pack.portfolios.map((p) => p.assessorLabel))).toEqual(
      new Set(['Assessor 1', 'Assessor 2', 'Assessor 3']),
    );
    expect(pack.seed).toBeGreaterThanOrEqual(0);
    // Started 2025-09-01 (NQSWs 1 and 4) only.
    const cohort = await draw({
      size: 2,
      method: 'RANDOM',
      startedFrom: '2025-09-01',
      startedTo: '2025-09-30',
    });
    expect(cohort.data!.drawModerationPack).toMatchObject({
      eligibleCount: 2,
      cohortStartedFrom: '2025-09-01',
      cohortStartedTo: '2025-09-30',
    });
  });

  it('should ask the access policy for the whole cohort at once: drawing from six NQSWs costs what drawing from two does', async () => {
    const whole = await countStatements(() => draw({ size: 2, method: 'RANDOM', seed: 5 }));
    const narrow = await countStatements(() =>
      draw({ size: 2, method: 'RANDOM', seed: 5, startedFrom: '2025-09-01', startedTo: '2025-09-30' }),
    );
    expect(whole.result.data!.drawModerationPack.eligibleCount).toBe(6);
    expect(narrow.result.data!.drawModerationPack.eligibleCount).toBe(2);
    expect(whole.statements.length).toBe(narrow.statements.length);
    const reads = await countStatements(() =>
      gql<{ moderationPacks: Pack[] }>(ctx.app, PACKS, {}, { as: as.psw }),
    );
    expect(reads.result.data!.moderationPacks).toHaveLength(2);
    expect(reads.statements.length).toBeLessThanOrEqual(whole.statements.length);
  });

  it('should download each sampled portfolio as a PDF with no real name, registration number or identifier, and the same placeholders throughout', async () => {
    const pack = (await draw({ size: 4, method: 'STRATIFIED_BY_ASSESSOR', seed: 7 })).data!
      .drawModerationPack;
    const res = await download(pack.id, as.psw);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="moderation-pack-2026-07-01.zip"');
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    expect(Object.keys(files)).toEqual([
      'practitioner-a.pdf',
      'practitioner-b.pdf',
      'practitioner-c.pdf',
      'practitioner-d.pdf',
    ]);

    const texts: string[] = [];
    for (const [i, name] of Object.keys(files).entries()) {
      const pages = await pdfPages(Buffer.from(files[name]!));
      const text = pages.join('\n');
      texts.push(text);
      const label = pack.portfolios[i]!;
      expect(pages[0]).toContain(label.label);
      expect(pages[0]).toContain(`Registration: Social Work England [registration of ${label.label}]`);
      expect(pages[0]).toContain('Anonymised for moderation');
      expect(text).toContain(
        `I, ${label.label}, visited the family at [postcode A] with ${label.assessorLabel}.`,
      );
      expect(text).toContain('NHS number [NHS number A] was on the plan; born [date of birth A].');
      expect(text).toContain(
        `${label.label} learnt to call the school on [phone number A] before the visit. Colleague 1 agreed.`,
      );
      expect(text).toContain(
        `I now write to [email address A] as well. Registration [registration of ${label.label}] noted by ${label.assessorLabel}.`,
      );
      expect(text).toContain(
        `Approved on 2026-06-10 by ${label.assessorLabel} (ASYE assessor; qualification: PEPS_STAGE_2; [registration of ${label.assessorLabel}]).`,
      );
      expect(text).not.toMatch(/Verification code/);
      pages.forEach((page, n) =>
        expect(page).toMatch(new RegExp(`^${label.label} · portfolio generated 2026-07-01 · page ${n + 1} `)),
      );
    }
    const all = texts.join('\n');
    const people = [...NQSWS, ...ASSESSORS, [manager.user.fullName, manager.user.registrationNumber!]];
    for (const [name, registration] of people) {
      for (const part of name.split(/[\s-]+/).filter((p) => p.length >= 3)) {
        expect(all).not.toMatch(new RegExp(`(?<![\\p{L}])${part}(?![\\p{L}])`, 'iu'));
      }
      expect(all).not.toContain(registration);
    }
    for (const identifier of IDENTIFIERS) expect(all).not.toContain(identifier);

    const audits = await ctx.dataSource.query(
      `SELECT changes FROM audit_event WHERE action = 'MODERATION_PACK_DOWNLOADED' AND entity_id = $1`,
      [pack.id],
    );
    expect(audits).toEqual([{ changes: { portfolios: 4 } }]);
  }, 60_000);

  it.each([
    ['a size of 0', { size: 0 }, 'BAD_USER_INPUT', undefined, 'input.size'],
    ['more than match', { size: 7 }, 'BAD_USER_INPUT', 'MODERATION_SAMPLE_TOO_LARGE', 'input.size'],
    ['an unknown method', { size: 1, method: 'BY_TEAM' }, 'BAD_USER_INPUT', undefined, undefined],
    [
      'a day that does not exist',
      { size: 1, startedFrom: '2026-02-30' },
      'BAD_USER_INPUT',
      undefined,
      'input.startedFrom',
    ],
    [
      'a cohort that ends before it starts',
      { size: 1, startedFrom: '2026-01-01', startedTo: '2025-01-01' },
      'BAD_USER_INPUT',
      'INVALID_DATE_RANGE',
      'input.startedTo',
    ],
    ['a seed out of range', { size: 1, seed: -1 }, 'BAD_USER_INPUT', undefined, 'input.seed'],
  ])('should refuse %s, naming the field, and write nothing', async (_, input, code, domainCode, field) => {
    const before = await counts();
    const res = await draw({ method: 'RANDOM', ...input });
    expect(res.data?.drawModerationPack ?? null).toBeNull();
    const got = refusal(res);
    expect(got.code).toBe(code);
    if (domainCode) expect(got.domainCode).toBe(domainCode);
    if (field) expect(got.field).toBe(field);
    expect(await counts()).toEqual(before);
  });

  it('should let neither a practitioner, an assessor nor another organisation’s PSW draw, read or download a pack', async () => {
    const pack = (await draw({ size: 2, method: 'RANDOM' })).data!.drawModerationPack;
    const before = await counts();
    for (const session of [as.nqsw, as.assessor]) {
      expect(refusal(await draw({ size: 1 }, session))).toEqual({
        code: 'FORBIDDEN',
        domainCode: 'ACCESS_DENIED',
        field: 'input',
      });
    }
    // Another organisation's PSW draws only from their own organisation, where no ASYE matches.
    expect(refusal(await draw({ size: 1 }, as.otherPsw))).toMatchObject({
      domainCode: 'MODERATION_SAMPLE_TOO_LARGE',
      field: 'input.size',
    });
    expect(await counts()).toEqual(before);

    const unknown = '00000000-0000-4000-8000-00000000dead';
    const answer = async (id: string, session: Session) => {
      const res = await gql(ctx.app, PACK, { id }, { as: session });
      return JSON.stringify({ data: res.data, errors: res.errors?.map((e) => ({ ...e, path: e.path })) });
    };
    const zip = async (id: string, session: Session) => {
      const res = await download(id, session);
      return JSON.stringify({ status: res.status, body: JSON.parse((res.body as Buffer).toString()) });
    };
    for (const session of [as.nqsw, as.assessor, as.otherPsw]) {
      expect(await answer(pack.id, session)).toBe(await answer(unknown, session));
      expect(await zip(pack.id, session)).toBe(await zip(unknown, session));
      expect(
        (await gql<{ moderationPacks: Pack[] }>(ctx.app, PACKS, {}, { as: session })).data!.moderationPacks,
      ).toEqual([]);
    }
    expect(JSON.parse(await zip(pack.id, as.nqsw))).toMatchObject({
      status: 404,
      body: { error: { code: 'NOT_FOUND', domainCode: 'MODERATION_PACK_NOT_FOUND' } },
    });
    expect(await counts()).toEqual(before);
  });
});
