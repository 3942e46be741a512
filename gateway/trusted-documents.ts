import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { Request, RequestHandler } from 'express';
import { Kind, parse } from 'graphql';
import { decodeJwt } from 'jose';

import { errorBody } from './http-errors';

/** Apollo's persisted-query manifest: one per partner application, by its OAuth client id. */
export interface OperationManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: { id: string; name: string; type: 'query' | 'mutation'; body: string }[];
}

export type TrustedDocumentsMode = 'off' | 'allow' | 'enforce';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The manifests of a folder: `<application>.json`, each operation keyed by the hash of its text. */
export function readManifests(folder: string): Map<string, Map<string, string>> {
  const manifests = new Map<string, Map<string, string>>();
  if (!existsSync(folder)) return manifests;
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
    const manifest = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as OperationManifest;
    const operations = new Map<string, string>();
    for (const operation of manifest.operations) {
      if (sha256(operation.body) !== operation.id) {
        throw new Error(`${file}: operation ${operation.name} does not hash to its id`);
      }
      operations.set(operation.id, operation.body);
    }
    manifests.set(path.basename(file, '.json'), operations);
  }
  return manifests;
}

/** The names of the operations the manifests register: the only ones metrics label by name. */
export function registeredOperationNames(manifests: Map<string, Map<string, string>>): Set<string> {
  const names = new Set<string>();
  for (const operations of manifests.values()) {
    for (const body of operations.values()) {
      for (const definition of parse(body).definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) {
          names.add(definition.name.value);
        }
      }
    }
  }
  return names;
}

/** The application a bearer token names (`azp`, else `client_id`); verified later, by auth. */
function applicationOf(authorization: string | undefined): string | undefined {
  try {
    const claims = decodeJwt(authorization?.replace(/^Bearer /i, '') ?? '');
    return (claims.azp ?? claims.client_id) as string | undefined;
  } catch {
    return undefined;
  }
}

/** Where a request carries its operation: the JSON body of a POST, the URL of a GET. */
interface OperationParameters {
  query: unknown;
  extensions: Record<string, any> | undefined;
  /** Runs `text` instead of what the request sent, and drops its persisted-query hash. */
  replaceQuery(text: string): void;
}

function parametersOf(req: Request): OperationParameters {
  if (req.method === 'POST') {
    const body = req.body && typeof req.body === 'object' ? req.body : {};
    return {
      query: body.query,
      extensions: body.extensions,
      replaceQuery(text) {
        body.query = text;
        delete body.extensions.persistedQuery;
      },
    };
  }
  // Apollo's middleware reads a GET's operation from `req.url`, so a resolved one goes there.
  const url = new URL(req.url, 'http://gateway');
  const extensions = url.searchParams.get('extensions');
  let parsed: unknown;
  try {
    parsed = extensions === null ? undefined : JSON.parse(extensions);
  } catch {
    parsed = undefined;
  }
  return {
    query: url.searchParams.get('query') ?? undefined,
    extensions: parsed && typeof parsed === 'object' ? (parsed as Record<string, any>) : undefined,
    replaceQuery(text) {
      const { persistedQuery: _resolved, ...rest } = parsed as Record<string, unknown>;
      url.searchParams.set('query', text);
      url.searchParams.set('extensions', JSON.stringify(rest));
      req.url = `${url.pathname}${url.search}`;
    },
  };
}

/**
 * Trusted documents (TRUSTED_DOCUMENTS): a partner application sends the hash of an operation
 * registered in its manifest (`extensions.persistedQuery.sha256Hash`, as Apollo clients do) and
 * the gateway runs the registered text. With `enforce`, an operation that is not in the caller's
 * manifest is refused, whether sent by hash or in full, in a POST's body or in a GET's URL
 * (every method Apollo would run); with `allow`, hashes are resolved and full operations still
 * pass. The application is read from the token before it is verified: an unverified token
 * chooses a manifest, but is refused by authentication right after.
 */
export function trustedDocuments(
  mode: TrustedDocumentsMode,
  manifests: Map<string, Map<string, string>>,
): RequestHandler {
  return (req, res, next) => {
    if (mode === 'off') return next();
    const operation = parametersOf(req);
    const application = applicationOf(req.header('authorization')) ?? '(none)';
    const registered = manifests.get(application);
    const hash = operation.extensions?.persistedQuery?.sha256Hash;
    if (typeof hash === 'string') {
      const body = registered?.get(hash);
      if (!body) {
        res
          .status(400)
          .json(
            errorBody(
              'PERSISTED_QUERY_NOT_FOUND',
              `Operation ${hash} is not registered for application ${application}.`,
            ),
          );
        return;
      }
      operation.replaceQuery(body);
      return next();
    }
    if (
      mode === 'enforce' &&
      !(typeof operation.query === 'string' && registered?.has(sha256(operation.query)))
    ) {
      res
        .status(403)
        .json(
          errorBody(
            'FORBIDDEN',
            `This gateway runs registered operations only: add the operation to the manifest of application ${application} (trusted-documents/${application}.json) and send its sha256 hash.`,
          ),
        );
      return;
    }
    next();
  };
}
