import {
  defaultFieldResolver,
  getNamedType,
  isLeafType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

import { notFound } from '../errors';
import { personKeyOfNode, ruleOfField, type FieldRule } from './categories';
import { PERSONAL_CATEGORIES } from './matrix';
import { forbidden, type RequestPolicy } from './policy';
import { MUTATION_WRITERS } from './writers';

interface GuardedContext {
  policy: RequestPolicy;
}

/** Arguments that page a list rather than filter it. */
const PAGING_ARGUMENTS = new Set(['first', 'after']);

const isPersonal = (rule: FieldRule | undefined) =>
  !!rule && (rule.selfOnly || (!!rule.category && PERSONAL_CATEGORIES.has(rule.category)));

/**
 * Wraps every field the access policy restricts, on the schema `buildSubgraphSchema` returns,
 * in place:
 * - a field of a category outside the caller's mandate is null with a FORBIDDEN error at its
 *   path, and the read is recorded for the audit trail, allowed or not, against the person the
 *   record belongs to (the type's declared person key);
 * - a filter argument is a read of its own category, refused (FORBIDDEN, naming it) otherwise;
 * - a root lookup by id that the row scope hides is NOT_FOUND, and audited as refused.
 * The build fails on a record type with personal fields but no person key, a filter on a
 * personal list without a category, or a mutation without declared writers.
 */
export function guardFields(schema: GraphQLSchema): GraphQLSchema {
  const queryType = schema.getQueryType();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const personKey = personKeyOfNode(type.astNode);
    const fields = Object.values(type.getFields());
    const rules = new Map(fields.map((field) => [field, ruleOfField(field, type)]));
    // Personal data of the record itself (leaves), not the way to other records.
    const personal = fields.filter(
      (field) => isPersonal(rules.get(field)) && isLeafType(getNamedType(field.type)),
    );
    if (type !== queryType && type !== schema.getMutationType() && personal.length > 0) {
      if (!personKey) {
        throw new Error(
          `${type.name} has personal fields (${personal.map((f) => f.name).join(', ')}) but declares no person key: add @PersonKey to the type.`,
        );
      }
    }
    for (const field of fields) {
      const coordinate = `${type.name}.${field.name}`;
      if (type === schema.getMutationType()) {
        guardWrite(field, coordinate);
        continue;
      }
      const filters = filterRules(field, coordinate, isPersonal(rules.get(field)));
      const rule = rules.get(field);
      if (rule || filters.length > 0) {
        guard(field, {
          coordinate,
          rule,
          filters,
          personKey: type === queryType ? undefined : personKey,
          lookup: type === queryType ? lookupOf(field) : undefined,
        });
      }
    }
  }
  return schema;
}

/**
 * A mutation runs only for the roles that own what it changes (B.4 W cells, one table in
 * common/access/writers.ts); its category tag only decides who sees it in introspection.
 */
function guardWrite(field: GraphQLField<unknown, unknown>, coordinate: string): void {
  if (!MUTATION_WRITERS[field.name]) {
    throw new Error(`Mutation ${field.name} has no writers in common/access/writers.ts.`);
  }
  const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, context, info) => {
    const { policy } = context as GuardedContext;
    try {
      policy.assertWrite(field.name);
    } catch (error) {
      if (policy.audited) {
        policy.audit.refuse({ personId: null, subject: coordinate, field: coordinate });
      }
      throw error;
    }
    return resolve(source, args, context, info);
  };
}

/** The category of each filter argument; a personal list must declare one for every filter. */
function filterRules(
  field: GraphQLField<unknown, unknown>,
  coordinate: string,
  personalList: boolean,
): [GraphQLArgument, FieldRule][] {
  return field.args.flatMap((argument): [GraphQLArgument, FieldRule][] => {
    if (PAGING_ARGUMENTS.has(argument.name)) return [];
    const rule = ruleOfField({ name: argument.name, astNode: argument.astNode }, {});
    if (rule) return [[argument, rule]];
    if (personalList && argument.name !== 'id' && isListOrConnection(field)) {
      throw new Error(
        `${coordinate}(${argument.name}:) filters personal data but has no @Category: a filter is a read of its field's category.`,
      );
    }
    return [];
  });
}

const isListOrConnection = (field: GraphQLField<unknown, unknown>) =>
  field.args.some((argument) => argument.name === 'first') || String(field.type).includes('[');

/** A root field that finds one record by its `id`: what it asked for, to audit a refusal. */
interface Lookup {
  typeName: string;
  personIdIsTheId: boolean;
}

function lookupOf(field: GraphQLField<unknown, unknown>): Lookup | undefined {
  const type = getNamedType(field.type);
  if (!isObjectType(type) || !field.args.some((argument) => argument.name === 'id')) {
    return undefined;
  }
  const personKey = personKeyOfNode((type as GraphQLObjectType).astNode);
  if (!personKey) return undefined;
  return { typeName: type.name, personIdIsTheId: personKey === 'id' };
}

interface Guarded {
  coordinate: string;
  rule: FieldRule | undefined;
  filters: [GraphQLArgument, FieldRule][];
  /** Where the person's id sits on the resolved parent; undefined for root fields. */
  personKey: string | undefined;
  lookup: Lookup | undefined;
}

const NO_CONSENT = 'the person has not given your organisation the consent it needs';

function guard(field: GraphQLField<unknown, unknown>, guarded: Guarded): void {
  const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
  const { coordinate, rule, filters, personKey, lookup } = guarded;
  const personal = isPersonal(rule);
  // Kept synchronous where nothing needs waiting for: most fields are plain reads of a row.
  field.resolve = (source, args, context, info) => {
    const { policy } = context as GuardedContext;
    const asked = lookup && typeof args.id === 'string' ? args.id : undefined;
    const refuse = (error: Error): never => {
      if (policy.audited) {
        policy.audit.refuse({
          personId: lookup?.personIdIsTheId ? (asked ?? null) : null,
          subject: asked ? `${lookup!.typeName}:${asked}` : coordinate,
          field: coordinate,
        });
      }
      throw error;
    };
    for (const [argument, filterRule] of filters) {
      if (args[argument.name] === undefined || args[argument.name] === null) continue;
      try {
        policy.assertFilter(`${coordinate}(${argument.name}:)`, filterRule);
      } catch (error) {
        refuse(error as Error);
      }
    }
    const found = (value: unknown) => {
      if (asked && (value === null || value === undefined))
        refuse(notFound(lookup!.typeName, asked));
      return value;
    };
    const run = () => {
      const value = resolve(source, args, context, info);
      if (!asked) return value;
      return value instanceof Promise ? value.then(found) : found(value);
    };
    if (!rule) return run();
    const personId = personal && personKey ? personIdOf(source, personKey) : undefined;
    const settle = (allowed: boolean, why: string) => {
      if (personId && policy.audited) policy.audit.record(personId, coordinate, allowed);
      if (allowed) return run();
      const error = forbidden(coordinate, rule, why);
      if (personId) throw error;
      return refuse(error);
    };
    const decision = policy.decide(rule, personId);
    if ('consentFor' in decision) {
      return policy
        .consented(personId!, decision.consentFor)
        .then((given) => settle(given, NO_CONSENT));
    }
    return decision.allowed ? settle(true, '') : settle(false, decision.why);
  };
}

function personIdOf(source: unknown, personKey: string): string | undefined {
  const id = (source as Record<string, unknown> | undefined)?.[personKey];
  return typeof id === 'string' ? id : undefined;
}
