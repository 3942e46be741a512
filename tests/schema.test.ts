import { readFileSync } from 'node:fs';
import path from 'node:path';

import { composeSupergraph } from '../common/composition';
import { subgraphs } from '../subgraphs/registry';

const schemaFile = (name: string) =>
  readFileSync(path.resolve(__dirname, '..', 'schema', `${name}.graphql`), 'utf8');

describe('checked-in schema', () => {
  let composed: Awaited<ReturnType<typeof composeSupergraph>>;

  beforeAll(async () => {
    composed = await composeSupergraph(subgraphs);
  });

  it.each(subgraphs.map((s) => s.name))(
    'schema/%s.graphql matches the code (run `npm run compose`)',
    (name) => {
      const generated = composed.subgraphs.find((s) => s.name === name)!;
      expect(schemaFile(name)).toBe(generated.sdl);
    },
  );

  it('schema/supergraph.graphql is the composition of the subgraphs (run `npm run compose`)', () => {
    expect(schemaFile('supergraph')).toBe(composed.supergraph);
  });
});
