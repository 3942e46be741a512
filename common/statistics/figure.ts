import { Directive, Field, Float, ObjectType } from 'type-graphql';

import { domainEnum, type EnumValue } from '../enums';
import { DateScalar } from '../scalars';
import type { Area, AreaTable } from './area-table';

export const FigureUnit = domainEnum('FigureUnit', [
  'PERSONS',
  'RECORDS',
  'RATIO',
  'DAYS',
  'FTE',
  'EURO',
] as const);

@ObjectType({
  description:
    'One published figure with its definition. `value` is null and `suppressed` true when disclosure control hides it: a count of 1 to 4 persons, or a cell that would let one be worked out from a total (complementary suppression).',
})
@Directive('@shareable')
export class Figure {
  @Field(() => Float, { nullable: true })
  value: number | null;

  @Field(() => Boolean)
  suppressed: boolean;

  @Field(() => FigureUnit)
  unit: EnumValue<typeof FigureUnit>;

  @Field(() => Float, { nullable: true, description: 'The count the value is made of.' })
  numerator: number | null;

  @Field(() => String, { description: 'What the numerator counts.' })
  numeratorDefinition: string;

  @Field(() => Float, { nullable: true, description: 'For a ratio or a mean: what it divides by.' })
  denominator: number | null;

  @Field(() => String, { nullable: true })
  denominatorDefinition: string | null;

  @Field(() => Float, { nullable: true, description: 'The policy target, where one is set.' })
  target: number | null;

  @Field(() => DateScalar, { description: 'The day the underlying data was read.' })
  asOf: string;
}

@ObjectType({ description: 'A figure for one part of a breakdown, e.g. one advice type.' })
@Directive('@shareable')
export class FigurePart {
  @Field(() => String)
  key: string;

  @Field(() => Figure)
  figure: Figure;
}

/** A count read from a table: hidden where disclosure control hides its cell. */
export function countFigure(
  table: AreaTable,
  area: Area,
  key: string,
  definition: string,
  asOf: string,
  unit: EnumValue<typeof FigureUnit> = 'PERSONS',
): Figure {
  const value = table.count(area, key);
  return {
    value,
    suppressed: value === null,
    unit,
    numerator: value,
    numeratorDefinition: definition,
    denominator: null,
    denominatorDefinition: null,
    target: null,
    asOf,
  };
}

export interface RatioSpec {
  numerator: { table: AreaTable; key: string; definition: string };
  denominator: { table: AreaTable; key: string; definition: string };
  target?: number;
}

/** numerator / denominator rounded to 4 decimals; null when there is nothing to divide by. */
const shareOf = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : Math.round((numerator / denominator) * 1e4) / 1e4;

/** Two counts as published: a count is null where disclosure control hides it. */
export interface PublishedCounts {
  numerator: { count: number | null; definition: string };
  denominator: { count: number | null; definition: string };
  target?: number;
}

/**
 * A share of two published counts, rounded to 4 decimals. Hidden when either count is hidden: a
 * ratio and one count give the other away. Null, not hidden, when the denominator is 0.
 */
export function shareFigure(counts: PublishedCounts, asOf: string): Figure {
  const { numerator, denominator } = counts;
  const suppressed = numerator.count === null || denominator.count === null;
  return {
    value: suppressed ? null : shareOf(numerator.count!, denominator.count!),
    suppressed,
    unit: 'RATIO',
    numerator: suppressed ? null : numerator.count,
    numeratorDefinition: numerator.definition,
    denominator: suppressed ? null : denominator.count,
    denominatorDefinition: denominator.definition,
    target: counts.target ?? null,
    asOf,
  };
}

/** The share of two counts of area tables (see shareFigure). */
export function ratioFigure(spec: RatioSpec, area: Area, asOf: string): Figure {
  const published = (side: RatioSpec['numerator']) => ({
    count: side.table.count(area, side.key),
    definition: side.definition,
  });
  return shareFigure(
    {
      numerator: published(spec.numerator),
      denominator: published(spec.denominator),
      target: spec.target,
    },
    asOf,
  );
}

export interface MeasureSpec {
  /** The summed measure per area (not under disclosure control: it counts no persons). */
  sum: { table: AreaTable; key: string; definition: string };
  /** The persons or records it is summed over. */
  count: { table: AreaTable; key: string; definition: string };
  unit: EnumValue<typeof FigureUnit>;
}

/** A mean, rounded to 1 decimal. Hidden with its count, so a mean never describes 1 to 4 persons. */
export function meanFigure(spec: MeasureSpec, area: Area, asOf: string): Figure {
  const count = spec.count.table.count(area, spec.count.key);
  const sum = spec.sum.table.rawCount(area, spec.sum.key);
  const suppressed = count === null;
  return {
    value: suppressed || count === 0 ? null : Math.round((sum / count) * 10) / 10,
    suppressed,
    unit: spec.unit,
    numerator: suppressed ? null : sum,
    numeratorDefinition: spec.sum.definition,
    denominator: count,
    denominatorDefinition: spec.count.definition,
    target: null,
    asOf,
  };
}

/**
 * A quantile (`share` 0.5 for the median) of the values measured in an area, interpolated
 * between ranks as PostgreSQL's percentile_cont. Hidden with the count of those values.
 */
export function quantileFigure(
  /** In ascending order (AreaValues keeps them so). */
  values: readonly number[],
  share: number,
  spec: { count: MeasureSpec['count']; definition: string; unit: EnumValue<typeof FigureUnit> },
  area: Area,
  asOf: string,
): Figure {
  const count = spec.count.table.count(area, spec.count.key);
  const suppressed = count === null;
  return {
    value: suppressed || values.length === 0 ? null : quantile(values, share),
    suppressed,
    unit: spec.unit,
    numerator: null,
    numeratorDefinition: spec.definition,
    denominator: count,
    denominatorDefinition: spec.count.definition,
    target: null,
    asOf,
  };
}

function quantile(sorted: readonly number[], share: number): number {
  const rank = share * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  const value = sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
  return Math.round(value * 10) / 10;
}

/** One figure per key of a breakdown, in the breakdown's order. */
export function partFigures(
  keys: readonly string[],
  figureOf: (key: string) => Figure,
): FigurePart[] {
  return keys.map((key) => ({ key, figure: figureOf(key) }));
}
