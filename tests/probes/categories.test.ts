/**
 * Probe 1: the category map. Every field of the supergraph that holds personal data belongs to a
 * column a–r of DOMAIN B.4 (and maybe to the minimised subset of a note). The probes keep their own
 * map (support/domain.ts, from DOMAIN by hand) and hold the schema's `@tag(name: "category-x")`
 * declarations against it: a field with no category, or one the map disagrees with, fails here,
 * so a new field is caught the day it appears. No stack: this reads schema/supergraph.graphql.
 */
import { isObjectType } from 'graphql';

import {
  CATEGORY_MAP,
  FILTER_MAP,
  NEUTRAL_ARGUMENTS,
  NON_PERSONAL_TYPES,
  PERSONAL_TYPES,
  type FieldClass,
} from './support/domain';
import { apiObjectTypes, namedTypeOf, objectType, schemaTagOf } from './support/schema';

const personal = new Set<string>(PERSONAL_TYPES);
const nonPersonal = new Set<string>(NON_PERSONAL_TYPES);

/** A connection or edge type is a wrapper: it leads into what its nodes are. */
function leadsIntoPersonal(typeName: string, seen = new Set<string>()): boolean {
  if (personal.has(typeName)) return true;
  if (!/(Connection|Edge)$/.test(typeName) || seen.has(typeName)) return false;
  seen.add(typeName);
  const t = objectType(typeName);
  return Object.values(t.getFields()).some((field) => {
    const inner = namedTypeOf(field);
    return isObjectType(inner) && leadsIntoPersonal(inner.name, seen);
  });
}

/**
 * Whether the schema's tag says what the map says: the category, and the minimised subsets that
 * hold the field (`-minimal` for any subset of a category whose notes agree, `-views-…` for the
 * notes named; an unnumbered cell, 0, is the category's `-minimal`).
 */
function sameReading(tag: string, c: FieldClass): boolean {
  const [letter, kind, ...notes] = tag.split('-');
  if ((letter === 'self' ? 'SELF' : letter) !== c.category) return false;
  if (kind === 'views') {
    const named = new Set(notes.map(Number));
    const numbered = c.minimalIn.filter((note) => note !== 0);
    return numbered.length === named.size && numbered.every((note) => named.has(note));
  }
  return (kind === 'minimal') === c.minimalIn.length > 0;
}

/** How the map's reading would be written as a schema tag. */
function expectedTag(c: FieldClass): string {
  if (c.category === 'SELF') return 'self';
  return c.minimalIn.length ? `${c.category}-minimal` : c.category;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ')).join('\n');
}

describe('probe 1: every personal field has the category DOMAIN B.4 gives it', () => {
  test('every object type of the supergraph is classified as personal or not', () => {
    const unclassified = apiObjectTypes()
      .map((t) => t.name)
      .filter((name) => !personal.has(name) && !nonPersonal.has(name));
    const gone = [...personal, ...nonPersonal].filter(
      (name) => !apiObjectTypes().some((t) => t.name === name),
    );
    expect({ unclassified, gone }).toEqual({ unclassified: [], gone: [] });
  });

  test('every field of a personal type, and every link into one, is in the probes’ own map', () => {
    const missing: string[] = [];
    for (const type of apiObjectTypes()) {
      for (const field of Object.values(type.getFields())) {
        const key = `${type.name}.${field.name}`;
        if (field.name === 'id' || CATEGORY_MAP[key] || /(Connection|Edge)$/.test(type.name))
          continue;
        const target = namedTypeOf(field).name;
        if (personal.has(type.name) || (type.name !== 'Mutation' && leadsIntoPersonal(target))) {
          missing.push(
            `${key} (→ ${target}; schema says ${schemaTagOf(type.name, field.name).tag ?? 'nothing'})`,
          );
        }
      }
    }
    const stale = Object.keys(CATEGORY_MAP).filter((key) => {
      const [typeName, fieldName] = key.split('.');
      try {
        return !objectType(typeName).getFields()[fieldName];
      } catch {
        return true;
      }
    });
    if (missing.length || stale.length) {
      throw new Error(
        `Classify these fields in tests/probes/support/domain.ts from DOMAIN B.4:\n` +
          `  new (not in the map): ${missing.join('\n    ') || 'none'}\n` +
          `  stale (no longer in the schema): ${stale.join(', ') || 'none'}`,
      );
    }
  });

  test('no personal field is without a category in the schema', () => {
    const untagged: string[][] = [['field', 'probes say', 'why']];
    for (const [key, c] of Object.entries(CATEGORY_MAP)) {
      const [typeName, fieldName] = key.split('.');
      if (!objectType(typeName).getFields()[fieldName]) continue;
      if (schemaTagOf(typeName, fieldName).tag === null)
        untagged.push([key, expectedTag(c), c.why ?? '']);
    }
    if (untagged.length > 1) {
      throw new Error(
        `DOMAIN A.2.3: a personal field must carry its B.4 category. ${untagged.length - 1} fields carry none ` +
          `(neither on the field nor on its type):\n${table(untagged)}`,
      );
    }
  });

  test('the schema’s category of every personal field is the one DOMAIN gives it', () => {
    const rows: string[][] = [['field', 'schema says', 'probes say (DOMAIN)', 'why']];
    for (const [key, c] of Object.entries(CATEGORY_MAP)) {
      const [typeName, fieldName] = key.split('.');
      if (!objectType(typeName).getFields()[fieldName]) continue;
      const { tag, from } = schemaTagOf(typeName, fieldName);
      if (tag === null) continue; // reported by the test above
      if (!sameReading(tag, c)) {
        rows.push([
          key,
          `${tag}${from === 'type' ? ' (from the type)' : ''}`,
          expectedTag(c),
          c.why ?? '',
        ]);
      }
    }
    if (rows.length > 1) {
      throw new Error(
        `${rows.length - 1} personal fields are tagged with a category the probes read differently from ` +
          `DOMAIN B.4 / B.2 (the probes keep their reading; see the report):\n${table(rows)}`,
      );
    }
  });

  test('every argument of a list over personal records is classified (a filter reads its category)', () => {
    const missing: string[] = [];
    for (const type of apiObjectTypes()) {
      if (type.name === 'Mutation') continue;
      for (const field of Object.values(type.getFields())) {
        if (!leadsIntoPersonal(namedTypeOf(field).name) || !field.args.length) continue;
        for (const arg of field.args) {
          const key = `${type.name}.${field.name}(${arg.name})`;
          if (!NEUTRAL_ARGUMENTS.has(arg.name) && !FILTER_MAP[key]) missing.push(key);
        }
      }
    }
    const stale = Object.keys(FILTER_MAP).filter((key) => {
      const [, typeName, fieldName, argName] = /^(\w+)\.(\w+)\((\w+)\)$/.exec(key) ?? [];
      return !objectType(typeName)
        .getFields()
        [fieldName]?.args.some((a) => a.name === argName);
    });
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });
});
