import { readFileSync } from 'node:fs';
import path from 'node:path';

import { Kind, parse, type ObjectTypeDefinitionNode, type TypeNode } from 'graphql';

import { ruleOfField, type DataCategory } from '../../common/access/categories';
import { PERSONAS } from '../../common/access/personas';
import { allowed, COLUMNS, levelsOf, PERSONA_ROLES, type TaggedField } from '../support/b4';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The object types of the supergraph, with each field's return type, data category, and whether
 * only the person it is about may read it (the citizen's own view: `me`, the access log).
 */
interface SdlField {
  name: string;
  type: string;
  category?: TaggedField;
  selfOnly: boolean;
  /** A category its values reveal, which the role must read of persons too (B.7.11). */
  reveals?: DataCategory;
}

/**
 * Whether a role may ever read a field: its category, a self-only field for citizens only, and
 * a field revealing another category only for a role that reads that category of persons.
 */
function fieldAllowed(role: string, field: SdlField): boolean {
  if (field.selfOnly && role !== 'CITIZEN') return false;
  if (field.reveals && ['none', 'aggregate'].includes(levelsOf(role)[field.reveals])) return false;
  return !field.category || allowed(role, field.category);
}

function namedTypeOf(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type);
}

function readObjectTypes(): Map<string, SdlField[]> {
  const sdl = readFileSync(path.resolve(__dirname, '../../schema/supergraph.graphql'), 'utf8');
  const types = new Map<string, SdlField[]>();
  for (const definition of parse(sdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const type = definition as ObjectTypeDefinitionNode;
    types.set(
      type.name.value,
      (type.fields ?? []).map((field) => {
        const rule = ruleOfField({ name: field.name.value, astNode: field }, { astNode: type });
        return {
          name: field.name.value,
          type: namedTypeOf(field.type),
          category: rule?.category
            ? { category: rule.category, minimal: rule.minimal, views: rule.views }
            : undefined,
          selfOnly: rule?.selfOnly ?? false,
          reveals: rule?.reveals,
        };
      }),
    );
  }
  return types;
}

/**
 * What a role's introspection should hold: per object type, the fields the hand table allows,
 * after dropping the types that are left empty or that no allowed path from Query or Mutation reaches any
 * more (and the fields that lead only to such types), until nothing changes.
 */
function expectedSchema(types: Map<string, SdlField[]>, role: string): Map<string, string[]> {
  let kept = new Set(types.keys());
  for (;;) {
    const fieldsOf = (typeName: string) =>
      types
        .get(typeName)!
        .filter((field) => fieldAllowed(role, field))
        .filter((field) => !types.has(field.type) || kept.has(field.type));
    const reached = new Set<string>();
    const queue = ['Query', 'Mutation'];
    while (queue.length) {
      const typeName = queue.pop()!;
      if (reached.has(typeName) || !kept.has(typeName)) continue;
      const fields = fieldsOf(typeName);
      if (fields.length === 0) continue;
      reached.add(typeName);
      queue.push(...fields.map((field) => field.type).filter((type) => types.has(type)));
    }
    if (reached.size === kept.size) {
      return new Map(
        [...reached].map((typeName) => [typeName, fieldsOf(typeName).map((f) => f.name)]),
      );
    }
    kept = reached;
  }
}

const SCHEMA_QUERY = '{ __schema { types { kind name fields { name } } } }';

interface IntrospectedType {
  kind: string;
  name: string;
  fields: { name: string }[] | null;
}

/** Introspection shows each role only the types and fields it may ever read (DOMAIN A.2.3). */
describe('introspection per role', () => {
  let stack: TestStack;
  const sdlTypes = readObjectTypes();
  beforeAll(async () => {
    stack = await startTestStack('small');
  });
  afterAll(() => stack?.stop());

  async function fieldsOf(persona: string, type: string): Promise<string[] | null> {
    const { body } = await stack.query(
      `query($type: String!) { __type(name: $type) { fields { name } } }`,
      { type },
      { persona },
    );
    expect(body.errors).toBeUndefined();
    return body.data.__type?.fields.map((field: { name: string }) => field.name) ?? null;
  }

  /** A persona's introspection as object type → field names (introspection's own types aside). */
  async function objectTypesOf(
    persona: string,
    query = SCHEMA_QUERY,
  ): Promise<Map<string, string[]>> {
    const { status, body } = await stack.query(query, {}, { persona });
    expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
    return new Map(
      (body.data.__schema.types as IntrospectedType[])
        .filter((type) => type.kind === 'OBJECT' && !type.name.startsWith('__'))
        .map((type) => [type.name, type.fields!.map((field) => field.name)]),
    );
  }

  it('has a hand-written row for every demo persona', () => {
    expect(Object.keys(PERSONA_ROLES).sort()).toEqual(PERSONAS.map((p) => p.name).sort());
    for (const persona of PERSONAS)
      expect([persona.name, persona.role]).toEqual([persona.name, PERSONA_ROLES[persona.name]]);
  });

  it('finds fields of categories a to q in the supergraph, so every column is exercised', () => {
    const tagged = new Set(
      [...sdlTypes.values()]
        .flat()
        .flatMap((field) => (field.category ? [field.category.category] : [])),
    );
    // Column r (provincial and Flemish aggregates) has no field in the supergraph yet, so its
    // cells cannot be checked here.
    expect([...tagged]).toEqual(expect.arrayContaining(COLUMNS.filter((c) => c !== 'r')));
  });

  describe.each(Object.entries(PERSONA_ROLES))('%s (%s)', (persona, role) => {
    const expected = expectedSchema(sdlTypes, role);
    let visible: Map<string, string[]>;

    beforeAll(async () => {
      visible = await objectTypesOf(persona);
    });

    // Query counts like any other type: a root field of a category the role may never read must
    // not show either, nor the types that only such fields lead to.
    it('shows no field that B.4 does not allow the role, and no type it cannot reach', () => {
      const notAllowed = [...visible].flatMap(([typeName, fields]) =>
        fields
          .map((name) => ({ name, field: sdlTypes.get(typeName)?.find((f) => f.name === name) }))
          .filter(({ field }) => !field || !fieldAllowed(role, field))
          .map(({ name, field }) => {
            const category = field?.category;
            const why = field?.selfOnly
              ? 'self only'
              : category
                ? `${category.category}${category.minimal ? ', minimal' : ''}`
                : 'not in the supergraph';
            return `${typeName}.${name} (${why})`;
          }),
      );
      expect(notAllowed).toEqual([]);
      const unreachable = [...visible.keys()].filter((typeName) => !expected.has(typeName));
      expect(unreachable).toEqual([]);
    });

    it('shows every field that B.4 allows the role, on every type it can still reach', () => {
      const missingTypes = [...expected.keys()].filter((typeName) => !visible.has(typeName));
      expect(missingTypes).toEqual([]);
      const missingFields = [...expected].flatMap(([typeName, fields]) =>
        fields
          .filter((name) => !visible.get(typeName)?.includes(name))
          .map((name) => `${typeName}.${name}`),
      );
      expect(missingFields).toEqual([]);
    });

    it('never shows the federation entry points _entities and _service', () => {
      expect(visible.get('Query')).not.toEqual(expect.arrayContaining(['_entities']));
      expect(visible.get('Query')).not.toEqual(expect.arrayContaining(['_service']));
    });
  });

  it('gives roles with different rows different schemas (the table is not trivially satisfied)', async () => {
    const monitor = await objectTypesOf('monitor-gent');
    const citizen = await objectTypesOf('citizen');
    const mediator = await objectTypesOf('vdab-mediator');
    expect(monitor.get('Person') ?? []).not.toContain('firstName');
    expect(citizen.get('Person')).toContain('firstName');
    expect(monitor.get('CollaborationAgreement')).toContain('overlegforum');
    expect(mediator.get('CollaborationAgreement')).toContain('title');
    expect(mediator.get('CollaborationAgreement')).not.toContain('overlegforum');
  });

  it('shows the citizen every field of their assistance record', async () => {
    expect(await fieldsOf('citizen', 'SocialAssistanceRecord')).toEqual(
      expect.arrayContaining(['type', 'exemptionReason', 'sanctions']),
    );
  });

  it('shows a VDAB mediator the minimised assistance record only, exemption reason hidden', async () => {
    const fields = await fieldsOf('vdab-mediator', 'SocialAssistanceRecord');
    expect(fields).toEqual(expect.arrayContaining(['type', 'registrationDuty']));
    expect(fields).not.toContain('exemptionReason');
  });

  it('hides the assistance record type from an employer, and every personal field from a monitor', async () => {
    expect(await fieldsOf('employer-1', 'SocialAssistanceRecord')).toBeNull();
    const person = await fieldsOf('monitor-gent', 'Person');
    expect(person ?? []).not.toEqual(expect.arrayContaining(['firstName']));
  });

  /**
   * The filter must not depend on how the introspection is spelled: `__schema` and `__type`
   * inside an inline fragment or a named fragment on Query are the same question.
   */
  it.each([
    ['an inline fragment', '{ ... on Query { __schema { types { kind name fields { name } } } } }'],
    [
      'a named fragment',
      'query { ...Schema } fragment Schema on Query { __schema { types { kind name fields { name } } } }',
    ],
  ])('filters introspection wrapped in %s like any other', async (_how, query) => {
    const differs: string[] = [];
    for (const persona of Object.keys(PERSONA_ROLES)) {
      const direct = await objectTypesOf(persona);
      const wrapped = await objectTypesOf(persona, query);
      if (JSON.stringify([...wrapped].sort()) !== JSON.stringify([...direct].sort())) {
        differs.push(persona);
      }
    }
    expect(differs).toEqual([]);
  });

  it('shows the citizen view (me, the access log) to citizens only', async () => {
    const citizen = await objectTypesOf('citizen');
    expect(citizen.get('Query')).toContain('me');
    expect(citizen.get('Person')).toContain('accessLog');
    for (const persona of Object.keys(PERSONA_ROLES).filter((name) => name !== 'citizen')) {
      const visible = await objectTypesOf(persona);
      expect([persona, visible.get('Query')]).not.toEqual([
        persona,
        expect.arrayContaining(['me']),
      ]);
      expect([persona, visible.has('AccessLogEntry')]).toEqual([persona, false]);
      expect([persona, visible.get('Person') ?? []]).not.toEqual([
        persona,
        expect.arrayContaining(['accessLog']),
      ]);
    }
  });

  it('shows a filter argument only to a role that may read what it filters on', async () => {
    const argumentsOf = async (persona: string) => {
      const { body } = await stack.query(
        '{ __type(name: "Query") { fields { name args { name } } } }',
        {},
        { persona },
      );
      const persons = body.data.__type.fields.find((f: { name: string }) => f.name === 'persons');
      return persons?.args.map((argument: { name: string }) => argument.name) ?? [];
    };
    expect(await argumentsOf('vdab-mediator')).toEqual(
      expect.arrayContaining(['residenceNisCode', 'labourMarketStatus', 'registeredAtVdab']),
    );
    // A job coach reads identity (a) but no residence (b) and no VDAB registration (e).
    const coach = await argumentsOf('job-coach-1');
    expect(coach).toEqual(expect.arrayContaining(['first', 'after']));
    expect(coach).not.toEqual(expect.arrayContaining(['residenceNisCode']));
    expect(coach).not.toEqual(expect.arrayContaining(['labourMarketStatus']));
  });

  it('refuses introspection mixed with data, which it could not filter and answer at once', async () => {
    const { status, body } = await stack.query(
      '{ __type(name: "Person") { name } person(id: "P-000001") { id } }',
      {},
      { persona: 'monitor-gent' },
    );
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0].message).toMatch(/operation of its own, without person/);
    expect(status).toBe(400);
  });
});
