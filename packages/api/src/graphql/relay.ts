import { ArgsType, Field, ID, InterfaceType, ObjectType, type ClassType, Int } from 'type-graphql';
import { badUserInput } from './errors.js';

/**
 * Relay conventions: opaque global IDs (`base64url("Type:localId")`), the Node interface, and
 * cursor connections with `first`/`last` (one of them required, at most 100).
 */
export function toGlobalId(type: string, id: string | number): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

const INT8_MAX = 9223372036854775807n;

/** Decode a global id; undefined when it is not one of ours. */
export function fromGlobalId(globalId: string): { type: string; id: string } | undefined {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(globalId)) return undefined;
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  const m = /^([A-Z][A-Za-z]{0,40}):([1-9]\d{0,18})$/.exec(text);
  // Local ids are PostgreSQL bigints: a 19-digit number past int8's range is not one of ours
  // (and would fail the statement it reaches, which other requests may share).
  return m && BigInt(m[2]!) <= INT8_MAX ? { type: m[1]!, id: m[2]! } : undefined;
}

/** The local id of a global id of the given type, or undefined (for userErrors). */
export function localIdOf(globalId: string, type: string): string | undefined {
  const p = fromGlobalId(globalId);
  return p && p.type === type ? p.id : undefined;
}

/** The local id for a global id of an expected type, or BAD_USER_INPUT naming the field. */
export function localIdOrThrow(globalId: string, type: string, field = 'id'): string {
  const parsed = fromGlobalId(globalId);
  if (!parsed || parsed.type !== type)
    throw badUserInput(`${field} is not a valid ${type} id.`, field);
  return parsed.id;
}

@InterfaceType({ description: 'An object with a global id, fetchable with `node(id)`.' })
export abstract class Node {
  @Field(() => ID, { description: 'Global id: opaque, stable, and accepted by `node(id)`.' })
  id!: string;
}

@ObjectType({ description: 'Where a page of a connection is, for asking for the next one.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether there are items after this page.' })
  hasNextPage!: boolean;
  @Field(() => Boolean, { description: 'Whether there are items before this page.' })
  hasPreviousPage!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the first item; null when empty.',
  })
  startCursor?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item (pass it as `after`); null when empty.',
  })
  endCursor?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}
export interface ConnectionShape<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  /** A number, or a getter that counts only when the field is asked for. */
  readonly totalCount: number | Promise<number>;
}

/** Counts every item of a connection (ignoring the page); run only when totalCount is selected. */
export type CountAll = () => Promise<number>;

/** A connection and edge type for a node type, e.g. `Connection(Customer)` → CustomerConnection. */
export function Connection<T extends object>(nodeType: ClassType<T>, name = nodeType.name) {
  @ObjectType(`${name}Edge`, { description: `A ${name} in a page, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: 'Where this item is, for `after`.' }) cursor!: string;
    @Field(() => nodeType, { description: `The ${name}.` }) node!: T;
  }
  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The items of this page, with their cursors.' })
    edges!: EdgeType[];
    @Field(() => [nodeType], { description: 'The items of this page (edges without cursors).' })
    nodes!: T[];
    @Field(() => PageInfo, { description: 'Where this page is.' }) pageInfo!: PageInfo;
    @Field(() => Int, {
      description: 'How many items there are in all pages (counted only when asked for).',
    })
    totalCount!: number;
  }
  return ConnectionType as ClassType<ConnectionShape<T>>;
}

export const MAX_PAGE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Validated paging: direction, size and the decoded cursor key. */
export interface Page {
  size: number;
  direction: 'forward' | 'backward';
  cursor?: (string | number)[];
}

export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, field: string): (string | number)[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length > 0 &&
      key.length <= 4 &&
      key.every((k) => typeof k === 'string' || typeof k === 'number')
    )
      return key;
  } catch {
    /* fall through */
  }
  throw badUserInput(`${field} is not a valid cursor.`, field);
}

/** Check `first`/`last` (exactly one, 1..100) and decode the cursor. */
export function readPage(args: PageArgs): Page {
  const { first, last, after, before } = args;
  if ((first == null) === (last == null))
    throw badUserInput('Give exactly one of `first` or `last`.', first == null ? 'first' : 'last');
  const size = (first ?? last)!;
  const field = first != null ? 'first' : 'last';
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE)
    throw badUserInput(`\`${field}\` must be between 1 and ${MAX_PAGE}.`, field);
  if (first != null && before) throw badUserInput('`before` goes with `last`.', 'before');
  if (last != null && after) throw badUserInput('`after` goes with `first`.', 'after');
  const raw = after ?? before;
  return {
    size,
    direction: first != null ? 'forward' : 'backward',
    cursor: raw ? decodeCursor(raw, after ? 'after' : 'before') : undefined,
  };
}

/** `first` and `after` of a forward page keyed by row id (see `readIdPage`). */
@ArgsType()
export class IdPageArgs {
  @Field(() => Int, { description: 'How many items to return: 1 to 100.' }) first!: number;
  @Field(() => String, {
    description:
      "Return the items after this cursor (the previous page's endCursor); omit for the first page.",
    nullable: true,
  })
  after?: string | null;
}

/**
 * Build a connection from rows fetched with `page.size + 1` rows in page order (for backward
 * pages: fetched in reverse order, and reversed here), keyed for cursors by `keyOf`.
 */
/**
 * A forward page over rows keyed by their id (newest or oldest first): the checked page and the
 * id it starts after, refused as BAD_USER_INPUT when the cursor does not carry a row id.
 */
export function readIdPage(args: { first: number; after?: string | null }): {
  page: Page;
  after: string | undefined;
} {
  const page = readPage({ first: args.first, after: args.after });
  const after = page.cursor ? String(page.cursor[0]) : undefined;
  if (after !== undefined && !/^\d{1,19}$/.test(after))
    throw badUserInput('after is not a valid cursor.', 'after');
  return { page, after };
}

export function toConnection<R, T>(
  rows: R[],
  page: Page,
  keyOf: (r: R) => (string | number)[],
  toNode: (r: R) => T,
  totalCount: number | CountAll,
): ConnectionShape<T> {
  const hasMore = rows.length > page.size;
  const slice = hasMore ? rows.slice(0, page.size) : rows;
  const ordered = page.direction === 'backward' ? [...slice].reverse() : slice;
  const edges = ordered.map((r) => ({ cursor: encodeCursor(keyOf(r)), node: toNode(r) }));
  const pageInfo = Object.assign(new PageInfo(), {
    hasNextPage: page.direction === 'forward' ? hasMore : Boolean(page.cursor),
    hasPreviousPage: page.direction === 'backward' ? hasMore : Boolean(page.cursor),
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  });
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo,
    get totalCount() {
      return typeof totalCount === 'number' ? totalCount : totalCount();
    },
  };
}
