import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { mapSchema, MapperKind, printSchemaWithDirectives } from '@graphql-tools/utils';
import { isNonNullType, parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';

import { ruleOfField } from './access/categories';
import { guardFields } from './access/field-guard';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", ' +
  'import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

export type ReferenceResolvers = GraphQLResolverMap<unknown>;

/**
 * Turns type-graphql classes into an Apollo Federation 2 subgraph schema.
 *
 * type-graphql knows nothing of federation: it builds the schema with `skipCheck` (entities are
 * only reachable through `_entities`), the schema is printed with its directives (plain
 * `printSchema` drops `@key`), and `buildSubgraphSchema` rebuilds it from SDL, which keeps only
 * the resolvers that `createResolversMap` extracted; the `__resolveReference` functions are merged
 * in there. Last, every field with a data category is guarded by the caller's mandate.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, skipCheck: true });
  const typeDefs = parse(
    `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(relaxRestrictedFields(schema))}`,
  );
  const resolvers = createResolversMap(schema) as ReferenceResolvers;
  for (const [typeName, typeResolvers] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(typeResolvers as object) };
  }
  return guardFields(buildSubgraphSchema({ typeDefs, resolvers }));
}

/**
 * Makes every field that carries a data category nullable: a caller outside the category gets
 * `null` and a FORBIDDEN error at that path, and a non-null field would instead wipe out its parent.
 */
function relaxRestrictedFields(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      const type = schema.getType(typeName);
      const restricted = ruleOfField(
        { name: fieldName, astNode: field.astNode },
        { astNode: type?.astNode },
      );
      return restricted && isNonNullType(field.type)
        ? { ...field, type: field.type.ofType }
        : field;
    },
  });
}
