import { createHash } from 'node:crypto';

import { and, eq } from 'drizzle-orm';
import { primaryKey, text, timestamp, type PgSchema } from 'drizzle-orm/pg-core';

import type { Database } from '../db/connection';
import { domainError, ErrorCode } from '../errors';

/**
 * The idempotency keys a subgraph has seen, in its own schema: per organisation, the mutation,
 * a fingerprint of its input and the id of the record it created or changed.
 */
export function idempotencyKeysTable(schema: PgSchema) {
  return schema.table(
    'idempotency_keys',
    {
      org: text('org').notNull(),
      key: text('key').notNull(),
      operation: text('operation').notNull(),
      fingerprint: text('fingerprint').notNull(),
      resultId: text('result_id'),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (table) => [primaryKey({ columns: [table.org, table.key] })],
  );
}

export type IdempotencyKeysTable = ReturnType<typeof idempotencyKeysTable>;

export interface IdempotencyClaim {
  table: IdempotencyKeysTable;
  org: string;
  key: string;
  operation: string;
  input: unknown;
}

const fingerprintOf = (operation: string, input: unknown) =>
  createHash('sha256')
    .update(JSON.stringify([operation, input]))
    .digest('base64url');

/**
 * Claims a key inside the mutation's transaction. Returns undefined when the key is new (the
 * mutation goes on and `completeClaim` records its result), or the id the first use produced.
 * A concurrent first use holds the key's row lock: the second waits for it to commit and then
 * gets its result, so the same key twice makes one record.
 */
export async function claimKey(tx: Database, claim: IdempotencyClaim): Promise<string | undefined> {
  const { table, org, key, operation } = claim;
  const fingerprint = fingerprintOf(operation, claim.input);
  const claimed = await tx
    .insert(table)
    .values({ org, key, operation, fingerprint })
    .onConflictDoNothing()
    .returning({ key: table.key });
  if (claimed.length > 0) return undefined;
  const [earlier] = await tx
    .select()
    .from(table)
    .where(and(eq(table.org, org), eq(table.key, key)));
  if (earlier.fingerprint !== fingerprint || !earlier.resultId) {
    throw domainError(
      ErrorCode.CONFLICT,
      `Idempotency key ${key} was already used for another request (${earlier.operation}). Use a new key for a new request.`,
      { idempotencyKey: key },
    );
  }
  return earlier.resultId;
}

export async function completeClaim(
  tx: Database,
  claim: IdempotencyClaim,
  resultId: string,
): Promise<void> {
  const { table, org, key } = claim;
  await tx
    .update(table)
    .set({ resultId })
    .where(and(eq(table.org, org), eq(table.key, key)));
}
