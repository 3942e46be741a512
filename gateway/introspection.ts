import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { filterSchema, pruneSchema } from '@graphql-tools/utils';
import {
  execute,
  Kind,
  parse,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

import type { Role } from '../common/access/caller';
import { categoryOfField, type FieldCategory } from '../common/access/categories';
import { ACCESS_MATRIX, PERSONAL_CATEGORIES } from '../common/access/matrix';
import type { GatewayContext } from './server';

/** `Type.field` → data category, read from the `@tag`s the subgraphs put in the supergraph. */
function categoriesOf(supergraphSdl: string): Map<string, FieldCategory> {
  const categories = new Map<string, FieldCategory>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION
    )
      continue;
    for (const field of definition.fields ?? []) {
      const category = categoryOfField(
        { name: field.name.value, astNode: field },
        { astNode: definition },
      );
      if (category) categories.set(`${definition.name.value}.${field.name.value}`, category);
    }
  }
  return categories;
}

/** Whether a role may ever read a field of this category (DOMAIN A.2.3: introspection shows no more). */
function visibleTo(role: Role, { category, minimal }: FieldCategory): boolean {
  switch (ACCESS_MATRIX[role][category]) {
    case 'full':
    case 'consent':
      return true;
    case 'minimal':
      return minimal;
    case 'aggregate':
      return !PERSONAL_CATEGORIES.has(category);
    default:
      return false;
  }
}

function isIntrospection(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.some(
    (selection) =>
      selection.kind === Kind.FIELD &&
      (selection.name.value === '__schema' || selection.name.value === '__type'),
  );
}

/**
 * Answers introspection from the API schema cut down to what the caller's role may ever read:
 * fields of categories outside the role are removed, then types nothing points to any more.
 */
export function introspectionByRole(): ApolloServerPlugin<GatewayContext> {
  let apiSchema: GraphQLSchema | undefined;
  let categories = new Map<string, FieldCategory>();
  const byRole = new Map<Role, GraphQLSchema>();

  const schemaFor = (role: Role): GraphQLSchema => {
    let schema = byRole.get(role);
    if (!schema) {
      schema = pruneSchema(
        filterSchema({
          schema: apiSchema!,
          fieldFilter: (typeName, fieldName) => {
            const category = categories.get(`${typeName}.${fieldName}`);
            return !category || visibleTo(role, category);
          },
        }),
      );
      byRole.set(role, schema);
    }
    return schema;
  };

  return {
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate({ apiSchema: loaded, coreSupergraphSdl }) {
          apiSchema = loaded;
          categories = categoriesOf(coreSupergraphSdl ?? '');
          byRole.clear();
        },
      };
    },
    async requestDidStart() {
      return {
        async responseForOperation({ operation, document, request, contextValue }) {
          const role = contextValue.caller.role;
          if (!apiSchema || role === 'SYSTEM' || !isIntrospection(operation)) return null;
          const result = await execute({
            schema: schemaFor(role),
            document: document as DocumentNode,
            operationName: request.operationName,
            variableValues: request.variables,
          });
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data: result.data, errors: result.errors } },
          };
        },
      };
    },
  };
}
