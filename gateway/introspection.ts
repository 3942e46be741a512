import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { filterSchema, pruneSchema } from '@graphql-tools/utils';
import {
  execute,
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

import type { Role } from '../common/access/caller';
import {
  isSelfOnlyNode,
  revealsOfNode,
  ruleOfField,
  type FieldRule,
} from '../common/access/categories';
import { visibleTo } from '../common/access/policy';
import { domainError, ErrorCode } from '../common/errors';
import type { GatewayContext } from './subgraph-source';

/**
 * `Type.field` (and `Type.field(argument:)`) → access rule, read from the `@tag`s the subgraphs
 * put in the supergraph.
 */
function rulesOf(supergraphSdl: string): Map<string, FieldRule> {
  const rules = new Map<string, FieldRule>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION
    )
      continue;
    for (const field of definition.fields ?? []) {
      const coordinate = `${definition.name.value}.${field.name.value}`;
      const rule = ruleOfField({ name: field.name.value, astNode: field }, { astNode: definition });
      if (rule) rules.set(coordinate, rule);
      for (const argument of field.arguments ?? []) {
        const filter = ruleOfField({ name: argument.name.value, astNode: argument }, {});
        if (filter) rules.set(`${coordinate}(${argument.name.value}:)`, filter);
      }
    }
    // A type that is only its person's own (the access log) goes with its fields.
    if (isSelfOnlyNode(definition)) {
      rules.set(definition.name.value, { minimal: false, selfOnly: true });
    }
    // So does a type whose values reveal a category the role does not read (B.7.11).
    const reveals = revealsOfNode(definition);
    if (reveals) rules.set(definition.name.value, { minimal: false, selfOnly: false, reveals });
  }
  return rules;
}

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/**
 * The names of the root fields an operation selects, through inline fragments and fragment
 * spreads too (whatever `@skip`/`@include` say: a field that may be selected counts).
 */
function rootFieldNames(operation: OperationDefinitionNode, document: DocumentNode): Set<string> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const names = new Set<string>();
  const visited = new Set<string>();
  const collect = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  return names;
}

/**
 * Answers introspection from the API schema cut down to what the caller's role may ever read:
 * fields of categories outside the role are removed, then types nothing points to any more.
 */
export function introspectionByRole(): ApolloServerPlugin<GatewayContext> {
  let apiSchema: GraphQLSchema | undefined;
  let rules = new Map<string, FieldRule>();
  const byRole = new Map<Role, GraphQLSchema>();

  const schemaFor = (role: Role): GraphQLSchema => {
    let schema = byRole.get(role);
    if (!schema) {
      const allowed = (key: string) => {
        const rule = rules.get(key);
        return !rule || visibleTo(role, rule);
      };
      const visible = (typeName: string, fieldName: string) =>
        allowed(typeName) && allowed(`${typeName}.${fieldName}`);
      // graphql-tools filters root fields apart (`fieldFilter` never sees them), naming the root
      // type by its operation: `Query`, `Mutation`, as the supergraph names them too. A filter
      // argument the role may not use is not shown either.
      schema = pruneSchema(
        filterSchema({
          schema: apiSchema!,
          typeFilter: (typeName) => allowed(typeName),
          rootFieldFilter: visible,
          fieldFilter: visible,
          argumentFilter: (typeName, fieldName, argumentName) =>
            allowed(`${typeName}.${fieldName}(${argumentName}:)`),
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
          rules = rulesOf(coreSupergraphSdl ?? '');
          byRole.clear();
        },
      };
    },
    async requestDidStart() {
      return {
        async responseForOperation({ operation, document, request, contextValue }) {
          const role = contextValue.caller.role;
          if (!apiSchema || role === 'SYSTEM') return null;
          const rootFields = [...rootFieldNames(operation, document as DocumentNode)];
          if (!rootFields.some((name) => INTROSPECTION_FIELDS.has(name))) return null;
          // Answered from the role's schema alone, which has no data: data fields must go apart.
          const dataFields = rootFields.filter(
            (name) => !INTROSPECTION_FIELDS.has(name) && name !== '__typename',
          );
          if (dataFields.length > 0) {
            const refusal = domainError(
              ErrorCode.BAD_USER_INPUT,
              `Send introspection (__schema, __type) in an operation of its own, without ${dataFields.join(', ')}.`,
            );
            return {
              http: { status: 400, headers: new HeaderMap() },
              body: { kind: 'single', singleResult: { errors: [refusal] } },
            };
          }
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
