/**
 * Probe 6: introspection (DOMAIN A.2.3). "The caller's introspection does not show types and
 * fields it may never read": for every persona, every personal field whose B.4 cell can never open
 * it (a "–", an A, a minimised cell whose note does not hold the field, an override of B.7.11 /
 * A.2.6) must be absent from `__schema` and `__type`, and a personal type none of whose fields it
 * may read must be absent altogether. E.g. `Query.me`, `Person.accessLog` and `AccessLogEntry`
 * for anyone but a citizen (issue 13 item 8).
 */
import { startTestStack, type TestStack } from '../support/stack';
import {
  CATEGORY_MAP,
  OVERRIDES,
  PERSONAS,
  PERSONA_ROLES,
  PERSONAL_TYPES,
  cellFor,
  type Cell,
  type FieldClass,
  type Role,
} from './support/domain';
import { expectNoFindings, type Finding } from './support/probe';
import { schemaTagOf } from './support/schema';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

/** May the role read this field of anyone, ever (any person, with or without consent)? */
function everReadable(role: Role, key: string, cls: FieldClass): boolean {
  const [typeName, fieldName] = key.split('.');
  if (OVERRIDES.some((o) => (o.key === key || o.key === `${typeName}.*`) && o.roles.includes(role)))
    return false;
  const opens = (cell: Cell): boolean => {
    switch (cell.level) {
      case 'full':
      case 'ownEmployees':
        return true;
      case 'minimal':
        return cell.note === 0
          ? (schemaTagOf(typeName, fieldName).tag ?? '').endsWith('-minimal')
          : cls.minimalIn.includes(cell.note);
      case 'consent':
        return opens(cell.with) || opens(cell.without);
      default:
        return false;
    }
  };
  return opens(cellFor(role, cls.category));
}

const INTROSPECTION = `{
  __schema { types { name kind fields(includeDeprecated: true) { name } } }
  person: __type(name: "Person") { name fields { name } }
  query: __type(name: "Query") { fields { name } }
  log: __type(name: "AccessLogEntry") { name }
}`;

describe('probe 6: introspection hides what a persona may never read', () => {
  test.each(PERSONAS)(
    '%s is not shown personal types and fields it may never read',
    async (name) => {
      const persona = { role: PERSONA_ROLES[name] };
      const response = await stack.query(INTROSPECTION, {}, { persona: name });
      const findings: Finding[] = [];
      const types = new Map<string, Set<string>>(
        (response.body.data?.__schema?.types ?? []).map((t: any) => [
          t.name,
          new Set((t.fields ?? []).map((f: any) => f.name)),
        ]),
      );
      if (!types.size) {
        findings.push({
          kind: 'ERROR',
          persona: name,
          path: '__schema',
          person: null,
          field: '',
          route: '__schema',
          basis: 'domain',
          expected: 'an introspection answer',
          got: response.text.slice(0, 200),
          note: 'A.2.3',
        });
      }
      const hiddenTypes = new Set<string>();
      for (const typeName of PERSONAL_TYPES) {
        const keys = Object.keys(CATEGORY_MAP).filter((k) => k.startsWith(`${typeName}.`));
        if (keys.length && keys.every((k) => !everReadable(persona.role, k, CATEGORY_MAP[k])))
          hiddenTypes.add(typeName);
      }
      for (const [key, cls] of Object.entries(CATEGORY_MAP)) {
        const [typeName, fieldName] = key.split('.');
        if (everReadable(persona.role, key, cls)) continue;
        const shown = types.get(typeName);
        if (shown?.has(fieldName)) {
          findings.push({
            kind: 'LEAK',
            persona: name,
            path: `__schema.types[${typeName}].fields[${fieldName}]`,
            person: null,
            field: key,
            route: '__schema',
            basis: 'domain',
            expected: `${key} hidden: ${persona.role} may never read ${cls.category}${cls.minimalIn.length ? ` (minimised in notes ${cls.minimalIn.join(',')})` : ''}`,
            got: 'shown',
            note: cls.category === 'SELF' ? 'A.2.6' : 'A.2.3',
          });
        }
      }
      for (const typeName of hiddenTypes) {
        if (types.has(typeName)) {
          findings.push({
            kind: 'LEAK',
            persona: name,
            path: `__schema.types[${typeName}]`,
            person: null,
            field: typeName,
            route: '__schema',
            basis: 'domain',
            expected: `type ${typeName} hidden: ${persona.role} may read none of its fields`,
            got: 'shown',
            note: 'A.2.3',
          });
        }
      }
      // __type must agree with __schema
      const personFields = new Set(
        (response.body.data?.person?.fields ?? []).map((f: any) => f.name),
      );
      for (const f of personFields) {
        if (!types.get('Person')?.has(f as string)) {
          findings.push({
            kind: 'CONTRACT',
            persona: name,
            path: `__type(Person).${f}`,
            person: null,
            field: `Person.${f}`,
            route: '__type',
            basis: 'domain',
            expected: '__type and __schema agree',
            got: `__type shows ${f}, __schema does not`,
            note: 'A.2.3',
          });
        }
      }
      if (response.body.data?.log && hiddenTypes.has('AccessLogEntry')) {
        findings.push({
          kind: 'LEAK',
          persona: name,
          path: '__type(AccessLogEntry)',
          person: null,
          field: 'AccessLogEntry',
          route: '__type',
          basis: 'domain',
          expected: 'null: only the citizen reads its access log',
          got: 'the type',
          note: 'A.2.6',
        });
      }
      expectNoFindings(findings, `${name} introspection`);
    },
  );
});
