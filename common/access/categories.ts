import { Directive } from 'type-graphql';

/**
 * The data categories of DOMAIN B.4 (columns a–r of the access matrix). Every field of personal or
 * restricted data carries one, as an `@tag` in the SDL, so the subgraph that enforces it and the
 * gateway that hides it from introspection read the same fact from the same schema.
 */
export const DATA_CATEGORIES = {
  a: 'identity and contact',
  b: 'residence municipality',
  c: 'assistance status',
  d: 'exemption reason and review date',
  e: 'VDAB registration and category',
  f: 'trajectory actions and regie',
  g: 'transmissions and sanctions',
  h: 'attestations',
  i: 'ICF detail',
  j: 'advice type, status, validity',
  k: 'work support package and premiums',
  l: 'matching profile',
  m: 'vacancies',
  n: 'referral, placement, feedback',
  o: 'agreements and action plans',
  p: 'pact settlement',
  q: 'municipal aggregates',
  r: 'provincial and Flemish aggregates',
} as const;

export type DataCategory = keyof typeof DATA_CATEGORIES;

const TAG_PREFIX = 'category-';
const MINIMAL_SUFFIX = '-minimal';
const VIEWS_INFIX = '-views-';

export interface FieldCategory {
  category: DataCategory;
  /** Part of every minimised view of the category (the "r" cells of B.4). */
  minimal: boolean;
  /**
   * Part only of the minimised views of these notes of B.4, where a category's "r" cells differ
   * by note: advices are type and validity for an OCMW (note 9) but only "a valid ticket until"
   * for an employer (note 13); placements are workplace information for an ICF consultant
   * (note 6) but start, end and outcome for an OCMW (note 10).
   */
  views?: readonly number[];
}

/**
 * Marks a field (or every field of a type) with its data category. `minimal` fields are the
 * subset every minimised reader ("r" in B.4) still gets, `views` those of the notes named. A
 * restricted field must be nullable: a caller without the category gets `null` and a FORBIDDEN
 * error at its path, and the rest of the response still arrives.
 */
export function Category(
  category: DataCategory,
  options: { minimal?: boolean; views?: readonly number[] } = {},
) {
  const suffix = options.minimal
    ? MINIMAL_SUFFIX
    : options.views?.length
      ? `${VIEWS_INFIX}${options.views.join('-')}`
      : '';
  return Directive(`@tag(name: "${TAG_PREFIX}${category}${suffix}")`);
}

/** Reads the category back from a `@tag` name; undefined for tags that are not categories. */
export function parseCategoryTag(name: string): FieldCategory | undefined {
  const match = /^category-([a-r])(?:(-minimal)|-views-((?:\d+-)*\d+))?$/.exec(name);
  if (!match) return undefined;
  const [, category, minimal, views] = match;
  return {
    category: category as DataCategory,
    minimal: !!minimal,
    ...(views ? { views: views.split('-').map(Number) } : {}),
  };
}

/**
 * Declares whose data a record type holds: the property of the resolved object that carries the
 * person's id (`id` on Person, `personId` on their records). The field guard audits every read
 * against it and decides consent cells by it; a type with personal fields and no person key
 * fails the schema build, so a new record type cannot slip past the audit.
 */
export function PersonKey(property: string) {
  return Directive(`@tag(name: "${PERSON_KEY_PREFIX}${property}")`);
}

/**
 * Marks a field (or type) only the person it is about may read: the citizen's own view (`me`,
 * the access log). Introspection shows it to citizens alone.
 */
export function SelfOnly() {
  return Directive(`@tag(name: "${SELF_ONLY_TAG}")`);
}

/**
 * Marks a field (or type) whose values reveal another category than its own: a person's consents
 * show an OCMW mandate, so assistance status (c). Only a caller who reads that category of
 * persons (not none, not aggregates) reads it, or sees it in introspection (B.7.11).
 */
export function Reveals(category: DataCategory) {
  return Directive(`@tag(name: "${REVEALS_PREFIX}${category}")`);
}

/** The category a schema element's values reveal, if it declares one. */
export function revealsOfNode(
  node: NodeWithDirectives | null | undefined,
): DataCategory | undefined {
  const tag = tagsOf(node).find((name) => name.startsWith(REVEALS_PREFIX));
  return tag ? (tag.slice(REVEALS_PREFIX.length) as DataCategory) : undefined;
}

const REVEALS_PREFIX = 'reveals-';
const PERSON_KEY_PREFIX = 'person-key-';
const SELF_ONLY_TAG = 'self-only';

type NodeWithDirectives = {
  directives?: readonly { name: { value: string }; arguments?: readonly any[] }[];
};

/** The names of a schema element's `@tag`s (an SDL node of a subgraph or the supergraph). */
function tagsOf(node: NodeWithDirectives | null | undefined): string[] {
  return (node?.directives ?? []).flatMap((directive) => {
    if (directive.name.value !== 'tag') return [];
    const name = directive.arguments?.find((argument) => argument.name.value === 'name')?.value
      ?.value;
    return typeof name === 'string' ? [name] : [];
  });
}

/** The category a schema element's `@tag`s give it. */
export function categoryOfNode(
  node: NodeWithDirectives | null | undefined,
): FieldCategory | undefined {
  for (const name of tagsOf(node)) {
    const category = parseCategoryTag(name);
    if (category) return category;
  }
  return undefined;
}

/** The property that carries the person's id on a record type, if it declares one. */
export function personKeyOfNode(node: NodeWithDirectives | null | undefined): string | undefined {
  const tag = tagsOf(node).find((name) => name.startsWith(PERSON_KEY_PREFIX));
  return tag?.slice(PERSON_KEY_PREFIX.length);
}

export const isSelfOnlyNode = (node: NodeWithDirectives | null | undefined): boolean =>
  tagsOf(node).includes(SELF_ONLY_TAG);

/** What the access policy knows of a field: its category, and whether only its person reads it. */
export interface FieldRule {
  category?: DataCategory;
  minimal: boolean;
  views?: readonly number[];
  selfOnly: boolean;
  /** Another category its values reveal, which the reader must read of persons too. */
  reveals?: DataCategory;
}

/**
 * The rule of a field: its own category, else its type's (a whole record of one category),
 * except a type's `id`, which is a key and not the data; self-only by the field or its type.
 * Undefined for a field nothing restricts.
 */
export function ruleOfField(
  field: { name: string; astNode?: NodeWithDirectives | null },
  type: { astNode?: NodeWithDirectives | null },
): FieldRule | undefined {
  const category =
    categoryOfNode(field.astNode) ??
    (field.name === 'id' ? undefined : categoryOfNode(type.astNode));
  const selfOnly = isSelfOnlyNode(field.astNode) || isSelfOnlyNode(type.astNode);
  // Like a self-only type, a type that reveals a category takes its key along: even that a
  // record of it exists tells what it reveals.
  const reveals = revealsOfNode(field.astNode) ?? revealsOfNode(type.astNode);
  if (!category && !selfOnly && !reveals) return undefined;
  return {
    category: category?.category,
    minimal: category?.minimal ?? false,
    ...(category?.views ? { views: category.views } : {}),
    selfOnly,
    ...(reveals ? { reveals } : {}),
  };
}
