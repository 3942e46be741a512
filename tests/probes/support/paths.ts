import { isObjectType } from 'graphql';

import { PERSONAL_TYPES } from './domain';
import type { Entry, Sel } from './probe';
import { namedTypeOf, objectType, requiredArgs } from './schema';
import type { World } from './world';

const personal = new Set<string>(PERSONAL_TYPES);

/** Types that hold only figures: no path to a person runs through them. */
const DEAD_ENDS =
  /Statistics$|^Figure|^Period$|^PageInfo$|^Contingent$|^AgreementRubrics$|^AgreementContact$/;

export interface EscapePath {
  /** Root field and the fields below it, down to the first personal type. */
  steps: { field: string; args?: string }[];
  /** The personal type reached. */
  target: string;
}

/** Argument values for root and nested fields that cannot be asked without one. */
function argsFor(world: World, parent: string, field: string, required: string[]): string | null {
  const parts: string[] = [];
  for (const name of required) {
    if (name === 'nisCode') parts.push('nisCode: "44021"');
    else if (name === 'period') parts.push('period: { year: 2025 }');
    else if (name === 'id') {
      const id: Record<string, string | undefined> = {
        employer: 'E-000001',
        vacancy: world.vacancies.find((v) => v.employer_id === 'E-000001')?.id,
        collaborationAgreement: world.agreements.find(
          (a) => a.type === 'SO_ADVIESBEVOEGDHEID_INDICERING',
        )?.id,
        advice: 'AD-000001',
        indicationRequest: 'IR-000001',
        referral: 'R-000001',
        placement: 'PL-000001',
        person: 'P-000001',
      };
      if (!id[field]) return null;
      parts.push(`id: "${id[field]}"`);
    } else return null;
  }
  const type = objectType(parent).getFields()[field];
  if (type.args.some((a) => a.name === 'first')) parts.push('first: 3');
  return parts.join(', ');
}

/**
 * Every way from a root field of Query down to a personal type, through the non-personal types in
 * between (municipalities, employers, vacancies, agreements, connections, regions…), each type once
 * per path, at most `maxDepth` steps. Generated from the schema, so a new path is probed the day
 * it appears.
 */
export function escapePaths(world: World, maxDepth = 5): EscapePath[] {
  const out: EscapePath[] = [];
  // a connection's edges and node are one hop, not three
  const hops = (steps: EscapePath['steps']) =>
    steps.filter((s) => s.field !== 'edges' && s.field !== 'node').length;
  const visit = (typeName: string, steps: EscapePath['steps'], seen: string[]) => {
    if (hops(steps) >= maxDepth) return;
    for (const field of Object.values(objectType(typeName).getFields())) {
      const target = namedTypeOf(field);
      if (!isObjectType(target) || DEAD_ENDS.test(target.name)) continue;
      const args = argsFor(world, typeName, field.name, requiredArgs(field));
      if (args === null) continue;
      const step = { field: field.name, args: args || undefined };
      if (personal.has(target.name)) {
        out.push({ steps: [...steps, step], target: target.name });
      } else if (!seen.includes(target.name)) {
        visit(target.name, [...steps, step], [...seen, target.name]);
      }
    }
  };
  visit('Query', [], ['Query']);
  // per root field and personal type reached, the shortest way (and its last step's parent): the
  // same record behind provinces.municipalities.residents and municipalities.residents is one probe
  const best = new Map<string, EscapePath>();
  for (const p of out) {
    const key = `${p.steps[0].field}|${p.target}|${p.steps.at(-1)!.field}`;
    const known = best.get(key);
    if (!known || hops(p.steps) < hops(known.steps)) best.set(key, p);
  }
  return [...best.values()];
}

/** The selection of a reached personal record: its id and every scalar, and its person's identity. */
function leafSelection(typeName: string): Sel[] {
  const fields = Object.values(objectType(typeName).getFields());
  const sels: Sel[] = fields
    .filter((f) => !isObjectType(namedTypeOf(f)) && !requiredArgs(f).length)
    .map((f) => ({ field: f.name }));
  const person = fields.find((f) => namedTypeOf(f).name === 'Person');
  if (person && typeName !== 'Person')
    sels.push({
      field: person.name,
      children: [{ field: 'id' }, { field: 'firstName' }, { field: 'insz' }],
    });
  return sels;
}

/** Keys selected on the non-personal objects along the way, so an object is never empty. */
function keysOf(typeName: string): Sel[] {
  const fields = objectType(typeName).getFields();
  if (fields.nisCode) return [{ field: 'nisCode' }];
  if (fields.id) return [{ field: 'id' }];
  if (fields.code) return [{ field: 'code' }];
  return [];
}

/** One root entry per path, ending in the reached record's leaves. */
export function escapeEntries(paths: EscapePath[]): Entry[] {
  return paths.map((p, i) => {
    const [root, ...rest] = p.steps;
    let sels: Sel[] = leafSelection(p.target);
    let typeName = p.target;
    // build inside out
    const types: string[] = [];
    let t = 'Query';
    for (const step of p.steps) {
      t = namedTypeOf(objectType(t).getFields()[step.field]).name;
      types.push(t);
    }
    for (let k = rest.length - 1; k >= 0; k--) {
      const parent = types[k];
      sels = [
        ...keysOf(parent).filter((s) => s.field !== rest[k].field),
        { field: rest[k].field, args: rest[k].args, children: sels },
      ];
      typeName = parent;
    }
    void typeName;
    return {
      alias: `x${i}`,
      field: root.field,
      args: root.args,
      sels,
      about: p.steps.map((s) => s.field).join('.'),
    };
  });
}
