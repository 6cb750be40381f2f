import fc from 'fast-check';
import { compareRemapCoverage } from './compare-remap-coverage.js';
import { countDerivedCoverage, type DerivedCoverageRow } from './count-derived-coverage.js';
import { EVIDENCE_STATUSES, MAPPING_DECISIONS } from './portfolio.types.js';
import type { RemapCoverageDerived, RemapCoverageMapping } from './remap.types.js';

const approved = (itemId: string, over: Partial<RemapCoverageMapping> = {}): RemapCoverageMapping => ({
  ownerUserId: 'u1',
  itemId,
  status: 'APPROVED',
  decision: 'ACCEPTED',
  newest: true,
  newestApproved: true,
  ...over,
});
const derived = (itemId: string, over: Partial<RemapCoverageDerived> = {}): RemapCoverageDerived => ({
  ...approved(itemId),
  via: 'exactMatchOf',
  planned: true,
  ...over,
});

describe('compareRemapCoverage', () => {
  it('should count a judged original before and after, and a planned carried mapping after only', () => {
    const sut = compareRemapCoverage([approved('b1')], [derived('b2')]).get('u1')!;
    expect([...sut.approvedBefore]).toEqual(['b1']);
    expect([...sut.approvedAfter].sort()).toEqual(['b1', 'b2']);
    expect(sut.plannedDerived).toBe(1);
  });

  it('should count a mapping an earlier run carried already as coverage now', () => {
    const sut = compareRemapCoverage([], [derived('b2', { planned: false })]).get('u1')!;
    expect([...sut.approvedBefore]).toEqual(['b2']);
    expect(sut.plannedDerived).toBe(0);
  });

  it.each<[string, Partial<RemapCoverageDerived>]>([
    ['replacedBy from an accepted mapping', { via: 'replacedBy' }],
    ['exactMatchOf from a submission', { status: 'SUBMITTED', decision: null, newestApproved: false }],
    ['exactMatchOf from a mapping not accepted', { decision: 'NOT_ACCEPTED' }],
  ])('should show %s as unjudged, never approved', (_name, over) => {
    const sut = compareRemapCoverage([], [derived('b3', over)]).get('u1')!;
    expect(sut.approvedAfter.size).toBe(0);
    expect([...sut.unjudgedAfter]).toEqual(['b3']);
  });

  it('should not count a judged original of an older approved version, nor show an old version’s derived mapping', () => {
    const old = { newest: false, newestApproved: false };
    const sut = compareRemapCoverage(
      [approved('b1', old)],
      [derived('b2', { ...old, via: 'replacedBy' })],
    ).get('u1')!;
    expect(sut.approvedBefore.size + sut.approvedAfter.size + sut.unjudgedAfter.size).toBe(0);
  });

  it('should not call an item unjudged when approved evidence covers it', () => {
    const sut = compareRemapCoverage([approved('b1')], [derived('b1', { via: 'replacedBy' })]).get('u1')!;
    expect(sut.unjudgedAfter.size).toBe(0);
  });

  it('should never take coverage away, and add only what a carried planned mapping brings', () => {
    const state = {
      ownerUserId: fc.constantFrom('u1', 'u2'),
      itemId: fc.constantFrom('b1', 'b2', 'b3'),
      status: fc.constantFrom(...EVIDENCE_STATUSES),
      decision: fc.constantFrom(null, ...MAPPING_DECISIONS),
      newest: fc.boolean(),
      newestApproved: fc.boolean(),
    };
    fc.assert(
      fc.property(
        fc.array(fc.record(state), { maxLength: 8 }),
        fc.array(
          fc.record({
            ...state,
            via: fc.constantFrom('exactMatchOf' as const, 'replacedBy' as const),
            planned: fc.boolean(),
          }),
          { maxLength: 8 },
        ),
        (originals, derivedMappings) => {
          for (const [userId, sut] of compareRemapCoverage(originals, derivedMappings)) {
            for (const item of sut.approvedBefore) expect(sut.approvedAfter.has(item)).toBe(true);
            for (const item of sut.approvedAfter) {
              if (sut.approvedBefore.has(item)) continue;
              expect(
                derivedMappings.some(
                  (d) =>
                    d.ownerUserId === userId &&
                    d.itemId === item &&
                    d.planned &&
                    d.via === 'exactMatchOf' &&
                    d.status === 'APPROVED' &&
                    d.newestApproved &&
                    (d.decision === 'ACCEPTED' || d.decision === 'ACCEPTED_AT_OTHER_LEVEL'),
                ),
              ).toBe(true);
            }
            for (const item of sut.unjudgedAfter) expect(sut.approvedAfter.has(item)).toBe(false);
          }
        },
      ),
    );
  });
});

describe('countDerivedCoverage', () => {
  const row = (over: Partial<DerivedCoverageRow>): DerivedCoverageRow => ({
    itemCode: 'N1',
    evidenceId: 'e1',
    status: 'APPROVED',
    decision: 'ACCEPTED',
    via: 'exactMatchOf',
    ...over,
  });

  it('should count pieces, carried apart from unjudged, and a carried piece once', () => {
    const sut = countDerivedCoverage([
      row({}),
      row({ via: 'replacedBy' }), // the same piece, through another link: carried wins
      row({ evidenceId: 'e2', via: 'replacedBy' }),
      row({ evidenceId: 'e3', status: 'SUBMITTED', decision: null }),
      row({ itemCode: 'N2', evidenceId: 'e2', decision: 'NOT_ACCEPTED' }),
    ]);
    expect(Object.fromEntries(sut)).toEqual({
      N1: { carried: 1, unjudged: 2 },
      N2: { carried: 0, unjudged: 1 },
    });
  });
});
