import { CPD_RULE_SETS, cpdComplianceHistory, evaluateCpdCompliance } from '#app/domain';
import {
  ComplianceFactsRepository,
  EligibilityFactsRepository,
  FrameworkRepository,
  type MemberFacts,
  type OrganisationEntity,
} from '#app/persistence';
import { createMember, createOrganisation, type CreatedMember } from '#app/testing';
import { toCpdComplianceFacts } from '../../apps/api/src/modules/compliance/cpd-facts.mapper.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { insertPiece } from './support/sharing-fixtures.js';

/**
 * The organisation-wide reads that ship less than the rows they stand for (CPD text cut to what the
 * rules read, approved evidence grouped per practitioner in SQL) give the pure rules the same answer
 * as the plain reads on the same data.
 */
describe('reads for the rules (e2e)', () => {
  const now = new Date('2026-07-01T12:00:00Z');
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let practitioner: CreatedMember;
  let other: CreatedMember;
  let reviewer: CreatedMember;
  let member: MemberFacts;

  beforeAll(async () => {
    ctx = await createTestApp();
    const ds = ctx.dataSource;
    org = await createOrganisation(ds);
    practitioner = await createMember(ds, org.id, ['PRACTITIONER'], { dateQualified: '2015-07-01' });
    other = await createMember(ds, org.id, ['PRACTITIONER'], { dateQualified: '2019-07-01' });
    reviewer = await createMember(ds, org.id, ['ASSESSOR']);
    const cpd = (p: Parameters<typeof insertPiece>[4], owner = practitioner) =>
      insertPiece(ds, org.id, owner.user.id, reviewer.user.id, {
        kind: 'CPD_ACTIVITY',
        status: 'DRAFT',
        itemCodes: [],
        ...p,
      });
    // Alone on their day: blank or not blank only by what trim() removes.
    await cpd({ date: '2026-01-05', title: ' \t\u00a0\u3000\ufeff ' });
    await cpd({ date: '2026-01-06', title: '\u2028 Reading group \u2029' });
    await cpd({ date: '2026-01-07', title: '\u200b', description: '\u180e' }); // neither is white space
    await cpd({ date: '2026-01-08', impact: '\u2003', peerReflection: '  \n ' });
    await cpd({ date: '2026-01-09', peerReflection: '\u202fA colleague and I talked it through.' });
    // Sharing a day: the same piece twice (case, punctuation and spacing aside), and a different one.
    await cpd({ date: '2026-02-10', title: 'Court skills', description: 'A day in court.' });
    await cpd({
      date: '2026-02-10',
      title: 'COURT  skills!',
      description: 'a day in court',
      peerReflection: 'x',
    });
    await cpd({ date: '2026-02-10', title: 'Court skills', description: 'A different day.' });
    // Last year, and someone else's.
    await cpd({ date: '2025-03-01', title: 'Older' });
    await cpd({ date: '2026-02-10', title: 'Court skills', description: 'A day in court.' }, other);
    // Approved evidence with accepted mappings; a draft's and a refused piece's do not count.
    await insertPiece(ds, org.id, practitioner.user.id, reviewer.user.id, {
      itemCodes: ['PROFESSIONALISM', 'KNOWLEDGE'],
      levelCode: 'SOCIAL_WORKER',
      date: '2026-03-01',
    });
    await insertPiece(ds, org.id, practitioner.user.id, reviewer.user.id, {
      itemCodes: ['VALUES_AND_ETHICS'],
      levelCode: 'ASYE',
      date: '2026-04-01',
    });
    await insertPiece(ds, org.id, other.user.id, reviewer.user.id, {
      itemCodes: ['KNOWLEDGE'],
      date: '2026-04-02',
    });
    await insertPiece(ds, org.id, practitioner.user.id, reviewer.user.id, {
      itemCodes: ['KNOWLEDGE'],
      status: 'CHANGES_REQUESTED',
    });
    await insertPiece(ds, org.id, practitioner.user.id, reviewer.user.id, {
      itemCodes: ['KNOWLEDGE'],
      status: 'DRAFT',
    });
    [member] = await ctx.app.get(ComplianceFactsRepository).findMembers(org.id, {
      userIds: [practitioner.user.id],
    });
  });

  afterAll(() => ctx?.close());

  const factsFrom = async (read: 'findCurrentCpdPieces' | 'findCpdPiecesForRules') => {
    const pieces = await ctx.app.get(ComplianceFactsRepository)[read](org.id, [practitioner.user.id]);
    return toCpdComplianceFacts(member, pieces, []);
  };

  it('should judge CPD on the cut text exactly as on the whole text', async () => {
    const whole = await factsFrom('findCurrentCpdPieces');
    const sut = await factsFrom('findCpdPiecesForRules');

    expect(evaluateCpdCompliance(sut, now, CPD_RULE_SETS)).toEqual(
      evaluateCpdCompliance(whole, now, CPD_RULE_SETS),
    );
    expect(cpdComplianceHistory(sut, now, 3)).toEqual(cpdComplianceHistory(whole, now, 3));
    // The data exercises both sides: blank and not-blank fields, and one identical pair merged.
    const distinct = evaluateCpdCompliance(whole, now, CPD_RULE_SETS).requirements.find(
      (r) => r.code === 'DISTINCT_PIECES',
    );
    expect(distinct?.progress.current).toBe(5); // 8 this year: 2 blank, 1 of the pair merged
  });

  it('should cut only the text of pieces alone on their day, and every peer reflection', async () => {
    const sut = await factsFrom('findCpdPiecesForRules');
    const alone = sut.pieces.filter((p) => p.date !== '2026-02-10');
    const sharing = sut.pieces.filter((p) => p.date === '2026-02-10');

    expect(alone.map((p) => p.title)).toEqual(expect.arrayContaining(['', 'R', '\u200b', 'O']));
    expect(
      alone.every((p) => [p.title, p.description, p.learning, p.impact].every((t) => t.length <= 1)),
    ).toBe(true);
    expect(sharing.map((p) => p.description).sort()).toEqual([
      'A day in court.',
      'A different day.',
      'a day in court',
    ]);
    expect(sut.pieces.map((p) => p.hasPeerReflection).filter(Boolean)).toHaveLength(2);
  });

  it('should group approved evidence per practitioner as the plain per-mapping read does', async () => {
    const catalogue = await ctx.app
      .get(FrameworkRepository)
      .findItemsByVersionIds(
        (await ctx.dataSource.query(`SELECT id FROM framework_version`)).map((v: { id: string }) => v.id),
      );
    const itemIds = catalogue.map((i) => i.id);
    const levelIds = (await ctx.dataSource.query(`SELECT id FROM framework_level ORDER BY id`)).map(
      (l: { id: string }) => l.id,
    );
    const plain: {
      user_id: string;
      evidence_id: string;
      kind: string;
      date: string;
      item: number;
      level: number;
    }[] = await ctx.dataSource.query(
      `SELECT v.owner_user_id AS user_id, v.evidence_id, v.kind, to_char(coalesce(v.date_to, v.date_from), 'YYYY-MM-DD') AS date,
                array_position($2::uuid[], m.framework_item_id) AS item,
                coalesce(array_position($3::uuid[], m.accepted_level_id), 0) AS level
           FROM (SELECT DISTINCT ON (evidence_id) * FROM evidence_version
                  WHERE organisation_id = $1 AND status = 'APPROVED' ORDER BY evidence_id, version_no DESC) v
           JOIN evidence_mapping m ON m.organisation_id = $1 AND m.evidence_version_id = v.id
          WHERE m.decision IN ('ACCEPTED', 'ACCEPTED_AT_OTHER_LEVEL')`,
      [org.id, itemIds, levelIds],
    );
    const expected = new Map<string, Map<string, { kind: string; date: string; pairs: string[] }>>();
    for (const r of plain) {
      const own = expected.get(r.user_id) ?? new Map();
      expected.set(r.user_id, own);
      const piece = own.get(r.evidence_id) ?? { kind: r.kind, date: r.date, pairs: [] };
      own.set(r.evidence_id, piece);
      piece.pairs.push(`${r.item}:${r.level}`);
    }

    const sut = await ctx.app
      .get(EligibilityFactsRepository)
      .approvedEvidence(org.id, null, itemIds, levelIds);

    const got = new Map(
      [...sut].map(([userId, pieces]) => [
        userId,
        new Map(
          pieces.map((p) => [
            p.evidenceId,
            { kind: p.kind, date: p.date, pairs: p.items.map((item, k) => `${item}:${p.levels[k]}`) },
          ]),
        ),
      ]),
    );
    const sorted = (m: typeof expected) =>
      [...m]
        .map(([u, pieces]) => [
          u,
          [...pieces].map(([e, p]) => [e, { ...p, pairs: [...p.pairs].sort() }]).sort(),
        ])
        .sort();
    expect(sorted(got)).toEqual(sorted(expected));
    expect(got.get(practitioner.user.id)?.size).toBe(2);
    expect(plain).toHaveLength(4);
  });
});
