import type { SubgraphModule } from '../common/subgraph-server';
import { agreementsSubgraph } from './agreements/server';
import { indicationsSubgraph } from './indications/server';
import { maatwerkSubgraph } from './maatwerk/server';
import { personsSubgraph } from './persons/server';

export interface SubgraphEntry {
  name: string;
  /** Default port in development; production sets the URL per subgraph. */
  port: number;
  module: SubgraphModule<any>;
}

/** The one list of subgraphs: the dev runner, composition, the gateway and the tests all read it. */
export const subgraphs: SubgraphEntry[] = [
  { name: 'persons', port: 4001, module: personsSubgraph },
  { name: 'indications', port: 4002, module: indicationsSubgraph },
  { name: 'maatwerk', port: 4003, module: maatwerkSubgraph },
  { name: 'agreements', port: 4004, module: agreementsSubgraph },
];

export function subgraphNamed(name: string): SubgraphEntry {
  const entry = subgraphs.find((subgraph) => subgraph.name === name);
  if (!entry)
    throw new Error(`Unknown subgraph ${name}; known: ${subgraphs.map((s) => s.name).join(', ')}`);
  return entry;
}
