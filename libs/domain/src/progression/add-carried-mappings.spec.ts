import fc from 'fast-check';
import { MAPPING_DECISIONS } from '../portfolio/portfolio.types.js';
import { addCarriedMappings, type DerivedEvidenceFact } from './add-carried-mappings.js';
import { evaluateCriterion } from './criteria/evaluate-criterion.js';
import { PCF_DOMAINS, context, evidence, facts } from './progression.test-fixtures.js';

const onto = (itemCode: string) => ({ frameworkCode: 'PCF', version: '2018', itemCode });
const derived = (evidenceId: string, over: Partial<DerivedEvidenceFact> = {}): DerivedEvidenceFact => ({
  evidenceId,
  kind: 'CRITICAL_REFLECTION',
  date: '2025-01-15',
  via: 'exactMatchOf',
  decision: 'ACCEPTED',
  item: onto('KNOWLEDGE'),
  ...over,
});

describe('addCarriedMappings', () => {
  it('should add a carried mapping to its piece as the new item with no level', () => {
    const piece = evidence(['VALUES_AND_ETHICS'], 6);
    const [sut] = addCarriedMappings([piece], [derived(piece.evidenceId)]);
    expect(sut!.mappings.at(-1)).toEqual({
      frameworkCode: 'PCF',
      frameworkVersion: '2018',
      itemCode: 'KNOWLEDGE',
      acceptedLevelOrdinal: null,
      acceptedLevelCode: null,
    });
    expect(piece.mappings).toHaveLength(1);
  });

  it('should add a piece that had no mapping eligibility reads, with its kind and date', () => {
    const sut = addCarriedMappings([], [derived('e9', { kind: 'DIRECT_OBSERVATION', date: '2024-03-01' })]);
    expect(sut).toMatchObject([{ evidenceId: 'e9', kind: 'DIRECT_OBSERVATION', date: '2024-03-01' }]);
  });

  it.each<[string, Partial<DerivedEvidenceFact>]>([
    ['a replacedBy link', { via: 'replacedBy' }],
    ['a source not accepted', { decision: 'NOT_ACCEPTED' }],
    ['an item the organisation cannot read', { item: undefined }],
  ])('should leave out %s', (_name, over) => {
    expect(addCarriedMappings([], [derived('e1', over)])).toEqual([]);
  });

  describe('properties', () => {
    const domain = fc.constantFrom(...PCF_DOMAINS.map(([code]) => code));
    const pieces = fc.array(
      fc.record({
        domains: fc.uniqueArray(domain, { minLength: 1, maxLength: 3 }),
        level: fc.integer({ min: 1, max: 9 }),
      }),
      { maxLength: 6 },
    );
    const remapped = fc.array(
      fc.record({
        piece: fc.integer({ min: 0, max: 8 }),
        item: domain,
        via: fc.constantFrom('exactMatchOf' as const, 'replacedBy' as const),
        decision: fc.constantFrom(null, ...MAPPING_DECISIONS),
      }),
      { maxLength: 8 },
    );
    const build = (
      p: { domains: string[]; level: number }[],
      r: {
        piece: number;
        item: string;
        via: 'exactMatchOf' | 'replacedBy';
        decision: (typeof MAPPING_DECISIONS)[number] | null;
      }[],
    ) => {
      const before = p.map((x, i) => evidence(x.domains, x.level, { evidenceId: `e${i}` }));
      const after = addCarriedMappings(
        before,
        r.map((d) => derived(`e${d.piece}`, { via: d.via, decision: d.decision, item: onto(d.item) })),
      );
      return { before: facts({ approvedEvidence: before }), after: facts({ approvedEvidence: after }) };
    };

    it('should never change a criterion at a level: a carried mapping is signed off at none', () => {
      fc.assert(
        fc.property(pieces, remapped, fc.integer({ min: 1, max: 9 }), (p, r, minLevelOrdinal) => {
          const { before, after } = build(p, r);
          const criterion = {
            type: 'APPROVED_EVIDENCE' as const,
            minLevelOrdinal,
            domainCodes: 'ALL' as const,
            minPiecesPerDomain: 1,
          };
          expect(evaluateCriterion(criterion, context({ facts: after }))).toEqual(
            evaluateCriterion(criterion, context({ facts: before })),
          );
        }),
      );
    });

    it('should never lower the coverage of a framework’s items', () => {
      fc.assert(
        fc.property(pieces, remapped, (p, r) => {
          const { before, after } = build(p, r);
          const criterion = {
            type: 'FRAMEWORK_COVERAGE' as const,
            frameworkCode: 'PCF',
            version: '2018',
            minShare: 1,
          };
          const was = evaluateCriterion(criterion, context({ facts: before })).progress!.current;
          const is = evaluateCriterion(criterion, context({ facts: after })).progress!.current;
          expect(is).toBeGreaterThanOrEqual(was);
        }),
      );
    });
  });
});
