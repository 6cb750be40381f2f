import fc from 'fast-check';
import { summariseCoverage as sut } from './summarise-coverage.js';
import {
  EVIDENCE_STATUSES,
  MAPPING_DECISIONS,
  type CoverageRow,
  type MappingDecision,
} from './portfolio.types.js';

const PCF_ORDER = ['PROFESSIONALISM', 'VALUES_AND_ETHICS', 'KNOWLEDGE', 'CRITICAL_REFLECTION'];

function row(overrides: Partial<CoverageRow> = {}): CoverageRow {
  return {
    domainCode: 'PROFESSIONALISM',
    levelOrdinal: 6,
    levelCode: 'SOCIAL_WORKER',
    status: 'DRAFT',
    decision: null,
    ...overrides,
  };
}

const zero = { draft: 0, submitted: 0, approved: 0, changesRequested: 0 };

describe('summariseCoverage', () => {
  it('should return nothing for no evidence', () => {
    expect(sut([])).toEqual([]);
  });

  it.each<[string, Partial<CoverageRow>, object | null]>([
    ['a draft', { status: 'DRAFT' }, { draft: 1 }],
    ['a submission', { status: 'SUBMITTED' }, { submitted: 1 }],
    ['a submission with changes requested', { status: 'CHANGES_REQUESTED' }, { changesRequested: 1 }],
    [
      'a submission with changes requested whose mapping was not accepted',
      { status: 'CHANGES_REQUESTED', decision: 'NOT_ACCEPTED' },
      { changesRequested: 1 },
    ],
    [
      'approved evidence whose mapping was accepted',
      { status: 'APPROVED', decision: 'ACCEPTED' },
      { approved: 1 },
    ],
    [
      'approved evidence whose mapping was accepted at another level',
      { status: 'APPROVED', decision: 'ACCEPTED_AT_OTHER_LEVEL' },
      { approved: 1 },
    ],
    [
      'approved evidence whose mapping was not accepted',
      { status: 'APPROVED', decision: 'NOT_ACCEPTED' },
      null,
    ],
    ['approved evidence whose mapping has no decision', { status: 'APPROVED', decision: null }, null],
  ])('should count %s', (_label, overrides, counts) => {
    const expected =
      counts === null
        ? []
        : [
            {
              domainCode: 'PROFESSIONALISM',
              levelCode: 'SOCIAL_WORKER',
              levelOrdinal: 6,
              counts: { ...zero, ...counts },
            },
          ];
    expect(sut([row(overrides)])).toEqual(expected);
  });

  it('should add up rows per domain and level', () => {
    const rows = [
      row({ status: 'DRAFT' }),
      row({ status: 'DRAFT' }),
      row({ status: 'SUBMITTED' }),
      row({ status: 'APPROVED', decision: 'ACCEPTED' }),
      row({ status: 'APPROVED', decision: 'NOT_ACCEPTED' }),
      row({ status: 'CHANGES_REQUESTED' }),
      row({ levelCode: 'ASYE', levelOrdinal: 5 }),
    ];
    expect(sut(rows, PCF_ORDER)).toEqual([
      { domainCode: 'PROFESSIONALISM', levelCode: 'ASYE', levelOrdinal: 5, counts: { ...zero, draft: 1 } },
      {
        domainCode: 'PROFESSIONALISM',
        levelCode: 'SOCIAL_WORKER',
        levelOrdinal: 6,
        counts: { draft: 2, submitted: 1, approved: 1, changesRequested: 1 },
      },
    ]);
  });

  it('should order by the given domain order, then level ordinal, then level code', () => {
    const rows = [
      row({ domainCode: 'KNOWLEDGE', levelCode: 'STRATEGIC', levelOrdinal: 9 }),
      row({ domainCode: 'ZZ_LOCAL', levelCode: 'ASYE', levelOrdinal: 5 }),
      row({ domainCode: 'KNOWLEDGE', levelCode: 'ADVANCED_EDUCATOR', levelOrdinal: 8 }),
      row({ domainCode: 'AA_LOCAL', levelCode: 'ASYE', levelOrdinal: 5 }),
      row({ domainCode: 'PROFESSIONALISM', levelCode: 'ASYE', levelOrdinal: 5 }),
      row({ domainCode: 'KNOWLEDGE', levelCode: 'ADVANCED_ADMIN', levelOrdinal: 8 }),
    ];
    expect(sut(rows, PCF_ORDER).map((c) => `${c.domainCode}/${c.levelCode}`)).toEqual([
      'PROFESSIONALISM/ASYE',
      'KNOWLEDGE/ADVANCED_ADMIN',
      'KNOWLEDGE/ADVANCED_EDUCATOR',
      'KNOWLEDGE/STRATEGIC',
      'AA_LOCAL/ASYE',
      'ZZ_LOCAL/ASYE',
    ]);
  });

  it('should not depend on row order even when rows disagree on a level’s ordinal', () => {
    const rows = [row({ levelOrdinal: 6 }), row({ levelOrdinal: 7 })];
    expect(sut(rows)).toEqual(sut([...rows].reverse()));
    expect(sut(rows)[0]?.levelOrdinal).toBe(6);
  });

  it('should order domains by code when no domain order is given', () => {
    const rows = [row({ domainCode: 'VALUES_AND_ETHICS' }), row({ domainCode: 'KNOWLEDGE' })];
    expect(sut(rows).map((c) => c.domainCode)).toEqual(['KNOWLEDGE', 'VALUES_AND_ETHICS']);
  });

  describe('properties', () => {
    const decision = fc.option(fc.constantFrom<MappingDecision>(...MAPPING_DECISIONS), { nil: null });
    const level = fc.constantFrom(
      { levelCode: 'ASYE', levelOrdinal: 5 },
      { levelCode: 'SOCIAL_WORKER', levelOrdinal: 6 },
      { levelCode: 'ADVANCED', levelOrdinal: 8 },
    );
    const coverageRow = fc
      .record({
        domainCode: fc.constantFrom(...PCF_ORDER, 'LOCAL_A', 'LOCAL_B'),
        level,
        status: fc.constantFrom(...EVIDENCE_STATUSES),
        decision,
      })
      .map(({ level: l, ...rest }): CoverageRow => ({ ...rest, ...l }));
    const countable = (r: CoverageRow) =>
      r.status !== 'APPROVED' || r.decision === 'ACCEPTED' || r.decision === 'ACCEPTED_AT_OTHER_LEVEL';

    it('should count every countable row exactly once', () => {
      fc.assert(
        fc.property(fc.array(coverageRow, { maxLength: 60 }), (rows) => {
          const total = sut(rows, PCF_ORDER).reduce(
            (sum, { counts }) =>
              sum + counts.draft + counts.submitted + counts.approved + counts.changesRequested,
            0,
          );
          expect(total).toBe(rows.filter(countable).length);
        }),
      );
    });

    it('should give the same output whatever the order of the rows', () => {
      fc.assert(
        fc.property(
          fc
            .array(coverageRow, { maxLength: 60 })
            .chain((rows) =>
              fc.tuple(
                fc.constant(rows),
                fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
              ),
            ),
          fc.boolean(),
          ([rows, shuffled], withOrder) => {
            const order = withOrder ? PCF_ORDER : undefined;
            expect(sut(shuffled, order)).toEqual(sut(rows, order));
          },
        ),
      );
    });
  });
});
