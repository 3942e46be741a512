import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  Kind,
  parse,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

import { auditEntry, auditWriterFor, type AuditEntry } from '../common/access/audit';
import { personKeyOfNode } from '../common/access/categories';
import type { Database } from '../common/db/connection';
import { logger } from '../common/logger';
import type { GatewayContext } from './subgraph-source';

/** A request whose caller holds no mandate for its purpose: refused before anything is planned. */
export interface RefusedContext extends GatewayContext {
  refusal?: GraphQLError;
}

/** The root fields an operation selects, through inline fragments and fragment spreads. */
function rootFields(operation: OperationDefinitionNode, document: DocumentNode): FieldNode[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const fields: FieldNode[] = [];
  const visited = new Set<string>();
  const collect = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  return fields;
}

/** Which types are a person's records, by the property that holds the person's id. */
function personKeysOf(supergraphSdl: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const key = personKeyOfNode(definition);
    if (key) keys.set(definition.name.value, key);
  }
  return keys;
}

/**
 * Audits a mandate refusal (DOMAIN A.2.6: refused consultations are logged too) with what the
 * operation asked for, then refuses it: a root lookup by id is logged as that record (and its
 * person when it is a person), any other root field by its coordinate.
 */
export function mandateRefusals(db: Database): ApolloServerPlugin<RefusedContext> {
  let schema: GraphQLSchema | undefined;
  let personKeys = new Map<string, string>();
  return {
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate({ apiSchema, coreSupergraphSdl }) {
          schema = apiSchema;
          personKeys = personKeysOf(coreSupergraphSdl ?? '');
        },
      };
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document, request }) {
          const { refusal, caller } = contextValue;
          if (!refusal) return;
          if (!operation) throw refusal;
          const rootType =
            operation.operation === 'mutation' ? schema?.getMutationType() : schema?.getQueryType();
          const entries: AuditEntry[] = rootFields(operation, document).map((field) => {
            const definition = rootType?.getFields()[field.name.value];
            const typeName = definition ? getNamedType(definition.type).name : undefined;
            const idArgument = field.arguments?.find((argument) => argument.name.value === 'id');
            const id = idArgument
              ? valueFromASTUntyped(idArgument.value, request.variables ?? {})
              : undefined;
            const asked = typeof id === 'string' && typeName ? `${typeName}:${id}` : undefined;
            const personId =
              asked && typeName && personKeys.get(typeName) === 'id' ? (id as string) : null;
            return auditEntry(
              caller,
              {
                subgraph: 'gateway',
                operation: request.operationName ?? 'anonymous',
                personId,
                subject: asked ?? `${rootType?.name ?? 'Query'}.${field.name.value}`,
              },
              'DENIED',
              [`${rootType?.name ?? 'Query'}.${field.name.value}`],
            );
          });
          try {
            if (entries.length > 0) await auditWriterFor(db).write(entries);
          } catch (error) {
            // Nothing is answered either way; the refusal stands, and the failure is told.
            logger.error({ err: error, requestId: caller.requestId }, 'audit of a refusal failed');
          }
          throw refusal;
        },
      };
    },
  };
}
