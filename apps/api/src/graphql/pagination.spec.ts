import { InputValidationError } from './input-validation.error.js';
import { decodeCursor, encodeCursor, toConnection } from './pagination.js';

interface Row {
  id: string;
  at: number;
}
const rows = (...ids: string[]): Row[] => ids.map((id, i) => ({ id, at: i }));
const keyOf = (r: Row) => [r.at, r.id];

describe('toConnection', () => {
  it('should report a first page: nothing before, more after, cursors of its first and last item', () => {
    const page = toConnection(rows('a', 'b', 'c'), 2, keyOf, null);

    expect(page.nodes.map((r) => r.id)).toEqual(['a', 'b']);
    expect(page.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: page.edges[0]!.cursor,
      endCursor: page.edges[1]!.cursor,
    });
    expect(decodeCursor(page.pageInfo.startCursor, 2)).toEqual([0, 'a']);
    expect(decodeCursor(page.pageInfo.endCursor, 2)).toEqual([1, 'b']);
  });

  it('should report a page asked for after a cursor as having items before it', () => {
    const first = toConnection(rows('a', 'b', 'c'), 2, keyOf, null);
    const after = decodeCursor(first.pageInfo.endCursor, 2);

    const next = toConnection([{ id: 'c', at: 2 }], 2, keyOf, after);

    expect(next.nodes.map((r) => r.id)).toEqual(['c']);
    expect(next.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: encodeCursor([2, 'c']),
      endCursor: encodeCursor([2, 'c']),
    });
  });

  it('should give an empty page null cursors, and still say whether it came after a cursor', () => {
    expect(toConnection([], 20, keyOf, null).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
    expect(toConnection([], 20, keyOf, [5, 'z']).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
  });
});

describe('decodeCursor', () => {
  it('should treat a missing cursor as the first page', () => {
    expect(decodeCursor(null, 2)).toBeNull();
    expect(decodeCursor('', 2)).toBeNull();
  });

  it('should refuse a cursor of the wrong shape, naming the after argument', () => {
    for (const cursor of [encodeCursor(['x']), 'not a cursor']) {
      expect(() => decodeCursor(cursor, 2)).toThrow(InputValidationError);
      try {
        decodeCursor(cursor, 2);
      } catch (e) {
        expect((e as InputValidationError).fields.map((f) => f.field)).toEqual(['after']);
      }
    }
  });
});
