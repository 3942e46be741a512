import type { EnumValue } from '../../../common/enums';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

import { Category, PersonKey } from '../../../common/access/categories';
import { DateScalar } from '../../../common/scalars';
import {
  EducationLevel,
  Gender,
  LabourMarketStatus,
  LanguageLevel,
  Mobility,
  OccupationCluster,
} from './enums';

@ObjectType({ description: 'A person known to one of the partners. The id is pseudonymous.' })
@Directive('@key(fields: "id")')
@PersonKey('id')
export class Person {
  @Field(() => ID)
  id: string;

  @Category('a')
  @Field(() => String, { description: 'National number (INSZ). Restricted.' })
  insz: string;

  @Category('a')
  @Field(() => String)
  firstName: string;

  @Category('a')
  @Field(() => String)
  lastName: string;

  @Category('a')
  @Field(() => DateScalar)
  birthDate: string;

  @Category('a')
  @Field(() => Gender)
  gender: EnumValue<typeof Gender>;

  @Category('l', { minimal: true })
  @Field(() => EducationLevel)
  educationLevel: EnumValue<typeof EducationLevel>;

  @Category('l', { minimal: true })
  @Field(() => LanguageLevel)
  dutchLevel: EnumValue<typeof LanguageLevel>;

  @Category('l', { minimal: true })
  @Field(() => LanguageLevel)
  englishLevel: EnumValue<typeof LanguageLevel>;

  residenceNisCode: string;

  @Category('l', { minimal: true })
  @Field(() => [String], {
    description: 'Activities of interest, used by VDAB for the first referral.',
  })
  activityPreferences: string[];

  // Not in note 11's pseudonymous profile (region, activities, availability, languages,
  // education): the matching profile in full.
  @Category('l')
  @Field(() => Mobility)
  mobility: EnumValue<typeof Mobility>;

  @Category('l')
  @Field(() => OccupationCluster, { nullable: true })
  occupationCluster: EnumValue<typeof OccupationCluster> | null;

  @Category('e')
  @Field(() => LabourMarketStatus)
  labourMarketStatus: EnumValue<typeof LabourMarketStatus>;

  @Category('e')
  @Field(() => Int, { description: 'Over 24 months is one of the UKW criteria.' })
  monthsWithoutRegularPaidJob: number;

  @Category('e')
  @Field(() => Boolean)
  neet: boolean;

  // A civic-integration flag (B.2.1 Flags), part of the matching profile, not of identity.
  @Category('l')
  @Field(() => Boolean)
  inburgeraar: boolean;

  @Category('h')
  @Field(() => Boolean, { description: 'Sensitive.' })
  detentionHistory: boolean;
}
