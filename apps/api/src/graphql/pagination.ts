import { Field, ObjectType, ArgsType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Type } from '@nestjs/common';
import { InputValidationError } from './input-validation.error.js';

/** Relay page arguments. `after` is an opaque cursor from a previous page. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { description: 'How many items to return (1 to 100).', defaultValue: 20 })
  @IsInt()
  @Min(1)
  @Max(100)
  first = 20;

  @Field(() => String, {
    nullable: true,
    description: 'Return items after this cursor (from pageInfo.endCursor).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string | null;
}

@ObjectType({ description: 'Where a page sits in the whole list.' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page.' })
  hasNextPage!: boolean;

  @Field({
    description:
      'True when this page was asked for with a valid `after` cursor, so items come before it; false on the first page. Lists page forward only (`first`/`after`).',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the first item of this page (null when the page is empty).',
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item of this page; pass it as `after`.',
  })
  endCursor!: string | null;
}

export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  endCursor: string | null;
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
  throw new InputValidationError([{ field: 'after', messages: ['is not a cursor this list returned'] }]);
}

/**
 * Turns `first + 1` fetched rows into a page and a connection. `after` is the decoded `after`
 * cursor (null on the first page): a page asked for after a cursor has items before it, which the
 * Relay spec lets a forward-only list report without counting them.
 */
export function toConnection<T>(
  rows: T[],
  first: number,
  keyOf: (row: T) => (string | number)[],
  after: readonly (string | number)[] | null,
): ConnectionShape<T> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
