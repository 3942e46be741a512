import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

import { DEFAULT_PAGE_SIZE } from '../common/page-size';

/**
 * Entries assumed in a list the schema does not page: a person's advices or placements, a
 * figure's breakdown by advice type. Most hold a handful; ten is generous.
 */
export const ASSUMED_LIST_SIZE = 10;

/** Each level of selections weighs this much more than the one above it (GraphQL Armor's). */
const DEPTH_FACTOR = 1.5;
const LEAF_COST = 1;
const OBJECT_COST = 2;

export interface OperationSize {
  /**
   * GraphQL Armor's cost: a leaf field 1, an object 2 plus 1.5 times its selections, times the
   * `first` of a connection; fragments count as if written out.
   */
  cost: number;
  /**
   * The objects the answer can hold: a connection's edges count by its `first`, other lists by
   * ASSUMED_LIST_SIZE, an object once per parent.
   */
  nodes: number;
}

/** Introspection is answered from the caller's cut of the schema, not from the subgraphs. */
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/**
 * What an operation asks of the subgraphs, with its variables applied: a `first` that comes in
 * a variable counts by its value, one left out by the default page (50), one over the cap by the
 * cap (the subgraph refuses it with BAD_USER_INPUT). `@skip`/`@include` are not applied: what an
 * operation may select counts. Fragments are weighed once per page size (a fragment spread many
 * times costs no more time to weigh).
 */
export function sizeOf(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  maxPage: number,
): OperationSize {
  const weighed = new Map<string, OperationSize>();

  /** The page a field with a `first` argument returns, or undefined for any other field. */
  const pageOf = (field: GraphQLField<unknown, unknown>, node: FieldNode) => {
    if (!field.args.some((argument) => argument.name === 'first')) return undefined;
    const first = getArgumentValues(field, node, variables).first;
    return typeof first === 'number' ? Math.min(Math.max(first, 0), maxPage) : DEFAULT_PAGE_SIZE;
  };

  /**
   * The selections of one object of `type` (their costs summed, before the depth factor); `page`
   * sizes its lists when the object is a connection.
   */
  function selections(
    set: SelectionSetNode,
    type: GraphQLCompositeType,
    page: number | undefined,
  ): OperationSize {
    const total: OperationSize = { cost: 0, nodes: 0 };
    const add = (size: OperationSize) => {
      total.cost += size.cost;
      total.nodes += size.nodes;
    };
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType)
          : type;
        add(selections(selection.selectionSet, condition, page));
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const key = `${selection.name.value}|${page}`;
        let size = weighed.get(key);
        if (!size) {
          const fragment = fragments[selection.name.value];
          const condition = schema.getType(
            fragment.typeCondition.name.value,
          ) as GraphQLCompositeType;
          size = selections(fragment.selectionSet, condition, page);
          weighed.set(key, size);
        }
        add(size);
      } else if (!INTROSPECTION_FIELDS.has(selection.name.value)) {
        const field = 'getFields' in type ? type.getFields()[selection.name.value] : undefined;
        const fieldType = field && getNamedType(field.type);
        if (!field || !selection.selectionSet || !isCompositeType(fieldType)) {
          total.cost += LEAF_COST;
          continue;
        }
        const fieldPage = pageOf(field, selection);
        const inner = selections(selection.selectionSet, fieldType, fieldPage);
        const entries = isListType(getNullableType(field.type)) ? (page ?? ASSUMED_LIST_SIZE) : 1;
        total.cost += (OBJECT_COST + DEPTH_FACTOR * inner.cost) * (fieldPage ?? 1);
        total.nodes += entries * (1 + inner.nodes);
      }
    }
    return total;
  }

  const size = selections(
    operation.selectionSet,
    schema.getRootType(operation.operation)!,
    undefined,
  );
  return { cost: Math.round(size.cost), nodes: size.nodes };
}
