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

/**
 * A share of two published counts, rounded to 4 decimals. Hidden when either count is hidden: a
 * ratio and one count give the other away. Null, not hidden, when the denominator is 0.
 */
export function ratioFigure(spec: RatioSpec, area: Area, asOf: string): Figure {
  const numerator = spec.numerator.table.count(area, spec.numerator.key);
  const denominator = spec.denominator.table.count(area, spec.denominator.key);
  const suppressed = numerator === null || denominator === null;
  return {
    value:
      suppressed || denominator === 0 ? null : Math.round((numerator / denominator) * 1e4) / 1e4,
    suppressed,
    unit: 'RATIO',
    numerator: suppressed ? null : numerator,
    numeratorDefinition: spec.numerator.definition,
    denominator: suppressed ? null : denominator,
    denominatorDefinition: spec.denominator.definition,
    target: spec.target ?? null,
    asOf,
  };
}
