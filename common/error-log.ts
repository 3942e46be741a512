import type { ApolloServerPlugin } from '@apollo/server';

import { isPartnerError } from './errors';
import { logger } from './logger';

/**
 * Logs every error a partner only sees as INTERNAL, with the request id the partner quotes: the
 * same id in the gateway's and the subgraphs' logs, since the gateway forwards it.
 */
export function unexpectedErrorLog<Context extends { requestId: string }>(
  component: Record<string, string>,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            if (isPartnerError(error)) continue;
            logger.error(
              {
                ...component,
                requestId: contextValue?.requestId,
                operationName,
                path: error.path,
                err: error.originalError ?? error,
              },
              'unexpected error',
            );
          }
        },
      };
    },
  };
}
