import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

import type { EnumValue } from '../../../common/enums';
import { ContingentMeasure, EmployerType, Federation } from './enums';

@ObjectType({
  description:
    'An employer that offers maatwerk, social-economy or work-experience places: a maatwerkbedrijf, a regular company, a local government, …',
})
@Directive('@key(fields: "id")')
export class Employer {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => EmployerType)
  type: EnumValue<typeof EmployerType>;

  @Field(() => Federation)
  federation: EnumValue<typeof Federation>;

  @Field(() => String, { description: 'E.g. VZW (required to convert to a CMW company), BV, NV.' })
  legalForm: string;

  @Field(() => String, { description: 'KBO enterprise number, 0123.456.789.' })
  enterpriseNumber: string;

  municipalityNisCode: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of target-group workers, 0 to 1 (at least 0.55 for a CMW company).',
  })
  targetGroupShare: number | null;

  @Field(() => Float, { description: 'Full-time equivalents employed (at least 20 for CMW).' })
  vte: number;

  @Field(() => Boolean, { description: 'Followed the VDAB ICF training for employers.' })
  icfTrainingFollowed: boolean;

  @Field(() => Boolean, { description: 'Offers exploratory internships (BVS) on its work floor.' })
  offersBvs: boolean;
}

@ObjectType({
  description: 'Subsidised full-time equivalents allotted to an employer for one measure and year.',
})
export class Contingent {
  @Field(() => ID)
  id: string;

  employerId: string;

  @Field(() => ContingentMeasure)
  measure: EnumValue<typeof ContingentMeasure>;

  @Field(() => Int)
  year: number;

  @Field(() => Float)
  vteAllotted: number;

  @Field(() => Float, { description: 'May exceed the allotment.' })
  vteFilled: number;
}
