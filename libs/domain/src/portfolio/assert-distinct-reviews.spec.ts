import { assertDistinctReviews } from './assert-distinct-reviews.js';

describe('assertDistinctReviews', () => {
  it.each([
    ['one review', ['a']],
    ['three different versions', ['a', 'b', 'c']],
  ])('should accept %s', (_label, ids) => {
    expect(() => assertDistinctReviews(ids)).not.toThrow();
  });

  it.each([
    ['a repeat next to its first', ['a', 'a'], 1, 0],
    ['a repeat further on', ['a', 'b', 'c', 'b'], 3, 1],
    ['the first of several repeats', ['a', 'b', 'a', 'b'], 2, 0],
  ])('should refuse %s, naming the repeat', (_label, ids, index, firstIndex) => {
    expect(() => assertDistinctReviews(ids)).toThrow(
      expect.objectContaining({
        code: 'DUPLICATE_REVIEW',
        field: `input.reviews[${index}].evidenceVersionId`,
        meta: { firstIndex },
      }),
    );
  });
});
