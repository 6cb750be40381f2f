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
    expect(decodeCursor(page.pageInfo.startCursor, ['number', 'text'])).toEqual([0, 'a']);
    expect(decodeCursor(page.pageInfo.endCursor, ['number', 'text'])).toEqual([1, 'b']);
  });

  it('should report a page asked for after a cursor as having items before it', () => {
    const first = toConnection(rows('a', 'b', 'c'), 2, keyOf, null);
    const after = decodeCursor(first.pageInfo.endCursor, ['number', 'text']);

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
    expect(decodeCursor(null, ['instant', 'uuid'])).toBeNull();
    expect(decodeCursor('', ['instant', 'uuid'])).toBeNull();
  });

  const refused = (cursor: string, shape: Parameters<typeof decodeCursor>[1]) => {
    try {
      decodeCursor(cursor, shape);
    } catch (e) {
      expect(e).toBeInstanceOf(InputValidationError);
      return (e as InputValidationError).fields.map((f) => f.field);
    }
    throw new Error(`accepted ${cursor}`);
  };

  it('should refuse a cursor of the wrong shape, naming the after argument', () => {
    for (const cursor of [encodeCursor(['x']), 'not a cursor', encodeCursor(['x', 'y', 'z'])]) {
      expect(refused(cursor, ['number', 'text'])).toEqual(['after']);
    }
  });

  it('should give back each kind of part it was asked for', () => {
    const key = [
      '2026-03-02T10:00:00.123Z',
      '2026-03-02',
      '0b1e6a2c-5d4f-4c3b-9a8e-7f6d5c4b3a21',
      '42',
      7.5,
      'Team A',
    ];
    expect(decodeCursor(encodeCursor(key), ['instant', 'date', 'uuid', 'serial', 'number', 'text'])).toEqual(
      key,
    );
  });

  // A forged cursor must never reach SQL as a value PostgreSQL cannot cast: that would be a 500.
  it.each<[string, unknown, Parameters<typeof decodeCursor>[1][number]]>([
    ['an instant that is not one', 'yesterday', 'instant'],
    ['an instant without its zone', '2026-03-02T10:00:00', 'instant'],
    ['a day that does not exist', '2026-02-30', 'date'],
    ['a uuid that is not one', "x' OR '1'='1", 'uuid'],
    ['a serial with letters', '12a', 'serial'],
    ['a serial beyond bigint', '9223372036854775808', 'serial'],
    ['a number given as text', '3', 'number'],
    ['a number that is not finite', null, 'number'],
    ['text of another type', 5, 'text'],
    ['text too long', 'x'.repeat(501), 'text'],
  ])('should refuse %s', (_, part, kind) => {
    expect(refused(encodeCursor([part as string]), [kind])).toEqual(['after']);
  });
});
