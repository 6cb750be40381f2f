import fc from 'fast-check';
import { DomainError } from '../errors.js';
import { drawModerationSample } from './draw-moderation-sample.js';
import { labelSample } from './label-sample.js';
import { SAMPLING_METHODS, type SampleCandidate } from './moderation.types.js';

const candidates = (perAssessor: Record<string, number>): SampleCandidate[] =>
  Object.entries(perAssessor).flatMap(([assessor, n]) =>
    Array.from({ length: n }, (_, i) => ({
      asyeId: `${assessor}-${String(i).padStart(3, '0')}`,
      assessorUserId: assessor,
    })),
  );

const countBy = (sample: SampleCandidate[]) => {
  const counts: Record<string, number> = {};
  for (const s of sample) counts[s.assessorUserId] = (counts[s.assessorUserId] ?? 0) + 1;
  return counts;
};

/** Candidates: up to 40 ASYEs across up to 8 assessors, ids unique. */
const pool = fc
  .array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 40 })
  .map((assessors) => assessors.map((a, i) => ({ asyeId: `asye-${i}`, assessorUserId: `assessor-${a}` })));
const drawArb = pool.chain((cs) =>
  fc.record({
    candidates: fc.constant(cs),
    size: fc.integer({ min: 1, max: cs.length }),
    method: fc.constantFrom(...SAMPLING_METHODS),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
  }),
);

describe('drawModerationSample', () => {
  it('should allocate in proportion to each assessor’s share, one at least each', () => {
    const sut = drawModerationSample(candidates({ a: 20, b: 10, c: 2 }), {
      size: 8,
      method: 'STRATIFIED_BY_ASSESSOR',
      seed: 7,
    });
    // Quotas 5, 2.5, 0.5: c gets its one, then a's and b's deficits decide the rest.
    expect(countBy(sut)).toEqual({ a: 5, b: 2, c: 1 });
  });

  it('should give one each to as many assessors as there are places when assessors outnumber them', () => {
    const sut = drawModerationSample(candidates({ a: 3, b: 3, c: 3, d: 3 }), {
      size: 2,
      method: 'STRATIFIED_BY_ASSESSOR',
      seed: 11,
    });
    expect(Object.values(countBy(sut))).toEqual([1, 1]);
  });

  it('should take every candidate when the size is the number of candidates', () => {
    const all = candidates({ a: 2, b: 1 });
    for (const method of SAMPLING_METHODS) {
      const sut = drawModerationSample(all, { size: 3, method, seed: 1 });
      expect(sut.map((s) => s.asyeId).sort()).toEqual(all.map((s) => s.asyeId).sort());
    }
  });

  it.each([
    [0, 'A sample holds at least one ASYE.'],
    [4, 'Only 3 ASYEs match: draw 3 or fewer.'],
  ])('should refuse a size of %s, naming input.size', (size, message) => {
    const refusal = () => drawModerationSample(candidates({ a: 3 }), { size, method: 'RANDOM', seed: 1 });
    expect(refusal).toThrow(new DomainError('MODERATION_SAMPLE_TOO_LARGE', message, 'input.size'));
    try {
      refusal();
    } catch (e) {
      expect((e as DomainError).field).toBe('input.size');
    }
  });

  it('should say when nothing matches', () => {
    expect(() => drawModerationSample([], { size: 1, method: 'RANDOM', seed: 1 })).toThrow(
      'No ASYE matches: widen the cohort, or draw later.',
    );
  });

  describe('properties', () => {
    it('should draw exactly the size asked, from the candidates, without duplicates', () => {
      fc.assert(
        fc.property(drawArb, ({ candidates: cs, ...request }) => {
          const sut = drawModerationSample(cs, request);
          const ids = sut.map((s) => s.asyeId);
          expect(ids).toHaveLength(request.size);
          expect(new Set(ids).size).toBe(request.size);
          const known = new Map(cs.map((c) => [c.asyeId, c.assessorUserId]));
          for (const s of sut) expect(known.get(s.asyeId)).toBe(s.assessorUserId);
        }),
        { numRuns: 300 },
      );
    });

    it('should draw the same sample from the same seed, whatever order the candidates come in', () => {
      fc.assert(
        fc.property(drawArb, fc.integer(), ({ candidates: cs, ...request }, rotation) => {
          const k = Math.abs(rotation) % cs.length;
          const reordered = [...cs.slice(k), ...cs.slice(0, k)].reverse();
          expect(drawModerationSample(reordered, request)).toEqual(drawModerationSample(cs, request));
        }),
        { numRuns: 200 },
      );
    });

    it('should represent every assessor when the size is at least the number of assessors', () => {
      fc.assert(
        fc.property(drawArb, ({ candidates: cs, size, seed }) => {
          const strata = new Set(cs.map((c) => c.assessorUserId));
          fc.pre(size >= strata.size);
          const sut = drawModerationSample(cs, { size, method: 'STRATIFIED_BY_ASSESSOR', seed });
          expect(new Set(sut.map((s) => s.assessorUserId))).toEqual(strata);
        }),
        { numRuns: 300 },
      );
    });

    it('should give no assessor more than its proportional quota rounded up, above the minimum of one', () => {
      fc.assert(
        fc.property(drawArb, ({ candidates: cs, size, seed }) => {
          const per = countBy(cs);
          fc.pre(size >= Object.keys(per).length);
          const got = countBy(drawModerationSample(cs, { size, method: 'STRATIFIED_BY_ASSESSOR', seed }));
          for (const [assessor, n] of Object.entries(per)) {
            expect(got[assessor]!).toBeLessThanOrEqual(Math.max(1, Math.ceil((size * n) / cs.length)));
          }
        }),
        { numRuns: 300 },
      );
    });

    // The minimum of one each can push a large assessor well below its quota (five of ten ASYEs, six
    // places, six assessors: one each), so the fair-share property is about moves, not a fixed bound:
    // taking a place from one assessor and giving it to another never brings both nearer their quotas.
    it('should leave no place that would sit nearer proportion with another assessor', () => {
      fc.assert(
        fc.property(drawArb, ({ candidates: cs, size, seed }) => {
          const per = countBy(cs);
          fc.pre(size >= Object.keys(per).length);
          const got = countBy(drawModerationSample(cs, { size, method: 'STRATIFIED_BY_ASSESSOR', seed }));
          const shortfall = (a: string) => (size * per[a]!) / cs.length - got[a]!;
          for (const taker of Object.keys(per)) {
            if (got[taker]! >= per[taker]!) continue;
            for (const giver of Object.keys(per)) {
              if (giver === taker || got[giver]! <= 1) continue;
              expect(shortfall(taker)).toBeLessThanOrEqual(shortfall(giver) + 1 + 1e-9);
            }
          }
        }),
        { numRuns: 300 },
      );
    });

    it('should give every assessor one place in the example where the minimum outweighs the quota', () => {
      const cs = candidates({ a: 5, b: 1, c: 1, d: 1, e: 1, f: 1 });
      const sut = drawModerationSample(cs, { size: 6, method: 'STRATIFIED_BY_ASSESSOR', seed: 0 });
      expect(countBy(sut)).toEqual({ a: 1, b: 1, c: 1, d: 1, e: 1, f: 1 });
    });

    it('should label practitioners A, B, … in drawn order and give one assessor one number', () => {
      fc.assert(
        fc.property(drawArb, ({ candidates: cs, ...request }) => {
          const labels = labelSample(drawModerationSample(cs, request));
          expect(new Set(labels.map((l) => l.practitionerLabel)).size).toBe(labels.length);
          expect(labels[0]!.practitionerLabel).toBe('Practitioner A');
          expect(labels[0]!.assessorLabel).toBe('Assessor 1');
          const byAssessor = new Map<string, Set<string>>();
          for (const l of labels) {
            byAssessor.set(
              l.assessorUserId,
              (byAssessor.get(l.assessorUserId) ?? new Set()).add(l.assessorLabel),
            );
          }
          for (const set of byAssessor.values()) expect(set.size).toBe(1);
          expect(new Set(labels.map((l) => l.assessorLabel)).size).toBe(byAssessor.size);
        }),
      );
    });
  });
});
