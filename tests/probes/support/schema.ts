import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
  buildSchema,
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';

/**
 * The composed supergraph as the probes walk it: types, fields, arguments and the `@tag(name:
 * "category-x")` declarations the product puts on them. Read from `schema/supergraph.graphql`, the
 * file the gateway serves.
 */
export const SUPERGRAPH_FILE = path.join(
  __dirname,
  '..',
  '..',
  '..',
  'schema',
  'supergraph.graphql',
);

let cached: GraphQLSchema | undefined;

export function supergraph(): GraphQLSchema {
  cached ??= buildSchema(readFileSync(SUPERGRAPH_FILE, 'utf8'), { assumeValidSDL: true });
  return cached;
}

/** Object types of the API schema (federation and link machinery left out). */
export function apiObjectTypes(): GraphQLObjectType[] {
  return Object.values(supergraph().getTypeMap()).filter(
    (t): t is GraphQLObjectType =>
      isObjectType(t) &&
      !t.name.startsWith('__') &&
      !t.name.startsWith('join__') &&
      !t.name.startsWith('link__'),
  );
}

export function objectType(name: string): GraphQLObjectType {
  const t = supergraph().getType(name);
  if (!t || !isObjectType(t)) throw new Error(`no object type ${name} in the supergraph`);
  return t;
}

/**
 * The `category-…` tags of a field or type, as written (`c`, `c-minimal`, `n-views-6-10`), and a
 * `self-only` tag as `self` (only the person it is about reads it).
 */
function categoryTags(node: { astNode?: any } | undefined): string[] {
  const directives = node?.astNode?.directives ?? [];
  const names: string[] = directives
    .filter((d: any) => d.name.value === 'tag')
    .map(
      (d: any) => d.arguments?.find((a: any) => a.name.value === 'name')?.value?.value as string,
    );
  if (names.includes('self-only')) return ['self'];
  return names
    .filter((name) => name?.startsWith('category-'))
    .map((name) => name.slice('category-'.length));
}

export interface SchemaTag {
  /** e.g. `a`, `c-minimal`; null when neither the field nor its type carries one. */
  tag: string | null;
  /** Where it was read: on the field itself or inherited from the type. */
  from: 'field' | 'type' | null;
}

const tagCache = new Map<string, SchemaTag>();

/** The category the schema declares for a field: its own tag, else its type's. */
export function schemaTagOf(typeName: string, fieldName: string): SchemaTag {
  const key = `${typeName}.${fieldName}`;
  let tag = tagCache.get(key);
  if (!tag) tagCache.set(key, (tag = readTag(typeName, fieldName)));
  return tag;
}

function readTag(typeName: string, fieldName: string): SchemaTag {
  const type = objectType(typeName);
  const field = type.getFields()[fieldName];
  const own = categoryTags(field);
  if (own.length) return { tag: own.join('+'), from: 'field' };
  const inherited = categoryTags(type);
  if (inherited.length) return { tag: inherited.join('+'), from: 'type' };
  return { tag: null, from: null };
}

export function namedTypeOf(field: GraphQLField<unknown, unknown>): GraphQLNamedType {
  return getNamedType(field.type);
}

export function isList(type: GraphQLType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner);
}

export function isLeaf(field: GraphQLField<unknown, unknown>): boolean {
  const t = namedTypeOf(field);
  return isScalarType(t) || isEnumType(t);
}

export function enumTypeName(field: GraphQLField<unknown, unknown>): string | null {
  const t = namedTypeOf(field);
  return isEnumType(t) ? t.name : null;
}

/** Enum values of an enum type. */
export function enumValues(name: string): string[] {
  const t = supergraph().getType(name);
  if (!t || !isEnumType(t)) throw new Error(`no enum ${name}`);
  return t.getValues().map((v) => v.name);
}

/** Arguments a field cannot be asked without. */
export function requiredArgs(field: GraphQLField<unknown, unknown>): string[] {
  return field.args
    .filter((a) => isNonNullType(a.type) && a.defaultValue === undefined)
    .map((a) => a.name);
}
