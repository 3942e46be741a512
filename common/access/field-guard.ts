import {
  defaultFieldResolver,
  getNamedType,
  isLeafType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLError,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

import { domainError, type ErrorCode, notFound } from '../errors';
import { personKeyOfNode, ruleOfField, type FieldRule } from './categories';
import { PERSONAL_CATEGORIES } from './matrix';
import { NEUTRAL_CODES, neutralised } from './neutral-codes';
import { forbidden, readsPersons, type RequestPolicy } from './policy';
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
          neutralCodes: NEUTRAL_CODES[getNamedType(field.type).name],
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
  /** Codes of the field's enum that reveal assistance status, and their neutral stand-ins. */
  neutralCodes: Readonly<Record<string, string>> | undefined;
}

/** One call of a guarded field: what the resolver needs, without a closure per call. */
interface Call {
  source: unknown;
  args: Record<string, unknown>;
  context: unknown;
  info: Parameters<GraphQLFieldResolver<unknown, unknown>>[3];
  policy: RequestPolicy;
  /** The id a root lookup asked for. */
  asked: string | undefined;
  personId: string | undefined;
}

/**
 * The guarded resolver of one field. It runs for every field of every row, so it stays
 * synchronous where nothing needs waiting for and allocates no closures per call (the bundler's
 * function naming makes each one cost).
 */
class FieldGuard {
  private readonly personal: boolean;

  constructor(
    private readonly resolve: GraphQLFieldResolver<unknown, unknown>,
    private readonly guarded: Guarded,
  ) {
    this.personal = isPersonal(guarded.rule);
  }

  run(source: unknown, args: Record<string, unknown>, context: unknown, info: Call['info']) {
    const { policy } = context as GuardedContext;
    const { rule, filters, personKey, lookup } = this.guarded;
    const call: Call = {
      source,
      args,
      context,
      info,
      policy,
      asked: lookup && typeof args.id === 'string' ? args.id : undefined,
      personId: undefined,
    };
    // Every refused filter is named, so a partner fixes the operation in one go.
    let refused: GraphQLError[] | undefined;
    for (const [argument, filterRule] of filters) {
      if (args[argument.name] === undefined || args[argument.name] === null) continue;
      try {
        policy.assertFilter(`${this.guarded.coordinate}(${argument.name}:)`, filterRule);
      } catch (error) {
        (refused ??= []).push(error as GraphQLError);
      }
    }
    if (refused) this.refuse(call, refused.length === 1 ? refused[0] : allOf(refused));
    if (!rule) return this.resolved(call);
    call.personId = this.personal && personKey ? personIdOf(source, personKey) : undefined;
    const decision = policy.decide(rule, call.personId);
    if ('relationFor' in decision) {
      const category = decision.relationFor;
      return policy
        .holdsRelation(call.personId!, category)
        .then((held) => this.settle(call, held, held ? '' : policy.withoutRelation(category)));
    }
    return decision.allowed ? this.settle(call, true, '') : this.settle(call, false, decision.why);
  }

  private settle(call: Call, allowed: boolean, why: string): unknown {
    const { coordinate, rule } = this.guarded;
    if (call.personId && call.policy.audited) {
      call.policy.audit.record(call.personId, coordinate, allowed);
    }
    if (allowed) return this.resolved(call);
    const error = forbidden(coordinate, rule!, why);
    if (call.personId) throw error;
    return this.refuse(call, error);
  }

  private resolved(call: Call): unknown {
    const value = this.resolve(call.source, call.args, call.context, call.info);
    const codes = this.guarded.neutralCodes;
    if (codes && !readsPersons(call.policy.level('c'))) {
      return value instanceof Promise
        ? value.then((found) => neutralised(found, codes))
        : neutralised(value, codes);
    }
    if (!call.asked) return value;
    return value instanceof Promise
      ? value.then((found) => this.found(call, found))
      : this.found(call, value);
  }

  /** A root lookup whose record the row scope hides, or that does not exist: NOT_FOUND. */
  private found(call: Call, value: unknown): unknown {
    if (value === null || value === undefined) {
      this.refuse(call, notFound(this.guarded.lookup!.typeName, call.asked!));
    }
    return value;
  }

  private refuse(call: Call, error: Error): never {
    const { coordinate, lookup } = this.guarded;
    if (call.policy.audited) {
      call.policy.audit.refuse({
        personId: lookup?.personIdIsTheId ? (call.asked ?? null) : null,
        subject: call.asked ? `${lookup!.typeName}:${call.asked}` : coordinate,
        field: coordinate,
      });
    }
    throw error;
  }
}

/** One FORBIDDEN for several refused filters, each named in its message. */
function allOf(refusals: GraphQLError[]): GraphQLError {
  const { code, http: _http, ...details } = refusals[0].extensions;
  return domainError(code as ErrorCode, refusals.map((error) => error.message).join(' '), details);
}

function guard(field: GraphQLField<unknown, unknown>, guarded: Guarded): void {
  const fieldGuard = new FieldGuard(field.resolve ?? defaultFieldResolver, guarded);
  field.resolve = (source, args, context, info) => fieldGuard.run(source, args, context, info);
}

function personIdOf(source: unknown, personKey: string): string | undefined {
  const id = (source as Record<string, unknown> | undefined)?.[personKey];
  return typeof id === 'string' ? id : undefined;
}
