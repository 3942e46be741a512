import type { z } from 'zod';

import { auditEntry, insertEntries } from '../access/audit';
import type { SubgraphContext } from '../context';
import type { Database } from '../db/connection';
import { claimKey, completeClaim, type IdempotencyKeysTable } from './idempotency';
import { validInput } from './input';

export interface Written<Record> {
  record: Record;
  /** The id an idempotency key remembers, to return the same record to a replay. */
  id: string;
  /** The person whose data was written, for the audit log. */
  personId?: string;
  /** Other persons whose data the change touched (e.g. referrals withdrawn with a vacancy). */
  alsoChanged?: readonly string[];
}

export interface MutationSpec<
  Rule extends z.ZodType<{ idempotencyKey?: string | null }>,
  Record,
  Facts = undefined,
> {
  /**
   * The mutation's field name, as the audit log and idempotency keys record it, and as the
   * access policy's table of writers (common/access/writers.ts) knows it.
   */
  name: string;
  /** Every rule of the input, checked once the caller may write and before anything is read. */
  rule: Rule;
  input: unknown;
  idempotencyKeys: IdempotencyKeysTable;
  /**
   * Asks other subgraphs for the facts a rule needs, before the transaction opens: a transaction
   * must not wait on another service (on the embedded database it would wait on itself).
   */
  gather?(input: z.output<Rule>): Promise<Facts>;
  /** Checks the move against the stored state and writes, inside the transaction. */
  write(tx: Database, input: z.output<Rule>, facts: Facts): Promise<Written<Record>>;
  /** Reads the record an earlier use of the idempotency key produced. */
  load(tx: Database, id: string): Promise<Record>;
}

/**
 * Runs a mutation as DOMAIN A.4 wants it: only for a role that owns the data, in one
 * transaction with its reference-directory changes and its audit entry, once per idempotency
 * key. Anything thrown inside rolls everything back, so a refused move changes nothing.
 */
export async function runMutation<
  Rule extends z.ZodType<{ idempotencyKey?: string | null }>,
  Record,
  Facts = undefined,
>(context: SubgraphContext<unknown>, spec: MutationSpec<Rule, Record, Facts>): Promise<Record> {
  // Who may call it was decided before the resolver ran (common/access/field-guard.ts).
  const { caller, policy } = context;
  const input = validInput(spec.rule, spec.input);
  const claim = input.idempotencyKey
    ? {
        table: spec.idempotencyKeys,
        org: caller.org,
        key: input.idempotencyKey,
        operation: spec.name,
        input,
      }
    : undefined;
  const facts = (await spec.gather?.(input)) as Facts;
  return context.db.transaction(async (tx) => {
    if (claim) {
      const earlier = await claimKey(tx, claim);
      if (earlier) return spec.load(tx, earlier);
    }
    const { record, id, personId, alsoChanged = [] } = await spec.write(tx, input, facts);
    if (claim) await completeClaim(tx, claim, id);
    const changed = [...new Set([...(personId ? [personId] : []), ...alsoChanged])];
    if (changed.length > 0 && policy.audited) {
      // Written with the change, so a change is never without its log entry.
      const entries = changed.map((person) =>
        auditEntry(
          caller,
          { subgraph: context.subgraph, operation: spec.name, personId: person },
          'ALLOWED',
          [`Mutation.${spec.name}`],
        ),
      );
      await insertEntries(tx, entries);
    }
    return record;
  });
}
