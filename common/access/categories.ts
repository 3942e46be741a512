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

export interface FieldCategory {
  category: DataCategory;
  /** Part of the minimised view of the category (the "r" cells and their notes in B.4). */
  minimal: boolean;
}

/**
 * Marks a field (or every field of a type) with its data category. `minimal` fields are the
 * subset a minimised reader ("r" in B.4) still gets, e.g. the advice type and validity but not
 * its basis. A restricted field must be nullable: a caller without the category gets `null` and
 * a FORBIDDEN error at its path, and the rest of the response still arrives.
 */
export function Category(category: DataCategory, options: { minimal?: boolean } = {}) {
  return Directive(
    `@tag(name: "${TAG_PREFIX}${category}${options.minimal ? MINIMAL_SUFFIX : ''}")`,
  );
}

/** Reads the category back from a `@tag` name; undefined for tags that are not categories. */
export function parseCategoryTag(name: string): FieldCategory | undefined {
  if (!name.startsWith(TAG_PREFIX)) return undefined;
  const rest = name.slice(TAG_PREFIX.length);
  const minimal = rest.endsWith(MINIMAL_SUFFIX);
  const category = (minimal ? rest.slice(0, -MINIMAL_SUFFIX.length) : rest) as DataCategory;
  return category in DATA_CATEGORIES ? { category, minimal } : undefined;
}

type NodeWithDirectives = {
  directives?: readonly { name: { value: string }; arguments?: readonly any[] }[];
};

/** The category a schema element's `@tag`s give it (an SDL node of a subgraph or the supergraph). */
export function categoryOfNode(
  node: NodeWithDirectives | null | undefined,
): FieldCategory | undefined {
  for (const directive of node?.directives ?? []) {
    if (directive.name.value !== 'tag') continue;
    const name = directive.arguments?.find((argument) => argument.name.value === 'name')?.value
      ?.value;
    const category = typeof name === 'string' ? parseCategoryTag(name) : undefined;
    if (category) return category;
  }
  return undefined;
}

/**
 * The category of a field: its own, else its type's (a whole record of one category), except a
 * type's `id`, which is a key and not the data.
 */
export function categoryOfField(
  field: { name: string; astNode?: NodeWithDirectives | null },
  type: { astNode?: NodeWithDirectives | null },
): FieldCategory | undefined {
  return (
    categoryOfNode(field.astNode) ??
    (field.name === 'id' ? undefined : categoryOfNode(type.astNode))
  );
}
