import {
  defaultFieldResolver,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';

import { domainError, ErrorCode } from '../errors';
import { categoryOfField, DATA_CATEGORIES, type FieldCategory } from './categories';
import { PERSONAL_CATEGORIES } from './matrix';
import type { RequestAccess } from './request-access';

interface GuardedContext {
  access: RequestAccess;
}

/** Whose data a resolved object is: the person itself, or the person a record belongs to. */
function personIdOf(
  typeName: string,
  source: Record<string, unknown> | undefined,
): string | undefined {
  const id = typeName === 'Person' ? source?.id : source?.personId;
  return typeof id === 'string' ? id : undefined;
}

function forbidden(coordinate: string, { category, minimal }: FieldCategory, why: string) {
  return domainError(
    ErrorCode.FORBIDDEN,
    `${coordinate} is data category ${category} (${DATA_CATEGORIES[category]})${minimal ? ', minimised view' : ''}: ${why}.`,
    { category },
  );
}

/**
 * Wraps every field that carries a data category so it is resolved only when the caller's
 * mandate allows it; otherwise the field is null with a FORBIDDEN error at its path. Reads of
 * personal data are recorded for the audit trail, allowed or not. Runs on the schema that
 * `buildSubgraphSchema` returns, in place, so nothing it built is lost.
 */
export function guardFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const category = categoryOfField(field, type);
      if (category) guard(field, `${type.name}.${field.name}`, type.name, category);
    }
  }
  return schema;
}

function guard(
  field: GraphQLField<unknown, unknown>,
  coordinate: string,
  typeName: string,
  category: FieldCategory,
): void {
  const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
  const personal = PERSONAL_CATEGORIES.has(category.category);
  field.resolve = (source, args, context, info) => {
    const { access } = context as GuardedContext;
    const personId = personal
      ? personIdOf(typeName, source as Record<string, unknown> | undefined)
      : undefined;
    const level = access.level(category.category);
    const decide = (allowed: boolean, why: string) => {
      if (personId && access.audited) access.audit.record(personId, coordinate, allowed);
      if (!allowed) throw forbidden(coordinate, category, why);
      return resolve(source, args, context, info);
    };
    switch (level) {
      case 'full':
        return decide(true, '');
      case 'minimal':
        return decide(
          category.minimal,
          'your mandate includes only the minimised view of this category',
        );
      case 'consent':
        if (!personId) return decide(true, '');
        return access
          .consented(personId, category.category)
          .then((given) =>
            decide(given, 'the person has not given your organisation the consent it needs'),
          );
      case 'aggregate':
        // Figures about many people are readable; a field about one person never is.
        return decide(!personal, 'your mandate includes only aggregates of this category');
      default:
        return decide(false, 'your mandate does not include it');
    }
  };
}
