import fc from 'fast-check';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { InputValidationError } from './input-validation.error.js';
import {
  BidirectionalPageArgs,
  decodeCursor,
  encodeCursor,
  pageRequest,
  toConnection,
  type ConnectionShape,
  type PageRequest,
} from './pagination.js';

interface Row {
  id: string;
  at: number;
}
const rows = (...ids: string[]): Row[] => ids.map((id, i) => ({ id, at: i }));
const keyOf = (r: Row) => [r.at, r.id];
const SHAPE = ['number', 'text'] as const;
const forward = (size: number, cursor: [number, string] | null = null): PageRequest<[number, string]> => ({
  cursor,
  backward: false,
  size,
  limit: size + 1,
});
const backward = (size: number, cursor: [number, string] | null = null): PageRequest<[number, string]> => ({
  cursor,
  backward: true,
  size,
  limit: size + 1,
});

/** The fields an error names, or the request when there is none. */
const fieldsRefused = (run: () => unknown): string[] => {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(InputValidationError);
    return (e as InputValidationError).fields.map((f) => f.field);
  }
  throw new Error('accepted');
};

describe('toConnection', () => {
  it('should report a first page: nothing before, more after, cursors of its first and last item', () => {
    const page = toConnection(rows('a', 'b', 'c'), forward(2), keyOf);

    expect(page.nodes.map((r) => r.id)).toEqual(['a', 'b']);
    expect(page.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: page.edges[0]!.cursor,
      endCursor: page.edges[1]!.cursor,
    });
    expect(decodeCursor(page.pageInfo.startCursor, SHAPE)).toEqual([0, 'a']);
    expect(decodeCursor(page.pageInfo.endCursor, SHAPE)).toEqual([1, 'b']);
  });

  it('should report a page asked for after a cursor as having items before it', () => {
    const first = toConnection(rows('a', 'b', 'c'), forward(2), keyOf);
    const after = decodeCursor(first.pageInfo.endCursor, SHAPE);

    const next = toConnection([{ id: 'c', at: 2 }], forward(2, after), keyOf);

    expect(next.nodes.map((r) => r.id)).toEqual(['c']);
    expect(next.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: encodeCursor([2, 'c']),
      endCursor: encodeCursor([2, 'c']),
    });
  });

  it('should give an empty page null cursors, and still say whether it came after a cursor', () => {
    expect(toConnection([], forward(20), keyOf).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
    expect(toConnection([], forward(20, [5, 'z']), keyOf).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
  });

  // Backward, the repository gives back at most `last + 1` rows in the list's order: the one too many
  // is the earliest, furthest from the cursor.
  it.each<
    [
      string,
      Row[],
      PageRequest<[number, string]>,
      string[],
      { hasPreviousPage: boolean; hasNextPage: boolean },
    ]
  >([
    [
      'the final page, more before it',
      rows('a', 'b', 'c'),
      backward(2),
      ['b', 'c'],
      { hasPreviousPage: true, hasNextPage: false },
    ],
    [
      'the whole list as the final page',
      rows('a', 'b'),
      backward(2),
      ['a', 'b'],
      { hasPreviousPage: false, hasNextPage: false },
    ],
    [
      'a page before a cursor, more before it',
      rows('a', 'b', 'c'),
      backward(2, [3, 'd']),
      ['b', 'c'],
      { hasPreviousPage: true, hasNextPage: true },
    ],
    [
      'the first items, before a cursor',
      rows('a'),
      backward(2, [1, 'b']),
      ['a'],
      { hasPreviousPage: false, hasNextPage: true },
    ],
    [
      'nothing before the first item',
      [],
      backward(2, [0, 'a']),
      [],
      { hasPreviousPage: false, hasNextPage: true },
    ],
    ['an empty list, from its end', [], backward(2), [], { hasPreviousPage: false, hasNextPage: false }],
    [
      'one at a time, from the end',
      rows('a', 'b'),
      backward(1),
      ['b'],
      { hasPreviousPage: true, hasNextPage: false },
    ],
  ])('should page backward: %s', (_, read, request, ids, flags) => {
    const page = toConnection(read, request, keyOf);

    expect(page.nodes.map((r) => r.id)).toEqual(ids);
    expect(page.edges.map((e) => e.node)).toEqual(page.nodes);
    expect(page.pageInfo).toEqual({
      ...flags,
      startCursor: page.edges[0]?.cursor ?? null,
      endCursor: page.edges.at(-1)?.cursor ?? null,
    });
  });
});

describe('pageRequest', () => {
  const cursor = encodeCursor([4, 'e']);

  it.each<[string, Parameters<typeof pageRequest>[0], Omit<PageRequest<[number, string]>, 'limit'>]>([
    ['no arguments: the first 20', {}, { cursor: null, backward: false, size: 20 }],
    ['first', { first: 5 }, { cursor: null, backward: false, size: 5 }],
    ['first and after', { first: 5, after: cursor }, { cursor: [4, 'e'], backward: false, size: 5 }],
    ['last alone: the final page', { last: 3 }, { cursor: null, backward: true, size: 3 }],
    ['last and before', { last: 3, before: cursor }, { cursor: [4, 'e'], backward: true, size: 3 }],
    ['before alone: the 20 before it', { before: cursor }, { cursor: [4, 'e'], backward: true, size: 20 }],
    [
      'nulls, as a client may send them, as absent',
      { first: null, after: null, last: 2, before: null },
      { cursor: null, backward: true, size: 2 },
    ],
  ])('should read %s', (_, args, expected) => {
    expect(pageRequest(args, SHAPE)).toEqual({ ...expected, limit: expected.size + 1 });
  });

  it.each<[string, Parameters<typeof pageRequest>[0], string[]]>([
    ['first with last', { first: 2, last: 2 }, ['last']],
    ['after with before', { after: cursor, before: cursor }, ['before']],
    ['first with before', { first: 2, before: cursor }, ['before']],
    ['last with after', { last: 2, after: cursor }, ['last']],
    ['all four', { first: 2, after: cursor, last: 2, before: cursor }, ['last', 'before']],
  ])('should refuse %s, naming the backward argument', (_, args, fields) => {
    expect(fieldsRefused(() => pageRequest(args, SHAPE))).toEqual(fields);
  });

  it('should check a before cursor part by part, naming before', () => {
    for (const forged of [encodeCursor(['4', 'e']), encodeCursor([4]), 'not a cursor']) {
      expect(fieldsRefused(() => pageRequest({ last: 2, before: forged }, SHAPE))).toEqual(['before']);
      expect(fieldsRefused(() => pageRequest({ first: 2, after: forged }, SHAPE))).toEqual(['after']);
    }
  });
});

describe('BidirectionalPageArgs', () => {
  const refusedFields = (plain: Record<string, unknown>) =>
    validateSync(plainToInstance(BidirectionalPageArgs, plain)).map((e) => e.property);

  it.each<[string, Record<string, unknown>, string[]]>([
    ['nothing', {}, []],
    ['first and after', { first: 100, after: 'x' }, []],
    ['last and before', { last: 1, before: 'x' }, []],
    ['first with last', { first: 2, last: 2 }, ['last']],
    ['after with before', { after: 'x', before: 'y' }, ['before']],
    ['last of 0', { last: 0 }, ['last']],
    ['last of 101', { last: 101 }, ['last']],
    ['first of 101', { first: 101 }, ['first']],
    ['a before cursor too long', { before: 'x'.repeat(501) }, ['before']],
  ])('should judge %s', (_, plain, fields) => {
    expect(refusedFields(plain)).toEqual(fields);
  });

  it('should say what the clash is with', () => {
    const [error] = validateSync(plainToInstance(BidirectionalPageArgs, { first: 2, last: 2 }));
    expect(Object.values(error!.constraints!)).toEqual([
      'cannot be given with first: page forward with first and after, or backward with last and before',
    ]);
  });
});

/**
 * A list as a repository reads it (`keysetPage`): from the cursor on in the list's order, or, backward,
 * in reverse order from the cursor for `limit` rows, given back reversed.
 */
function read(list: readonly Row[], request: PageRequest<[number, string]>): Row[] {
  const at = request.cursor ? list.findIndex((r) => r.at === request.cursor![0]) : -1;
  if (!request.backward) return list.slice(at + 1).slice(0, request.limit);
  const before = request.cursor ? list.slice(0, at) : list;
  return [...before].reverse().slice(0, request.limit).reverse();
}

function page(list: readonly Row[], args: Parameters<typeof pageRequest>[0]): ConnectionShape<Row> {
  const request = pageRequest(args, SHAPE);
  return toConnection(read(list, request), request, keyOf);
}

describe('paging both ways (property)', () => {
  const list = fc
    .uniqueArray(fc.string({ maxLength: 6 }), { maxLength: 40 })
    .map((ids) => ids.map((id, i) => ({ id, at: i * 2 })));
  const size = fc.integer({ min: 1, max: 12 });

  it('should visit the same items, in the same order, paging backward from the end as forward from the start', () => {
    fc.assert(
      fc.property(list, size, (items, n) => {
        const forwardPages: ConnectionShape<Row>[] = [page(items, { first: n })];
        while (forwardPages.at(-1)!.pageInfo.hasNextPage) {
          forwardPages.push(page(items, { first: n, after: forwardPages.at(-1)!.pageInfo.endCursor }));
        }
        const backwardPages: ConnectionShape<Row>[] = [page(items, { last: n })];
        while (backwardPages[0]!.pageInfo.hasPreviousPage) {
          backwardPages.unshift(page(items, { last: n, before: backwardPages[0]!.pageInfo.startCursor }));
        }
        const forwardItems = forwardPages.flatMap((p) => p.nodes);
        const backwardItems = backwardPages.flatMap((p) => p.nodes);

        expect(forwardItems).toEqual(items);
        expect(backwardItems).toEqual(items);
        // Every page is full save the one at the far end of its way (which is empty for an empty list).
        expect(forwardPages.slice(0, -1).every((p) => p.nodes.length === n)).toBe(true);
        expect(backwardPages.slice(1).every((p) => p.nodes.length === n)).toBe(true);
        // Backward: the final page has nothing after it; every page before it has.
        expect(backwardPages.map((p) => p.pageInfo.hasNextPage)).toEqual(
          backwardPages.map((_, i) => i < backwardPages.length - 1),
        );
        expect(backwardPages.map((p) => p.pageInfo.hasPreviousPage)).toEqual(
          backwardPages.map((_, i) => i > 0),
        );
      }),
    );
  });

  it('should give back, before a page’s start cursor, the page that came before it going forward', () => {
    fc.assert(
      fc.property(list, size, (items, n) => {
        let previous = page(items, { first: n });
        while (previous.pageInfo.hasNextPage) {
          const next = page(items, { first: n, after: previous.pageInfo.endCursor });
          const back = page(items, { last: n, before: next.pageInfo.startCursor });
          expect(back.nodes).toEqual(previous.nodes);
          expect(back.pageInfo.hasNextPage).toBe(true);
          expect(back.pageInfo.hasPreviousPage).toBe(previous.pageInfo.hasPreviousPage);
          previous = next;
        }
      }),
    );
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
