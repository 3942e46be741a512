import { and, eq, isNull, or, sql } from 'drizzle-orm';

import { addDays } from '../../common/dates';
import { today } from '../../common/clock';
import type { Database } from '../../common/db/connection';
import { consents } from '../../subgraphs/persons/tables';
import { relations } from './access-schema';

/**
 * The seeded world's opt-ins (PROFILE_VISIBLE_TO_EMPLOYERS, B.4 note 11) taken back, as if each
 * candidate revoked theirs yesterday: a seeded opt-in opens the person's identity to every
 * employer, or to one, so a test of whom an employer may NOT see (a former employee, a pool
 * member, the probes' row scope) arranges a world without them rather than a weaker rule. A test
 * of opt-ins gives one itself, through grantConsent.
 */
export async function withdrawSeededOptIns(db: Database): Promise<void> {
  const day = today();
  await db
    .update(consents)
    .set({ revokedAt: new Date(`${addDays(day, -1)}T12:00:00Z`) })
    .where(and(eq(consents.type, 'PROFILE_VISIBLE_TO_EMPLOYERS'), isNull(consents.revokedAt)));
  // The rule of a revoked consent (common/access/directory.ts): it held until the day before.
  await db
    .update(relations)
    .set({ validUntil: addDays(day, -2) })
    .where(
      and(
        eq(relations.purpose, 'CONSENT:PROFILE_VISIBLE_TO_EMPLOYERS'),
        or(isNull(relations.validUntil), sql`${relations.validUntil} >= ${addDays(day, -1)}::date`),
      ),
    );
}
