import type { EnumValue } from '../../../common/enums';
import { Category, PersonKey } from '../../../common/access/categories';
import { Field, ID, ObjectType } from 'type-graphql';

import { DateScalar } from '../../../common/scalars';
import {
  AssistanceType,
  ClientStatus,
  ExemptionReason,
  RegistrationCategory,
  RegistrationDuty,
  SanctionKind,
  SpiExemption,
  WorkReadiness,
} from './enums';

@Category('e')
@ObjectType({ description: 'A registration at VDAB, the public employment service.' })
@PersonKey('personId')
export class VdabRegistration {
  @Field(() => ID)
  id: string;

  personId: string;

  @Field(() => Boolean)
  registered: boolean;

  @Field(() => RegistrationCategory)
  category: EnumValue<typeof RegistrationCategory>;

  @Field(() => DateScalar)
  since: string;

  @Field(() => DateScalar, { nullable: true })
  until: string | null;

  @Field(() => String, { nullable: true, description: 'User id of the VDAB mediator.' })
  mediator: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Partner organisation guiding the person, e.g. a GTB.',
  })
  partnerOrg: string | null;

  @Field(() => Boolean, { description: 'Priority follow-up by VDAB on the named-contact line.' })
  onSamenwerkingslijn: boolean;
}

@Category('g')
@ObjectType({ description: 'A sanction imposed by the OCMW.' })
@PersonKey('personId')
export class Sanction {
  @Field(() => ID)
  id: string;

  recordId: string;

  @Field(() => SanctionKind)
  kind: EnumValue<typeof SanctionKind>;

  @Field(() => DateScalar)
  imposedAt: string;

  @Field(() => DateScalar, { nullable: true })
  until: string | null;

  @Field(() => String)
  motivation: string;
}

@Category('c')
@ObjectType({ description: 'Social assistance granted by an OCMW (the OCMW is the authority).' })
@PersonKey('personId')
export class SocialAssistanceRecord {
  @Field(() => ID)
  id: string;

  personId: string;

  // The same fact as `ocmw`: the status flag of note 1 names who grants it.
  @Category('c', { minimal: true })
  @Field(() => String, { description: 'NIS code of the granting OCMW.' })
  ocmwNisCode: string;

  @Category('c', { minimal: true })
  @Field(() => AssistanceType)
  type: EnumValue<typeof AssistanceType>;

  @Field(() => Boolean, { description: 'Socio-professional GPMI contract.' })
  gpmi: boolean;

  @Field(() => DateScalar)
  grantedAt: string;

  @Field(() => DateScalar, { nullable: true })
  endedAt: string | null;

  @Field(() => ClientStatus)
  clientStatus: EnumValue<typeof ClientStatus>;

  @Field(() => SpiExemption, { nullable: true })
  spiExemption: EnumValue<typeof SpiExemption> | null;

  @Field(() => DateScalar, { nullable: true })
  spiExemptionFrom: string | null;

  @Field(() => DateScalar, { nullable: true })
  spiExemptionUntil: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'At least once a year.' })
  lastSocialInvestigation: string | null;

  @Category('d', { minimal: true })
  @Field(() => RegistrationDuty)
  registrationDuty: EnumValue<typeof RegistrationDuty>;

  @Category('d')
  @Field(() => ExemptionReason, { nullable: true, description: 'Stays at the OCMW.' })
  exemptionReason: EnumValue<typeof ExemptionReason> | null;

  @Category('d', { minimal: true })
  @Field(() => DateScalar, { nullable: true })
  exemptionReviewDue: string | null;

  @Category('d')
  @Field(() => WorkReadiness)
  workReadiness: EnumValue<typeof WorkReadiness>;
}

@Category('c')
@ObjectType({
  description: 'Temporary protection of a displaced person from Ukraine (1 year + 6 + 6 months).',
})
@PersonKey('personId')
export class TemporaryProtection {
  @Field(() => ID)
  id: string;

  personId: string;

  @Field(() => DateScalar)
  dvzRegisteredAt: string;

  @Category('c', { minimal: true })
  @Field(() => DateScalar)
  validUntil: string;

  @Category('c', { minimal: true })
  @Field(() => Boolean)
  equivalentLeefloon: boolean;
}
