import 'reflect-metadata';

import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { composeSupergraph } from '../common/composition';
import { subgraphs } from '../subgraphs/registry';

/** Writes schema/<subgraph>.graphql and schema/supergraph.graphql; the gateway serves the latter. */
async function main() {
  const schemaFolder = path.resolve(__dirname, '..', 'schema');
  const composed = await composeSupergraph(subgraphs);
  for (const { name, sdl } of composed.subgraphs) {
    writeFileSync(path.join(schemaFolder, `${name}.graphql`), sdl);
  }
  writeFileSync(path.join(schemaFolder, 'supergraph.graphql'), composed.supergraph);
  console.log(
    `Composed ${composed.subgraphs.map((s) => s.name).join(', ')} into schema/supergraph.graphql`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
