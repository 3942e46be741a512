import {
  CATEGORY_MAP,
  CATEGORY_NAMES,
  NOTES,
  OVERRIDES,
  cellFor,
  type Cell,
  type FieldClass,
  type Note,
} from './domain';
import { schemaTagOf } from './schema';
import { hasConsent, isOwnEmployee, type PersonaContext, type World } from './world';

/** What DOMAIN lets a persona see of one field of one person's record. */
export interface Decision {
  allowed: boolean;
  /** e.g. "Person.insz is a (identity and contact); VDAB_MEDIATOR holds R". */
  rule: string;
  /** The DOMAIN reference for the failure message (a note number, B.7.11, A.2.6, …). */
  note: string;
  /**
   * Whether the schema's own tag, read through the same B.4 cell, expects the same: 'schema' (it
   * does: the product breaks its own declaration), 'note-subset' (same tag, but DOMAIN gives this
   * cell's note a subset the one `-minimal` tag cannot express), 'category' (the probes read the
   * field's category or minimal-ness differently from the tag; see the categories probe).
   */
  basis: 'schema' | 'note-subset' | 'category';
}

function describeCell(cell: Cell): string {
  switch (cell.level) {
    case 'full':
      return 'R/W';
    case 'minimal':
      return cell.note === 0
        ? 'r (no subset in DOMAIN: the schema’s minimal tags)'
        : `r${cell.note}`;
    case 'consent':
      return `C (${cell.consentType})`;
    case 'ownEmployees':
      return 'R¹⁴ (own employees only)';
    case 'aggregate':
      return 'A (aggregates only)';
    case 'none':
      return '–';
  }
}

function resolve(
  world: World,
  persona: PersonaContext,
  cell: Cell,
  owner: string | null,
): { cell: Cell; how: string } {
  if (cell.level === 'consent') {
    const given = owner != null && hasConsent(world, owner, cell.consentType, persona.org);
    return {
      cell: given ? cell.with : cell.without,
      how: given
        ? `; ${owner} gave ${persona.org} ${cell.consentType}`
        : `; ${owner ?? 'the person'} gave ${persona.org} no ${cell.consentType}`,
    };
  }
  if (cell.level === 'ownEmployees') {
    const employee = owner != null && isOwnEmployee(world, owner, persona.employerId ?? '');
    return {
      cell: employee ? { level: 'full' } : { level: 'none' },
      how: employee
        ? `; ${owner} is an own employee`
        : `; ${owner ?? 'the person'} is not an own employee`,
    };
  }
  return { cell, how: '' };
}

/**
 * The decision for `Type.field` about the person `owner`, or null when the field holds no
 * personal data (a municipality's name, an employer's id…).
 */
export function decide(
  world: World,
  persona: PersonaContext,
  typeName: string,
  fieldName: string,
  owner: string | null,
): Decision | null {
  const key = `${typeName}.${fieldName}`;
  const mine: FieldClass | undefined = CATEGORY_MAP[key];
  if (!mine) return null;
  const decision = decideWith(world, persona, typeName, fieldName, owner, mine);
  const tag = schemaTagOf(typeName, fieldName).tag;
  const theirs = tagClass(tag);
  if (!theirs) return { ...decision, basis: 'category' };
  const alike = decideWith(world, persona, typeName, fieldName, owner, theirs);
  if (alike.allowed === decision.allowed) return { ...decision, basis: 'schema' };
  const sameTag =
    theirs.category === mine.category && theirs.minimalIn.length > 0 === mine.minimalIn.length > 0;
  return {
    ...decision,
    basis: sameTag ? 'note-subset' : 'category',
    rule: `${decision.rule} [the schema's tag ${tag} would ${alike.allowed ? 'allow' : 'refuse'} it]`,
  };
}

/**
 * The schema's tag as a class: `-minimal` is in every note's minimised subset, `-views-6-10`
 * in those of the notes named.
 */
function tagClass(tag: string | null): FieldClass | null {
  if (!tag) return null;
  const [letter, kind, ...notes] = tag.split('-');
  const category = (letter === 'self' ? 'SELF' : letter) as FieldClass['category'];
  const minimalIn: Note[] =
    kind === 'minimal'
      ? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]
      : kind === 'views'
        ? (notes.map(Number) as Note[])
        : [];
  return { category, minimalIn };
}

function decideWith(
  world: World,
  persona: PersonaContext,
  typeName: string,
  fieldName: string,
  owner: string | null,
  cls: FieldClass,
): Omit<Decision, 'basis'> {
  const key = `${typeName}.${fieldName}`;
  const override = OVERRIDES.find(
    (o) => (o.key === key || o.key === `${typeName}.*`) && o.roles.includes(persona.role),
  );
  if (override) {
    return { allowed: false, rule: `${key}: ${override.why}`, note: override.note };
  }
  const matrix = cellFor(persona.role, cls.category);
  const { cell, how } = resolve(world, persona, matrix, owner);
  const rule = `${key} is ${cls.category} (${CATEGORY_NAMES[cls.category]}); ${persona.role} holds ${describeCell(matrix)}${how}`;
  const minimalOf = (c: Cell): Cell | null =>
    c.level === 'minimal'
      ? c
      : c.level === 'consent'
        ? (minimalOf(c.without) ?? minimalOf(c.with))
        : null;
  const noted = minimalOf(matrix);
  const note =
    cls.category === 'SELF'
      ? 'A.2.6'
      : noted && noted.level === 'minimal'
        ? String(noted.note || 'A.2.3')
        : matrix.level === 'ownEmployees'
          ? '14'
          : matrix.level === 'aggregate'
            ? 'A.2.5'
            : 'A.2.3';
  switch (cell.level) {
    case 'full':
      return { allowed: true, rule, note };
    case 'minimal': {
      const inSubset =
        cell.note === 0
          ? (schemaTagOf(typeName, fieldName).tag ?? '').endsWith('-minimal')
          : cls.minimalIn.includes(cell.note);
      return {
        allowed: inSubset,
        rule: `${rule}; ${fieldName} is ${inSubset ? '' : 'not '}in the subset of ${cell.note ? NOTES[String(cell.note)]?.split(':')[0] : 'the schema'}`,
        note: String(cell.note || note),
      };
    }
    default:
      return { allowed: false, rule, note };
  }
}
