import { Category } from '../../../common/access/categories';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

import type { EnumValue } from '../../../common/enums';
import { DateScalar } from '../../../common/scalars';
import { DutchRequirement, VacancyMeasure, VacancyStatus } from './enums';

@Category('m')
@ObjectType({ description: 'A job or internship place an employer offers.' })
@Directive('@key(fields: "id")')
export class Vacancy {
  @Field(() => ID)
  id: string;

  employerId: string;

  @Category('m', { minimal: true })
  @Field(() => VacancyMeasure)
  measure: EnumValue<typeof VacancyMeasure>;

  @Category('m', { minimal: true })
  @Field(() => String)
  jobTitle: string;

  @Category('m', { minimal: true })
  @Field(() => String, { description: 'The activity, as in a person’s activity preferences.' })
  activity: string;

  municipalityNisCode: string;

  @Category('m', { minimal: true })
  @Field(() => Float)
  hoursPerWeek: number;

  @Field(() => DutchRequirement)
  languageRequirement: EnumValue<typeof DutchRequirement>;

  @Field(() => [String], { description: 'E.g. `werkplekvrij` (open to displaced Ukrainians).' })
  tags: string[];

  @Field(() => Int)
  positions: number;

  @Field(() => Boolean, {
    description: 'Only for holders of an advice: always for CMW, never for IMW.',
  })
  reservedForTicketHolders: boolean;

  @Category('m', { minimal: true })
  @Field(() => VacancyStatus)
  status: EnumValue<typeof VacancyStatus>;

  @Field(() => DateScalar)
  openedAt: string;

  @Field(() => DateScalar, { nullable: true })
  closedAt: string | null;
}
