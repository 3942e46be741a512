import { and, count, desc, eq, ne, sql, type SQL } from 'drizzle-orm';

import type { Database } from '../db/connection';
import { badUserInput } from '../errors';
import { pageSize } from '../page-size';
import { decodeCursor, encodeCursor, type Connection, type ConnectionArgs } from '../pagination';
import { auditLog, returnedData } from './tables';

/** One consultation of a person's file, as the person sees it (DOMAIN A.2.6, GDPR art. 15). */
export interface Consultation {
  /** Whose file it is: only they read its consultations. */
  personId: string;
  at: Date;
  organisation: string;
  purpose: string | null;
  /** The subgraphs it read from. */
  sources: string[];
}

/**
 * When a consultation happened: its newest row, in microseconds since the epoch. Exact, unlike a
 * JavaScript Date (milliseconds), so two consultations within one millisecond keep their order
 * across a page boundary.
 */
const consultedAtMicros = sql<string>`(extract(epoch from max(${auditLog.at})) * 1000000)::bigint`;

type Key = [micros: string, organisation: string, requestId: string];

function keyOf(cursor: string): Key {
  try {
    const key = JSON.parse(decodeCursor(cursor));
    if (
      Array.isArray(key) &&
      key.length === 3 &&
      /^-?\d{1,19}$/.test(key[0]) &&
      key.every((part) => typeof part === 'string')
    ) {
      return key as Key;
    }
  } catch {
    // Not JSON: refused below like any other cursor this list did not make.
  }
  throw badUserInput('after', 'is not a cursor of this list');
}

/**
 * Who consulted a person's file, newest first, as a connection. One consultation is one
 * (organisation, request): the gateway's request id, which the partner cannot choose, and the
 * organisation, so that no partner can hide its reads among another's. Its rows (one per subgraph
 * the request read from) are grouped in SQL, and pages follow the consultations' own key (keyset:
 * a later page costs what the first does). `viewerOrg`'s own reads are left out: a citizen
 * reading their file is not someone consulting it.
 */
export async function accessLogOf(
  db: Database,
  personId: string,
  viewerOrg: string,
  args: ConnectionArgs,
): Promise<Connection<Consultation>> {
  const limit = pageSize(args.first);
  const where = and(
    eq(auditLog.personId, personId),
    // Refusals stay in the internal log.
    returnedData(auditLog.outcome),
    ne(auditLog.org, viewerOrg),
  );
  let after: SQL | undefined;
  if (args.after) {
    const [micros, organisation, requestId] = keyOf(args.after);
    after = sql`(${consultedAtMicros}, ${auditLog.org}, ${auditLog.requestId})
      < (${micros}::bigint, ${organisation}, ${requestId})`;
  }
  const rows = await db
    .select({
      micros: sql<string>`${consultedAtMicros}::text`,
      requestId: auditLog.requestId,
      organisation: auditLog.org,
      at: sql<Date>`max(${auditLog.at})`.mapWith(auditLog.at),
      // One request, one caller, one purpose.
      purpose: sql<string | null>`min(${auditLog.purpose})`,
      sources: sql<
        string[]
      >`array_agg(distinct ${auditLog.subgraph} order by ${auditLog.subgraph})`,
    })
    .from(auditLog)
    .where(where)
    .groupBy(auditLog.org, auditLog.requestId)
    .having(after)
    .orderBy(desc(consultedAtMicros), desc(auditLog.org), desc(auditLog.requestId))
    .limit(limit + 1);
  const edges = rows.slice(0, limit).map(({ micros, requestId, ...node }) => ({
    cursor: encodeCursor(JSON.stringify([micros, node.organisation, requestId] satisfies Key)),
    node: { ...node, personId },
  }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    get totalCount() {
      const consultations = db
        .select({ organisation: auditLog.org })
        .from(auditLog)
        .where(where)
        .groupBy(auditLog.org, auditLog.requestId)
        .as('consultations');
      return db
        .select({ total: count() })
        .from(consultations)
        .then(([row]) => row.total);
    },
  };
}
