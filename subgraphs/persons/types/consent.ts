import type { EnumValue } from '../../../common/enums';
import { Category, PersonKey, Reveals } from '../../../common/access/categories';
import { Field, ID, ObjectType } from 'type-graphql';

import { DateScalar, DateTimeScalar } from '../../../common/scalars';
import { ConsentType, EmploymentType } from './enums';

// A person's consents say whether they are an OCMW client (an OCMW_INSCHRIJVINGSMANDAAT): a
// reader without assistance status (c), an employer or job coach, never reads them (B.7.11).
@Category('a')
@Reveals('c')
@ObjectType({ description: 'A consent or mandate given by the citizen.' })
@PersonKey('personId')
export class Consent {
  @Field(() => ID)
  id: string;

  personId: string;

  @Field(() => ConsentType)
  type: EnumValue<typeof ConsentType>;

  @Field(() => String, { description: 'Organisation id the consent is given to.' })
  grantedTo: string;

  @Field(() => String)
  scope: string;

  @Field(() => DateTimeScalar)
  grantedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  revokedAt: Date | null;
}

@Category('n')
@ObjectType({ description: 'Employment status on a reference date (for outflow KPIs).' })
@PersonKey('personId')
export class EmploymentOutcome {
  @Field(() => ID)
  id: string;

  personId: string;

  @Category('n', { views: [10] })
  @Field(() => DateScalar)
  referenceDate: string;

  @Category('n', { views: [10] })
  @Field(() => Boolean)
  employed: boolean;

  @Category('n', { views: [10] })
  @Field(() => EmploymentType)
  employmentType: EnumValue<typeof EmploymentType>;
}
