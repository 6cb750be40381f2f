import type { CriterionOutcome, CriterionType } from './progression.types.js';
import { measureCloseness as sut } from './measure-closeness.js';

function leaf(current: number, required: number, met = current >= required): CriterionOutcome {
  return {
    type: 'MIN_POST_QUALIFYING_MONTHS',
    label: '',
    met,
    progress: { current, required, unit: 'MONTHS' },
    gap: met ? null : 'gap',
    parts: [],
    children: [],
  };
}

function group(type: CriterionType, children: CriterionOutcome[]): CriterionOutcome {
  const met = type === 'ALL_OF' ? children.every((c) => c.met) : children.some((c) => c.met);
  return {
    type,
    label: '',
    met,
    progress: { current: 0, required: 0, unit: 'CRITERIA' },
    gap: null,
    parts: [],
    children,
  };
}

describe('measureCloseness', () => {
  it.each<[string, CriterionOutcome, number]>([
    ['a met leaf', leaf(30, 24), 1],
    ['a leaf halfway', leaf(12, 24), 0.5],
    ['a leaf with nothing yet', leaf(0, 24), 0],
    ['ALL_OF as the mean of its children', group('ALL_OF', [leaf(24, 24), leaf(0, 24), leaf(12, 24)]), 0.5],
    ['ANY_OF as the best of its children', group('ANY_OF', [leaf(6, 24), leaf(18, 24)]), 0.75],
    ['a met ANY_OF', group('ANY_OF', [leaf(0, 24), leaf(24, 24)]), 1],
    ['nested groups', group('ALL_OF', [leaf(24, 24), group('ANY_OF', [leaf(0, 4), leaf(2, 4)])]), 0.75],
  ])('should score %s', (_label, outcome, expected) => {
    expect(sut(outcome)).toBeCloseTo(expected, 12);
  });

  it('should stay below 1 for an unmet outcome whatever its progress says', () => {
    expect(sut(leaf(24, 24, false))).toBeLessThan(1);
  });
});
