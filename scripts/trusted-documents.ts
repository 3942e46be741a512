import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { Kind, parse } from 'graphql';

import { sha256, type OperationManifest } from '../gateway/trusted-documents';

/*
 * `npm run trusted-documents`: writes each partner application's manifest of registered
 * operations (trusted-documents/<application>.json) from the operations it sends. A partner's
 * build produces its own manifest the same way (e.g. Apollo's generate-persisted-query-manifest)
 * and hands it to the platform.
 */

const ROOT = path.resolve(__dirname, '..');
const source = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** The demo application (`azp: maatwerk-demo`): the dashboard page and the mediator's caseload. */
const APPLICATIONS: Record<string, string[]> = {
  'maatwerk-demo': [
    source('gateway/dashboard/dashboard.graphql'),
    source('trusted-documents/maatwerk-demo/caseload.graphql'),
  ],
};

function manifestOf(documents: string[]): OperationManifest {
  return {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: documents.map((body) => {
      const operation = parse(body).definitions.find(
        (definition) => definition.kind === Kind.OPERATION_DEFINITION,
      );
      if (operation?.kind !== Kind.OPERATION_DEFINITION || !operation.name) {
        throw new Error(`A registered document needs one named operation:\n${body.slice(0, 200)}`);
      }
      return {
        id: sha256(body),
        name: operation.name.value,
        type: operation.operation === 'mutation' ? 'mutation' : 'query',
        body,
      };
    }),
  };
}

for (const [application, documents] of Object.entries(APPLICATIONS)) {
  const file = path.join(ROOT, 'trusted-documents', `${application}.json`);
  writeFileSync(file, `${JSON.stringify(manifestOf(documents), null, 2)}\n`);
  console.log(`Wrote ${path.relative(ROOT, file)}: ${documents.length} operations`);
}
