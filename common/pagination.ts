// Its types are declared here, so whoever imports its helpers (the gateway too) needs the polyfill.
import 'reflect-metadata';

import { and, asc, count, getTableColumns, gt, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { LRUCache } from 'lru-cache';
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';

import { config } from './config';
import type { Database } from './db/connection';
import { badUserInput } from './errors';
import { DEFAULT_PAGE_SIZE, pageSize } from './page-size';

@ObjectType({ description: 'Where a page of a connection ends.' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to read the next page.' })
  endCursor: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size: 1 to ${config.CONNECTION_FIRST_MAX}, default ${DEFAULT_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
}

export interface Edge<Node> {
  cursor: string;
  node: Node;
}

export interface Connection<Node> {
  edges: Edge<Node>[];
  pageInfo: PageInfo;
  /** A getter, so the count runs only when a client selects `totalCount`. */
  readonly totalCount: Promise<number>;
}

/** Declares `<Name>Connection` and `<Name>Edge` for a node type. Call once per node type. */
export function ConnectionType<Node extends object>(
  node: ClassType<Node>,
  name: string,
): ClassType<Connection<Node>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String)
    cursor: string;

    @Field(() => node)
    node: Node;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, {
      description:
        'How many nodes match, over all pages. Counted at most a few seconds ago (COUNT_CACHE_SECONDS); the edges are always current.',
    })
    totalCount: Promise<number>;
  }
  return ConnectionClass;
}

/** A cursor is the key of the last node of a page, opaque to the client. */
export const encodeCursor = (key: string) => Buffer.from(key, 'utf8').toString('base64url');

/** The key in a cursor; BAD_USER_INPUT for one this product did not make. */
export function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!key || encodeCursor(key) !== cursor)
    throw badUserInput('after', 'is not a cursor of this list');
  return key;
}

/**
 * Counts of whole lists, shared for a few seconds between the requests that ask for the same list
 * with the same filters and scope (the compiled SQL and its parameters are the key, so two
 * callers share a count only when they may see the same rows). Counting a caseload of tens of
 * thousands under the row scope costs more than reading the page itself, and paging through a
 * list asks for the same count on every page.
 */
const listCounts = new LRUCache<string, Promise<number>>({
  max: 10_000,
  ttl: config.COUNT_CACHE_SECONDS * 1000,
});

function countRows(db: Database, table: PgTable, where: SQL | undefined): Promise<number> {
  const query = db.select({ total: count() }).from(table).where(where);
  if (config.COUNT_CACHE_SECONDS === 0) return query.then(([row]) => row.total);
  const { sql, params } = query.toSQL();
  const key = JSON.stringify([sql, params]);
  let total = listCounts.get(key);
  if (!total) {
    total = query.then(([row]) => row.total);
    // A failed count is not remembered: the next request tries again.
    total.catch(() => listCounts.delete(key));
    listCounts.set(key, total);
  }
  return total;
}

/**
 * Reads one page of a table in key order (keyset pagination: the cost of a page does not grow
 * with how far into the list it lies). `where` carries the filters and the caller's scope.
 */
export async function paginate<Table extends PgTable>(
  db: Database,
  table: Table,
  keyProperty: keyof Table['$inferSelect'] & string,
  where: SQL | undefined,
  args: ConnectionArgs,
): Promise<Connection<Table['$inferSelect']>> {
  const limit = pageSize(args.first);
  const key = getTableColumns(table)[keyProperty];
  const after = args.after ? gt(key, decodeCursor(args.after)) : undefined;
  const rows = (await db
    .select()
    .from(table as PgTable)
    .where(and(where, after))
    .orderBy(asc(key))
    .limit(limit + 1)) as Table['$inferSelect'][];
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ cursor: encodeCursor(String(node[keyProperty])), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    get totalCount() {
      return countRows(db, table, where);
    },
  };
}

/**
 * One page of a list ranked in memory (a pool ranked by fit): `key` orders the entries and is
 * the cursor, so a page starts after the last key of the previous one even if the list moved.
 * `nodeOf` makes the nodes of the page only: a pool of tens of thousands is ranked by key, and
 * fifty profiles are built.
 */
export function paginateInMemory<Entry extends { key: string }, Node>(
  entries: readonly Entry[],
  args: ConnectionArgs,
  nodeOf: (entry: Entry) => Node,
): Connection<Node> {
  const limit = pageSize(args.first);
  const after = args.after ? decodeCursor(args.after) : undefined;
  const rest = (after ? entries.filter((entry) => entry.key > after) : [...entries]).sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
  const edges = rest
    .slice(0, limit)
    .map((entry) => ({ cursor: encodeCursor(entry.key), node: nodeOf(entry) }));
  return {
    edges,
    pageInfo: { hasNextPage: rest.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: Promise.resolve(entries.length),
  };
}
