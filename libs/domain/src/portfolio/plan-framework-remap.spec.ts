import fc from 'fast-check';
import { DomainError } from '../errors.js';
import { derivedMappingStanding } from './derived-mapping-standing.js';
import { planFrameworkRemap } from './plan-framework-remap.js';
import { EVIDENCE_STATUSES, MAPPING_DECISIONS } from './portfolio.types.js';
import type { PlanFrameworkRemapInput, RemapLinkCandidate, RemapSourceMapping } from './remap.types.js';

const A = ['a1', 'a2', 'a3'];
const B = ['b1', 'b2', 'b3'];

const link = (
  fromItemId: string,
  toItemId: string,
  type = 'replacedBy',
  confirmed = true,
): RemapLinkCandidate => ({
  fromItemId,
  toItemId,
  type,
  confirmed,
});
const source = (mappingId: string, itemId: string, evidenceVersionId = 'v1'): RemapSourceMapping => ({
  mappingId,
  evidenceVersionId,
  itemId,
});
const input = (over: Partial<PlanFrameworkRemapInput>): PlanFrameworkRemapInput => ({
  fromVersionId: 'A',
  toVersionId: 'B',
  fromItemIds: A,
  toItemIds: B,
  links: [link('a1', 'b1')],
  sources: [],
  originalTargets: new Map(),
  ...over,
});

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('planFrameworkRemap', () => {
  it('should refuse the same version on both sides, on the field of the version remapped to', () => {
    const sut = refusal(() => planFrameworkRemap(input({ toVersionId: 'A' }), 'input.'));
    expect(sut.code).toBe('FRAMEWORK_REMAP_SAME_VERSION');
    expect(sut.field).toBe('input.toVersion');
  });

  it.each<[string, RemapLinkCandidate[]]>([
    ['no links at all', []],
    ['only an unconfirmed link', [link('a1', 'b1', 'replacedBy', false)]],
    ['only a type a remap does not follow', [link('a1', 'b1', 'isRelatedTo')]],
    ['a replacedBy pointing backwards', [link('b1', 'a1', 'replacedBy')]],
    ['links to another version only', [link('a1', 'c1', 'exactMatchOf'), link('c1', 'a1', 'exactMatchOf')]],
  ])('should refuse a remap with %s as FRAMEWORK_REMAP_NO_LINKS', (_name, links) => {
    const sut = refusal(() => planFrameworkRemap(input({ links })));
    expect(sut.code).toBe('FRAMEWORK_REMAP_NO_LINKS');
    expect(sut.field).toBe('toVersion');
  });

  it('should derive one mapping per target and keep the source mapping id', () => {
    const sut = planFrameworkRemap(
      input({
        links: [link('a1', 'b2'), link('a1', 'b1')],
        sources: [source('m1', 'a1')],
      }),
    );
    expect(sut.derived).toEqual([
      { sourceMappingId: 'm1', evidenceVersionId: 'v1', toItemId: 'b1', via: 'replacedBy' },
      { sourceMappingId: 'm1', evidenceVersionId: 'v1', toItemId: 'b2', via: 'replacedBy' },
    ]);
    expect(sut.unmapped).toEqual([]);
  });

  it('should follow exactMatchOf stated by the new version’s items (a CASE package of the new version)', () => {
    const sut = planFrameworkRemap(
      input({ links: [link('b3', 'a2', 'exactMatchOf')], sources: [source('m1', 'a2')] }),
    );
    expect(sut.links).toEqual([{ fromItemId: 'a2', toItemId: 'b3', via: 'exactMatchOf' }]);
    expect(sut.derived.map((d) => [d.toItemId, d.via])).toEqual([['b3', 'exactMatchOf']]);
  });

  it('should list the links followed in framework order, whatever order they are read in', () => {
    const sut = planFrameworkRemap(input({ links: [link('a3', 'b1'), link('a1', 'b3'), link('a1', 'b2')] }));
    expect(sut.links.map((l) => [l.fromItemId, l.toItemId])).toEqual([
      ['a1', 'b2'],
      ['a1', 'b3'],
      ['a3', 'b1'],
    ]);
  });

  it('should prefer exactMatchOf when both types join the same pair, in either order', () => {
    for (const links of [
      [link('a1', 'b1', 'replacedBy'), link('a1', 'b1', 'exactMatchOf')],
      [link('b1', 'a1', 'exactMatchOf'), link('a1', 'b1', 'replacedBy')],
    ]) {
      expect(planFrameworkRemap(input({ links })).links).toEqual([
        { fromItemId: 'a1', toItemId: 'b1', via: 'exactMatchOf' },
      ]);
    }
  });

  it('should report a source mapping with no target as unmapped, and items with no target', () => {
    const sut = planFrameworkRemap(
      input({ links: [link('a1', 'b1')], sources: [source('m1', 'a1'), source('m2', 'a2')] }),
    );
    expect(sut.unmapped).toEqual([source('m2', 'a2')]);
    expect(sut.itemsWithoutTarget).toEqual(['a2', 'a3']);
  });

  it('should not derive a mapping the evidence version already has itself (the original stands)', () => {
    const sut = planFrameworkRemap(
      input({
        links: [link('a1', 'b1'), link('a2', 'b1'), link('a2', 'b2')],
        sources: [source('m1', 'a1'), source('m2', 'a2')],
        originalTargets: new Map([['v1', new Set(['b1'])]]),
      }),
    );
    expect(sut.alreadyMapped).toEqual([source('m1', 'a1')]);
    expect(sut.derived.map((d) => [d.sourceMappingId, d.toItemId])).toEqual([['m2', 'b2']]);
  });

  it('should give two mappings merged into one item a derived mapping each', () => {
    const sut = planFrameworkRemap(
      input({
        links: [link('a1', 'b1'), link('a2', 'b1')],
        sources: [source('m1', 'a1'), source('m2', 'a2')],
      }),
    );
    expect(sut.derived.map((d) => d.sourceMappingId)).toEqual(['m1', 'm2']);
  });

  it('should ignore a source mapping counted twice and one to an item of another version', () => {
    const sut = planFrameworkRemap(
      input({ sources: [source('m1', 'a1'), source('m1', 'a1'), source('m9', 'zz')] }),
    );
    expect(sut.derived).toHaveLength(1);
    expect(sut.unmapped).toEqual([]);
  });
});

describe('derivedMappingStanding', () => {
  it.each([
    ['exactMatchOf', 'APPROVED', 'ACCEPTED', 'CARRIED'],
    ['exactMatchOf', 'APPROVED', 'ACCEPTED_AT_OTHER_LEVEL', 'CARRIED'],
    ['exactMatchOf', 'APPROVED', 'NOT_ACCEPTED', 'UNJUDGED'],
    ['exactMatchOf', 'APPROVED', null, 'UNJUDGED'],
    ['exactMatchOf', 'SUBMITTED', null, 'UNJUDGED'],
    ['exactMatchOf', 'DRAFT', null, 'UNJUDGED'],
    ['exactMatchOf', 'CHANGES_REQUESTED', 'ACCEPTED', 'UNJUDGED'],
    ['replacedBy', 'APPROVED', 'ACCEPTED', 'UNJUDGED'],
    ['replacedBy', 'APPROVED', 'ACCEPTED_AT_OTHER_LEVEL', 'UNJUDGED'],
  ] as const)('should take %s from a %s mapping decided %s as %s', (via, status, decision, expected) => {
    expect(derivedMappingStanding({ via, status, decision })).toBe(expected);
  });
});

describe('planFrameworkRemap properties', () => {
  const FROM = ['a0', 'a1', 'a2', 'a3', 'a4'];
  const TO = ['b0', 'b1', 'b2', 'b3'];
  const anyItem = fc.constantFrom(...FROM, ...TO, 'c0');
  const arbitraryInput = fc
    .record({
      links: fc.array(
        fc.record({
          fromItemId: anyItem,
          toItemId: anyItem,
          type: fc.constantFrom('exactMatchOf', 'replacedBy', 'isRelatedTo', 'precedes'),
          confirmed: fc.boolean(),
        }),
        { maxLength: 12 },
      ),
      sources: fc.array(
        fc.record({
          mappingId: fc.integer({ min: 0, max: 30 }).map((n) => `m${n}`),
          evidenceVersionId: fc.constantFrom('v0', 'v1', 'v2'),
          itemId: fc.constantFrom(...FROM),
          status: fc.constantFrom(...EVIDENCE_STATUSES),
          decision: fc.constantFrom(null, ...MAPPING_DECISIONS),
        }),
        { maxLength: 20 },
      ),
      originals: fc.array(fc.tuple(fc.constantFrom('v0', 'v1', 'v2'), fc.constantFrom(...TO)), {
        maxLength: 4,
      }),
    })
    // One mapping id is one mapping: the same id never names two items.
    .map((r) => ({
      ...r,
      sources: [...new Map(r.sources.map((s) => [s.mappingId, s])).values()],
    }));

  type Generated = typeof arbitraryInput extends fc.Arbitrary<infer T> ? T : never;
  const plan = (r: Generated) => {
    const originalTargets = new Map<string, Set<string>>();
    for (const [v, item] of r.originals)
      originalTargets.set(v, (originalTargets.get(v) ?? new Set()).add(item));
    try {
      return planFrameworkRemap({
        fromVersionId: 'A',
        toVersionId: 'B',
        fromItemIds: FROM,
        toItemIds: TO,
        links: r.links,
        sources: r.sources,
        originalTargets,
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'FRAMEWORK_REMAP_NO_LINKS') return null;
      throw error;
    }
  };

  it('should account for every source mapping exactly once: derived, already mapped, or reported unmapped', () => {
    fc.assert(
      fc.property(arbitraryInput, (r) => {
        const sut = plan(r);
        if (sut === null) return;
        const derivedFrom = new Set(sut.derived.map((d) => d.sourceMappingId));
        for (const s of r.sources) {
          const places = [
            derivedFrom.has(s.mappingId),
            sut.alreadyMapped.some((x) => x.mappingId === s.mappingId),
            sut.unmapped.some((x) => x.mappingId === s.mappingId),
          ].filter(Boolean);
          expect(places).toHaveLength(1);
        }
      }),
    );
  });

  it('should derive only onto the target version, along a confirmed link, never onto an item the version maps to itself', () => {
    fc.assert(
      fc.property(arbitraryInput, (r) => {
        const sut = plan(r);
        if (sut === null) return;
        const keys = new Set<string>();
        for (const d of sut.derived) {
          expect(TO).toContain(d.toItemId);
          expect(sut.links).toContainEqual({
            fromItemId: r.sources.find((s) => s.mappingId === d.sourceMappingId)!.itemId,
            toItemId: d.toItemId,
            via: d.via,
          });
          expect(r.originals).not.toContainEqual([d.evidenceVersionId, d.toItemId]);
          const key = `${d.sourceMappingId} ${d.toItemId}`;
          expect(keys.has(key)).toBe(false);
          keys.add(key);
        }
      }),
    );
  });

  it('should never add a mapping signed off at a level, nor carry a judgement the source does not hold', () => {
    fc.assert(
      fc.property(arbitraryInput, (r) => {
        const sut = plan(r);
        if (sut === null) return;
        const judgedBefore = r.sources.filter(
          (s) => s.status === 'APPROVED' && s.decision !== null && s.decision !== 'NOT_ACCEPTED',
        ).length;
        let carried = 0;
        for (const d of sut.derived) {
          expect(Object.keys(d).sort()).toEqual(['evidenceVersionId', 'sourceMappingId', 'toItemId', 'via']);
          const s = r.sources.find((x) => x.mappingId === d.sourceMappingId)!;
          if (derivedMappingStanding({ via: d.via, status: s.status, decision: s.decision }) === 'CARRIED') {
            expect(d.via).toBe('exactMatchOf');
            carried += 1;
          }
        }
        // A carried judgement is one a reviewer made: at most one per judged source and target.
        expect(carried).toBeLessThanOrEqual(judgedBefore * TO.length);
      }),
    );
  });
});
