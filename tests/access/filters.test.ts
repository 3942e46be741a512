import { readFileSync } from 'node:fs';
import path from 'node:path';

import { Kind, parse, print, type ObjectTypeDefinitionNode, type TypeNode } from 'graphql';

import type { DataCategory } from '../../common/access/categories';
import { mayFilter, PERSONA_ROLES } from '../support/b4';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Issue 13 item 8: a filter is a read of the category of what it filters on. A partner that may
 * not read a field may not sort persons by it either: the filtered list would tell it the value
 * of every person in it. The cases the auditor found, then every filter argument of the
 * supergraph for every persona, against a hand copy of B.4.
 */
describe('filters read the category they filter on', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack('small');
  });
  afterAll(() => stack?.stop());

  it.each([
    ['employer-1', '{ persons(labourMarketStatus: NWWZ) { totalCount } }', 'labourMarketStatus'],
    ['employer-1', '{ persons(registeredAtVdab: true) { totalCount } }', 'registeredAtVdab'],
    ['job-coach-1', '{ persons(registeredAtVdab: false) { totalCount } }', 'registeredAtVdab'],
    ['job-coach-1', '{ persons(residenceNisCode: "44021") { totalCount } }', 'residenceNisCode'],
    [
      'vdab-icf-consultant',
      '{ socialAssistanceRecords(clientStatus: EXEMPT) { totalCount } }',
      'clientStatus',
    ],
  ])('refuses %s the filter in %s', async (persona, query, argument) => {
    const { body } = await stack.query(query, undefined, { persona });
    expect(JSON.stringify(body.data ?? {})).not.toMatch(/totalCount/);
    expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(body.errors?.[0].message).toContain(`(${argument}:)`);
  });

  it('still lets a reader of the category filter on it', async () => {
    const { body } = await stack.query(
      '{ a: persons(labourMarketStatus: NWWZ) { totalCount } b: persons { totalCount } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.a.totalCount).toBeGreaterThan(0);
    expect(body.data.a.totalCount).toBeLessThan(body.data.b.totalCount);
  });

  describe('every filter argument of the supergraph, for every persona', () => {
    const filters = readFilterArguments();

    it('finds the filters on personal lists (the sweep is not empty)', () => {
      expect(filters.map((f) => `${f.field}(${f.argument}:)`)).toEqual(
        expect.arrayContaining([
          'persons(residenceNisCode:)',
          'persons(labourMarketStatus:)',
          'socialAssistanceRecords(clientStatus:)',
          'referrals(status:)',
          'advices(type:)',
        ]),
      );
    });

    it('has a sample value of every filter type (a new type is named, not skipped)', () => {
      const types = filters.flatMap((f) => [f.type, ...f.required.map((other) => other.type)]);
      expect([...new Set(types)].filter((type) => !(type in SAMPLE))).toEqual([]);
    });

    it.each(Object.keys(PERSONA_ROLES))(
      '%s: a filter answers only what its category allows',
      async (persona) => {
        const refusedWrongly: string[] = [];
        const allowedWrongly: string[] = [];
        for (const filter of filters) {
          // The other arguments the list requires (a vacancy for candidates) get a sample too.
          const others = filter.required.map((other, i) => ({ ...other, variable: `r${i}` }));
          const declared = [
            `$value: ${filter.declared}`,
            ...others.map((other) => `$${other.variable}: ${other.declared}`),
          ].join(', ');
          const passed = [
            `${filter.argument}: $value`,
            ...others.map((other) => `${other.name}: $${other.variable}`),
          ].join(', ');
          const query = `query(${declared}) { list: ${filter.field}(${passed}) { totalCount } }`;
          const variables = Object.fromEntries([
            ['value', SAMPLE[filter.type]],
            ...others.map((other) => [other.variable, SAMPLE[other.type]]),
          ]);
          const { body } = await stack.query(query, variables, { persona });
          const refusedAsFilter = (body.errors ?? []).some(
            (error: any) =>
              error.extensions.code === 'FORBIDDEN' &&
              error.message.includes(`(${filter.argument}:)`),
          );
          const readable = mayFilter(PERSONA_ROLES[persona], filter);
          if (readable && refusedAsFilter)
            refusedWrongly.push(`${filter.field}(${filter.argument}:)`);
          if (!readable && !refusedAsFilter)
            allowedWrongly.push(`${filter.field}(${filter.argument}:)`);
        }
        expect({ refusedWrongly, allowedWrongly }).toEqual({
          refusedWrongly: [],
          allowedWrongly: [],
        });
      },
    );
  });
});

/** A value of each argument type, so the filter is really applied. */
const SAMPLE: Record<string, unknown> = {
  ID: 'P-000001',
  String: '44021',
  Boolean: true,
  Date: '2024-06-30',
  DateTime: '2024-06-30T00:00:00Z',
  LabourMarketStatus: 'NWWZ',
  AssistanceType: 'LEEFLOON',
  ClientStatus: 'EXEMPT',
  ReferralStatus: 'PROPOSED',
  PlacementStatus: 'ACTIVE',
  PlacementType: 'CMW',
  AdviceType: 'CMW',
  AdviceStatus: 'ACTIVE',
  IndicationStatus: 'SUBMITTED',
  IndicationRoute: 'ICF',
  IndicationProcedure: 'STANDAARD',
  PremiumIncreaseStatus: 'PENDING',
  IntroductionStatus: 'REQUESTED',
  CandidateMeasure: 'CMW',
  Mobility: 'CAR',
};

interface FilterArgument {
  field: string;
  argument: string;
  type: string;
  /** Its type as the operation declares the variable (`ID!` for a required one). */
  declared: string;
  /** The field's other required arguments. */
  required: { name: string; type: string; declared: string }[];
  category: DataCategory;
  minimal: boolean;
  views?: number[];
}

/** The category-tagged arguments of the root list fields, read from the checked-in supergraph. */
function readFilterArguments(): FilterArgument[] {
  const sdl = readFileSync(path.resolve(__dirname, '../../schema/supergraph.graphql'), 'utf8');
  const query = parse(sdl).definitions.find(
    (definition): definition is ObjectTypeDefinitionNode =>
      definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'Query',
  )!;
  const named = (type: TypeNode): string =>
    type.kind === Kind.NAMED_TYPE ? type.name.value : named(type.type);
  return (query.fields ?? []).flatMap((field) =>
    (field.arguments ?? []).flatMap((argument) => {
      const tag = argument.directives
        ?.map((directive) => (directive.arguments?.[0]?.value as { value?: string })?.value)
        .find((name) => name?.startsWith('category-'));
      if (!tag) return [];
      const [, category, minimal, views] = /^category-(\w)(?:(-minimal)|-views-([\d-]+))?$/.exec(
        tag,
      )!;
      const required = (field.arguments ?? [])
        .filter(
          (other) =>
            other !== argument && other.type.kind === Kind.NON_NULL_TYPE && !other.defaultValue,
        )
        .map((other) => ({
          name: other.name.value,
          type: named(other.type),
          declared: print(other.type),
        }));
      return [
        {
          field: field.name.value,
          argument: argument.name.value,
          type: named(argument.type),
          declared: print(argument.type),
          required,
          category: category as DataCategory,
          minimal: !!minimal,
          views: views?.split('-').map(Number),
        },
      ];
    }),
  );
}
