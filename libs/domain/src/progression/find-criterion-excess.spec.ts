import { findCriterionExcess as sut } from './find-criterion-excess.js';
import { MAX_CRITERION_DEPTH, MAX_CRITERION_SIZE } from './progression.types.js';

const leaf = { type: 'CPD_COMPLIANCE', registrationYears: 1 };
/** `depth` criteria, each the only child of the one above. */
const chain = (depth: number): unknown => {
  let node: unknown = leaf;
  for (let i = 1; i < depth; i += 1) node = { type: 'ALL_OF', criteria: [node] };
  return node;
};
/** A group of `width` groups of `leaves` leaves each: 1 + width + width * leaves criteria. */
const wide = (width: number, leaves: number) => ({
  type: 'ANY_OF',
  criteria: Array.from({ length: width }, () => ({
    type: 'ALL_OF',
    criteria: Array.from({ length: leaves }, () => leaf),
  })),
});

describe('findCriterionExcess', () => {
  it('should hold the limits the routes are saved under', () => {
    expect([MAX_CRITERION_DEPTH, MAX_CRITERION_SIZE]).toEqual([8, 200]);
  });

  it.each<[string, unknown]>([
    ['one criterion', leaf],
    ['criteria nested to the depth limit', chain(MAX_CRITERION_DEPTH)],
    ['196 criteria in groups of groups', wide(39, 4)],
    ['exactly 200 criteria', { type: 'ALL_OF', criteria: Array.from({ length: 199 }, () => leaf) }],
    ['a value that is no criterion at all (left to validation)', null],
    ['a criterion whose children are not a list', { type: 'ALL_OF', criteria: 'many' }],
  ])('should find nothing wrong with %s', (_label, criterion) => {
    expect(sut(criterion)).toBeNull();
  });

  it('should name the first criterion one level too deep, by its path below the root', () => {
    expect(sut(chain(MAX_CRITERION_DEPTH + 1))).toEqual({
      reason: 'TOO_DEEP',
      at: '.criteria[0]'.repeat(MAX_CRITERION_DEPTH),
      maxDepth: MAX_CRITERION_DEPTH,
    });
  });

  it('should name the first too-deep criterion in document order', () => {
    const tree = {
      type: 'ALL_OF',
      criteria: [leaf, chain(3), { type: 'ANY_OF', criteria: [leaf, chain(4)] }],
    };
    expect(sut(tree, { maxDepth: 4, maxSize: 100 })).toEqual({
      reason: 'TOO_DEEP',
      at: '.criteria[2].criteria[1].criteria[0].criteria[0]',
      maxDepth: 4,
    });
  });

  it('should count every criterion, groups included', () => {
    expect(sut({ type: 'ALL_OF', criteria: Array.from({ length: 200 }, () => leaf) })).toEqual({
      reason: 'TOO_LARGE',
      maxSize: MAX_CRITERION_SIZE,
    });
    expect(sut(wide(40, 4))).toEqual({ reason: 'TOO_LARGE', maxSize: MAX_CRITERION_SIZE });
    expect(sut(wide(2, 2), { maxDepth: 8, maxSize: 6 })).toEqual({ reason: 'TOO_LARGE', maxSize: 6 });
    expect(sut(wide(2, 2), { maxDepth: 8, maxSize: 7 })).toBeNull();
  });

  it('should count children under a criterion of any type, since the client may send them', () => {
    expect(sut({ ...leaf, criteria: [leaf, leaf] }, { maxDepth: 8, maxSize: 2 })).toEqual({
      reason: 'TOO_LARGE',
      maxSize: 2,
    });
  });

  it('should measure a tree far deeper than the stack allows, without recursing', () => {
    expect(sut(chain(200_000))).toMatchObject({ reason: 'TOO_DEEP' });
    expect(sut(chain(200_000), { maxDepth: 300_000, maxSize: 300_000 })).toBeNull();
  });
});
