import { mapSchema, MapperKind } from '@graphql-tools/utils';
import {
  getNamedType,
  getVariableValues,
  isValueNode,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type GraphQLScalarType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

import { domainError, ErrorCode } from '../common/errors';
import { DateScalar, DateTimeScalar } from '../common/scalars';

/**
 * The subgraphs' own custom scalars. The API schema the gateway builds from the supergraph has
 * their names only and takes any value, so a bad date would travel to a subgraph and come back
 * as a failed call; the gateway parses them with the very definitions the subgraphs use.
 */
const SCALARS = new Map<string, GraphQLScalarType>(
  [DateScalar, DateTimeScalar].map((scalar) => [scalar.name, scalar]),
);

const refusal = (field: string, message: string) =>
  domainError(ErrorCode.BAD_USER_INPUT, message, { field, http: { status: 400 } });

/**
 * The argument and input fields above a value, as a partner wrote them (`input.endDate`), or the
 * variable whose default it is (`$from`).
 */
function pathOf(ancestors: readonly (ASTNode | readonly ASTNode[])[]): string {
  return ancestors
    .flatMap((ancestor) => {
      if (!('kind' in ancestor)) return [];
      if (ancestor.kind === Kind.VARIABLE_DEFINITION) return [`$${ancestor.variable.name.value}`];
      return ancestor.kind === Kind.ARGUMENT || ancestor.kind === Kind.OBJECT_FIELD
        ? [ancestor.name.value]
        : [];
    })
    .join('.');
}

/** Literal values of the custom scalars in the document, each parsed as its subgraph would. */
function checkLiterals(schema: GraphQLSchema, document: DocumentNode): void {
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      enter(node, _key, parent, _path, ancestors) {
        if (!isValueNode(node) || node.kind === Kind.VARIABLE) return;
        const type = typeInfo.getInputType();
        const scalar = type && SCALARS.get(getNamedType(type).name);
        if (!scalar || node.kind === Kind.NULL) return;
        // graphql-js leaves the parent (the argument or input field itself) out of the ancestors.
        const field = pathOf([...ancestors, ...(parent ? [parent] : [])]);
        try {
          if (scalar.parseLiteral(node) === undefined)
            throw new Error(`Expected a ${scalar.name}.`);
        } catch (error) {
          throw refusal(field, `${field}: ${(error as Error).message}`);
        }
      },
    }),
  );
}

const withRealScalars = new WeakMap<GraphQLSchema, GraphQLSchema>();

/** The API schema with the custom scalars' own parsing, for coercing variables. */
function coercingSchema(schema: GraphQLSchema): GraphQLSchema {
  let coercing = withRealScalars.get(schema);
  if (!coercing) {
    coercing = mapSchema(schema, {
      [MapperKind.SCALAR_TYPE]: (type) => SCALARS.get(type.name) ?? type,
    });
    withRealScalars.set(schema, coercing);
  }
  return coercing;
}

/**
 * Checks an operation's input values against the schema before anything is planned, custom
 * scalars by their own definitions: a bad value is BAD_USER_INPUT naming the argument or
 * variable, where it would otherwise fail inside a subgraph. Returns the variables coerced
 * (defaults applied), for the checks that read them.
 */
export function coercedInputs(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): Record<string, unknown> {
  checkLiterals(schema, document);
  const coerced = getVariableValues(
    coercingSchema(schema),
    operation.variableDefinitions ?? [],
    variables ?? {},
    { maxErrors: 1 },
  );
  if (coerced.errors) {
    const [error] = coerced.errors;
    const variable = error.nodes?.find((node) => node.kind === Kind.VARIABLE_DEFINITION);
    throw refusal(
      variable?.kind === Kind.VARIABLE_DEFINITION ? `$${variable.variable.name.value}` : '',
      error.message,
    );
  }
  return coerced.coerced;
}
