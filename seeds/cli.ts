import 'reflect-metadata';

import { parseArgs } from 'node:util';

import { config } from '../common/config';
import { openDatabase } from '../common/db/connection';
import { migrateSubgraphs } from '../common/db/migrations';
import { subgraphs } from '../subgraphs/registry';
import { SCALES, type ScaleName } from './context';
import { isSeeded, seedDatabase } from './index';

const USAGE = `Usage: npm run seed -- [--scale small|demo|large] [--seed N] [--reset]

Fills the database (DATABASE_URL, else the embedded PGlite in PGLITE_DATA_DIR) with a
deterministic demo world. --reset drops all product schemas first.`;

/** Every schema the product owns, dropped by --reset (the migrations recreate them). */
const PRODUCT_SCHEMAS = ['persons', 'indications', 'maatwerk', 'agreements', 'access', 'drizzle'];

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: config.SEED_SCALE },
      seed: { type: 'string', default: String(config.SEED) },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const scale = values.scale as ScaleName;
  if (!(scale in SCALES))
    throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}\n\n${USAGE}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number\n\n${USAGE}`);

  const database = await openDatabase(
    config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: config.PGLITE_DATA_DIR },
  );
  try {
    if (values.reset) {
      await database.execScript(
        PRODUCT_SCHEMAS.map((s) => `drop schema if exists "${s}" cascade;`).join('\n'),
      );
    }
    await migrateSubgraphs(
      database,
      subgraphs.map((s) => s.module),
    );
    if (await isSeeded(database.db)) {
      throw new Error('The database already holds data; pass --reset to replace it.');
    }
    console.log(
      `Seeding scale ${scale} (${SCALES[scale].persons} persons), SEED=${seed}, on ${database.kind}`,
    );
    const started = performance.now();
    await seedDatabase(database.db, {
      scale,
      seed,
      onProgress: (step, ms) => console.log(`  ${step}: ${(ms / 1000).toFixed(1)} s`),
    });
    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
