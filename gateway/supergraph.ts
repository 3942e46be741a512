import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SUPERGRAPH_PATH = path.resolve(__dirname, '..', 'schema', 'supergraph.graphql');

/** The checked-in, composed supergraph: the gateway starts from it even when a subgraph is down. */
export function readSupergraph(file = SUPERGRAPH_PATH): string {
  return readFileSync(file, 'utf8');
}
