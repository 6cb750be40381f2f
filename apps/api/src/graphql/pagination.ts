import { Field, ObjectType, ArgsType, Int } from '@nestjs/graphql';
import {
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  type ValidationArguments,
} from 'class-validator';
import type { Type } from '@nestjs/common';
import { InputValidationError, type FieldProblem } from './input-validation.error.js';

/** The page size when a list is asked for without `first` or `last`. */
export const DEFAULT_PAGE_SIZE = 20;

/** Relay page arguments of a list that pages forward only. `after` is an opaque cursor from a previous page. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { description: 'How many items to return (1 to 100).', defaultValue: DEFAULT_PAGE_SIZE })
  @IsInt()
  @Min(1)
  @Max(100)
  first = DEFAULT_PAGE_SIZE;

  @Field(() => String, {
    nullable: true,
    description: 'Return items after this cursor (from pageInfo.endCursor).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string | null;
}

/** A page goes one way: the backward argument given with a forward one is named, with what it clashes with. */
export function mixedPageArguments(args: {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}): FieldProblem[] {
  const given = (v: unknown) => v !== undefined && v !== null;
  const problems: FieldProblem[] = [];
  const clash = (field: 'last' | 'before', others: ('first' | 'after')[]) => {
    const with_ = others.filter((o) => given(args[o]));
    if (given(args[field]) && with_.length > 0) {
      problems.push({ field, messages: [clashMessage(field, with_)] });
    }
  };
  clash('last', ['first', 'after']);
  clash('before', ['after', 'first']);
  return problems;
}

function clashMessage(field: 'last' | 'before', others: readonly string[]): string {
  return `cannot be given with ${others.join(' or ')}: page forward with first and after, or backward with last and before`;
}

/** class-validator rule for `last` and `before`: refused when a forward argument is given too. */
function NotWithForwardArguments(): PropertyDecorator {
  const problem = (args?: ValidationArguments) =>
    args ? mixedPageArguments(args.object).find((p) => p.field === args.property) : undefined;
  return ValidateBy({
    name: 'notWithForwardArguments',
    validator: {
      validate: (_value: unknown, args?: ValidationArguments) => problem(args) === undefined,
      defaultMessage: (args?: ValidationArguments) =>
        problem(args)?.messages[0] ?? 'cannot be given with first or after',
    },
  });
}

/**
 * Relay page arguments of a list that pages both ways: `first`/`after` forward, or `last`/`before`
 * backward (the `last` items before the cursor, or of the whole list without one, in the list's own
 * order). One page goes one way: `last` or `before` with `first` or `after` is refused.
 */
@ArgsType()
export class BidirectionalPageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many items to return from the start of the list, or after \`after\` (1 to 100; ${DEFAULT_PAGE_SIZE} when neither \`first\` nor \`last\` is given).`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return items after this cursor (from pageInfo.endCursor).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'How many items to return from the end of the list, or just before `before` (1 to 100), in the list’s usual order. Not with `first` or `after`.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  @NotWithForwardArguments()
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Return items before this cursor (from pageInfo.startCursor), the last of them when there are more than asked for. Not with `first` or `after`.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @NotWithForwardArguments()
  before?: string | null;
}

@ObjectType({ description: 'Where a page sits in the whole list.' })
export class PageInfo {
  @Field({
    description:
      'True when more items follow this page. On a page asked for with `before`, true (the cursor’s item follows); on one asked for with `last` alone, false.',
  })
  hasNextPage!: boolean;

  @Field({
    description:
      'True when more items come before this page. Paging forward, true when the page was asked for with a valid `after` cursor (false on the first page); paging backward (`last`), true when more items come before it.',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the first item of this page (null when the page is empty); pass it as `before`.',
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item of this page (null when the page is empty); pass it as `after`.',
  })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
}

/** Builds the Connection and Edge object types for a node type. */
export function Connection<T>(nodeType: Type<T>, name: string): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this item.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionType {
    @Field(() => [Edge], { description: 'The items of this page with their cursors.' })
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'The items of this page.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Paging information.' })
    pageInfo!: PageInfo;
  }
  return ConnectionType as Type<ConnectionShape<T>>;
}

/** Keyset cursors: the sort key of the last row, opaque to clients. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * What each position of a cursor holds. A cursor comes back from the client, so each part is checked
 * before it reaches SQL: a forged one is the same typed error as a malformed one, never a database
 * error. `instant` is an ISO timestamp, `date` a day, `serial` a bigint id, `text` any short string.
 */
export type CursorPart = 'instant' | 'date' | 'uuid' | 'serial' | 'number' | 'text';
export type CursorKey<S extends readonly CursorPart[]> = {
  -readonly [K in keyof S]: S[K] extends 'number' ? number : string;
};

const CURSOR_PART_CHECKS: Record<CursorPart, (value: unknown) => boolean> = {
  instant: (v) =>
    typeof v === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(v) &&
    !Number.isNaN(Date.parse(v)),
  date: (v) =>
    typeof v === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(v) &&
    new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
  uuid: (v) =>
    typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  serial: (v) =>
    typeof v === 'string' && /^[1-9]\d{0,18}$/.test(v) && BigInt(v) <= 9_223_372_036_854_775_807n,
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  text: (v) => typeof v === 'string' && v.length <= 500,
};

export function decodeCursor<const S extends readonly CursorPart[]>(
  cursor: string | null | undefined,
  shape: S,
  argument: 'after' | 'before' = 'after',
): CursorKey<S> | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(key) &&
      key.length === shape.length &&
      key.every((part, i) => CURSOR_PART_CHECKS[shape[i]!](part))
    ) {
      return key as CursorKey<S>;
    }
  } catch {
    // fall through to the typed error
  }
  throw new InputValidationError([{ field: argument, messages: ['is not a cursor this list returned'] }]);
}

/**
 * What a list's repository is asked for: the decoded cursor (null for the start of the list, or its
 * end when paging backward), the way to read, and how many rows to fetch (the page size plus one,
 * which says whether more lie beyond the page). The repository reads a backward page in reverse
 * order from the cursor and gives the rows back in the list's own order (`keysetPage`).
 */
export interface PageRequest<K extends readonly (string | number)[]> {
  cursor: K | null;
  backward: boolean;
  size: number;
  limit: number;
}

/**
 * The page asked for, from a list's page arguments: `first`/`after` forward, `last`/`before`
 * backward. Each part of the cursor is checked for its kind (`decodeCursor`), and an error names
 * the argument it came in.
 */
export function pageRequest<const S extends readonly CursorPart[]>(
  args: { first?: number | null; after?: string | null; last?: number | null; before?: string | null },
  shape: S,
): PageRequest<CursorKey<S>> {
  const mixed = mixedPageArguments(args);
  if (mixed.length > 0) throw new InputValidationError(mixed);
  const backward = (args.last ?? null) !== null || (args.before ?? null) !== null;
  const size = (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  const cursor = backward
    ? decodeCursor(args.before, shape, 'before')
    : decodeCursor(args.after, shape, 'after');
  return { cursor, backward, size, limit: size + 1 };
}

/**
 * Turns the rows a repository read for `request` (at most `limit`, in the list's own order) into a
 * connection. Forward, the row past the page says more follow, and a page after a cursor has items
 * before it (which the Relay spec lets a list report without counting them). Backward, the extra
 * row is the earliest, and says more come before; a page before a cursor has that cursor's item
 * after it.
 */
export function toConnection<T>(
  rows: T[],
  request: PageRequest<readonly (string | number)[]>,
  keyOf: (row: T) => (string | number)[],
): ConnectionShape<T> {
  const more = rows.length > request.size;
  const nodes = request.backward
    ? rows.slice(more ? rows.length - request.size : 0)
    : rows.slice(0, request.size);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: request.backward ? request.cursor !== null : more,
      hasPreviousPage: request.backward ? more : request.cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
