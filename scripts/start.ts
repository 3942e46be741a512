import '../common/tracing/register';
import 'reflect-metadata';

import { config } from '../common/config';
import { openDatabase } from '../common/db/connection';
import { prepareDatabase } from '../common/db/migrations';
import { signPartnerToken } from '../common/access/partner-token';
import { PERSONAS } from '../common/access/personas';
import { logger } from '../common/logger';
import { onShutdown } from '../common/shutdown';
import { isSeeded, seedDatabase } from '../seeds';
import { subgraphs } from '../subgraphs/registry';
import { startStack } from './stack';

const EXAMPLE_QUERY = `{
  person(id: "P-000001") {
    firstName lastName
    residence { name province { name } }
    socialAssistance { type ocmw { name } }
    advices { type status validUntil }
    placements { employer { name } advice { type } }
  }
}`;

/** `npm start`: the whole product on one machine, on the embedded database unless DATABASE_URL. */
async function main() {
  const started = performance.now();
  const database = await openDatabase(
    config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: config.PGLITE_DATA_DIR },
  );
  const where = config.DATABASE_URL
    ? 'PostgreSQL (DATABASE_URL)'
    : `PGlite in ${config.PGLITE_DATA_DIR}`;
  await prepareDatabase(
    database,
    subgraphs.map((s) => s.module),
  );
  if (!(await isSeeded(database.db))) {
    console.log(`Seeding the ${config.SEED_SCALE} demo world (SEED=${config.SEED}) into ${where}…`);
    await seedDatabase(database.db, {
      scale: config.SEED_SCALE,
      seed: config.SEED,
      onProgress: (step, ms) => console.log(`  ${step}: ${ms} ms`),
    });
  }
  const stack = await startStack({ database, gatewayPort: config.PORT, host: config.HOST });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const tokens = await Promise.all(
    PERSONAS.map(async (persona) => ({ persona, token: await signPartnerToken(persona) })),
  );
  const citizen = tokens.find(({ persona }) => persona.role === 'CITIZEN')!;
  console.log(`
Maatwerk Gateway is up in ${seconds} s, on ${where}.

  GraphQL   ${stack.gatewayUrl}   (POST)
  Explorer  ${stack.gatewayUrl}   (open in a browser; pick a persona at the top)
  Dashboard ${stack.gatewayUrl.replace('/graphql', '/dashboard?persona=monitor-gent')}
  Health    ${stack.gatewayUrl.replace('/graphql', '/readyz')}
  Metrics   ${stack.metricsUrl}   (Prometheus; METRICS_PORT, not on the partners' port)
  Subgraphs ${stack.subgraphs.map((s) => `${s.name} ${s.url}/graphql`).join(', ')}

Demo tokens (valid 8 h; also: npm run token -- <persona>):
${tokens.map(({ persona, token }) => `  ${persona.name.padEnd(20)} ${persona.description}\n    ${token}`).join('\n')}

Try a query that walks all four subgraphs, as the demo citizen reading their own file:

curl -s ${stack.gatewayUrl} -H 'content-type: application/json' \\
  -H 'authorization: Bearer ${citizen.token}' \\
  -d '${JSON.stringify({ query: EXAMPLE_QUERY.replace(/\s+/g, ' ') })}'
`);
  onShutdown('maatwerk-gateway', async () => {
    await stack.stop();
    await database.close();
  });
}

main().catch((error) => {
  logger.fatal({ err: error }, 'start failed');
  console.error(error);
  process.exit(1);
});
