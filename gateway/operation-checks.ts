import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type FragmentDefinitionNode } from 'graphql';

import { config } from '../common/config';
import { domainError, ErrorCode } from '../common/errors';
import { coercedInputs } from './input-values';
import { ASSUMED_LIST_SIZE, sizeOf } from './operation-budget';
import type { GatewayContext } from './subgraph-source';

export interface OperationBudget {
  /** GraphQL Armor's cost, with variables applied (QUERY_MAX_COST). */
  maxCost: number;
  /** Objects one answer may hold (QUERY_MAX_NODES). */
  maxNodes: number;
}

/** Apollo Server's own code for a request it cannot run as sent. */
const badRequest = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
const tooComplex = (message: string) =>
  domainError(ErrorCode.QUERY_TOO_COMPLEX, message, { http: { status: 400 } });

/**
 * Checks what validation cannot, because it needs the variables, after the operation is
 * validated and before anything is planned or fetched: which operation of the document to run,
 * its input values (custom scalars parsed as the subgraphs parse them), and its size against the
 * budget, counting a `first` from a variable by its value. Each refusal is a 400 with a code.
 */
export function operationChecks(
  budget: OperationBudget = { maxCost: config.QUERY_MAX_COST, maxNodes: config.QUERY_MAX_NODES },
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) {
            const names = document.definitions.flatMap((definition) =>
              definition.kind === Kind.OPERATION_DEFINITION && definition.name
                ? [definition.name.value]
                : [],
            );
            throw badRequest(
              request.operationName
                ? `The document has no operation named "${request.operationName}": set operationName to one of its operations (${names.join(', ') || 'it has no named one'}), or leave it out when there is one.`
                : `The document holds several operations: set operationName to the one to run (${names.join(', ')}).`,
            );
          }
          const variables = coercedInputs(schema, document, operation, request.variables);
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) {
              fragments[definition.name.value] = definition;
            }
          }
          const size = sizeOf(schema, operation, fragments, variables, config.CONNECTION_FIRST_MAX);
          if (size.cost > budget.maxCost) {
            throw tooComplex(
              `Cost limit of ${budget.maxCost} exceeded: the operation costs ${size.cost} (fields weighted by depth, connections by their first). Ask for fewer fields or smaller pages.`,
            );
          }
          if (size.nodes > budget.maxNodes) {
            throw tooComplex(
              `The operation would return about ${size.nodes} objects, more than ${budget.maxNodes} (connections count by their first, other lists ${ASSUMED_LIST_SIZE} entries each). Ask for smaller pages or fewer nested lists.`,
            );
          }
        },
      };
    },
  };
}
