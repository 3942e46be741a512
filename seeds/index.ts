import { sql } from 'drizzle-orm';

import type { Database } from '../common/db/connection';
import { seedDelegations, seedMandates } from './access';
import { seedAgreements } from './agreements';
import { createSeedContext, type ScaleName, type SeedContext } from './context';
import { seedIndications } from './indications';
import { seedEmployers, seedReferralsAndPlacements } from './maatwerk';
import { seedPersons } from './persons';
import { persons } from '../subgraphs/persons/tables';

/** In dependency order: places first, then people, employers, advices, and the matches between them. */
const STEPS: [string, (ctx: SeedContext) => Promise<void>][] = [
  ['municipalities and agreements', seedAgreements],
  ['persons', seedPersons],
  ['employers and vacancies', seedEmployers],
  ['indications and advices', seedIndications],
  ['referrals and placements', seedReferralsAndPlacements],
  [
    'mandates and delegations',
    async (ctx) => {
      await seedMandates(ctx);
      await seedDelegations(ctx);
    },
  ],
];

export interface SeedOptions {
  scale: ScaleName;
  seed: number;
  onProgress?: (step: string, milliseconds: number) => void;
}

/** Fills an empty, migrated database with one deterministic demo world, all or nothing. */
export async function seedDatabase(db: Database, options: SeedOptions): Promise<void> {
  await db.transaction(async (tx) => {
    const ctx = createSeedContext(tx as unknown as Database, options.scale, options.seed);
    for (const [name, step] of STEPS) {
      const started = performance.now();
      await step(ctx);
      options.onProgress?.(name, Math.round(performance.now() - started));
    }
  });
  // Statistics and visibility maps for the just-filled tables: without them the planner takes
  // them for empty and index-only scans still visit the heap.
  await db.execute(sql`vacuum analyze`);
}

export async function isSeeded(db: Database): Promise<boolean> {
  const rows = await db.select({ id: persons.id }).from(persons).limit(1);
  return rows.length > 0;
}
