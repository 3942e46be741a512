import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import type { EnumValue } from '../../../common/enums';
import { DateScalar } from '../../../common/scalars';
import type { AgreementContactValue } from '../tables';
import { AgreementStatus, AgreementTargetGroup, AgreementType, PartyKind } from './enums';

@ObjectType({ description: 'A named contact for an agreement.' })
export class AgreementContact implements AgreementContactValue {
  @Field(() => String)
  name: string;

  @Field(() => String)
  role: string;

  @Field(() => String)
  email: string;
}

@ObjectType({ description: 'The fixed rubrics of an SO (004 §8).' })
export class AgreementRubrics {
  @Field(() => String, { nullable: true, description: 'Analysis of the local context.' })
  omgevingsanalyse: string | null;

  @Field(() => String, { nullable: true })
  doelstellingen: string | null;

  @Field(() => String, { nullable: true })
  acties: string | null;

  @Field(() => String, { nullable: true })
  taakverdeling: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Indicators and target figures, negotiated per SO.',
  })
  indicatorenStreefcijfers: string | null;
}

@Category('o', { minimal: true })
@ObjectType({ description: 'A party to a collaboration agreement.' })
export class AgreementParty {
  agreementId: string;

  @Field(() => PartyKind)
  kind: EnumValue<typeof PartyKind>;

  @Field(() => String, {
    description:
      'The party within its kind: a NIS code, a partnership or regiegebied id, or an organisation id such as `vdab`.',
  })
  ref: string;

  @Field(() => String)
  name: string;
}

@Category('o')
@ObjectType({
  description:
    'A collaboration agreement: an SO between VDAB and local governments, an SO adviesbevoegdheid indicering, a partnership, framework or protocol.',
})
@Directive('@key(fields: "id")')
export class CollaborationAgreement {
  @Field(() => ID)
  id: string;

  @Category('o', { minimal: true })
  @Field(() => AgreementType)
  type: EnumValue<typeof AgreementType>;

  @Category('o', { minimal: true })
  @Field(() => String)
  title: string;

  @Category('o', { minimal: true })
  @Field(() => DateScalar, { description: 'Start of the period, usually a legislature.' })
  periodStart: string;

  @Category('o', { minimal: true })
  @Field(() => DateScalar, { nullable: true, description: 'Null for an open-ended agreement.' })
  periodEnd: string | null;

  @Category('o', { minimal: true })
  @Field(() => [AgreementTargetGroup])
  targetGroups: EnumValue<typeof AgreementTargetGroup>[];

  omgevingsanalyse: string | null;
  doelstellingen: string | null;
  acties: string | null;
  taakverdeling: string | null;
  indicatorenStreefcijfers: string | null;

  @Category('o', { minimal: true })
  @Field(() => [AgreementContact])
  contacts: AgreementContact[];

  @Category('o', { minimal: true })
  @Field(() => Boolean, {
    description: 'Clients flagged on the named-contact line get priority follow-up from VDAB.',
  })
  samenwerkingslijn: boolean;

  @Category('o', { minimal: true })
  @Field(() => Int, { nullable: true, description: 'Agreed response time, in days.' })
  responseDeadlineDays: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The consultation body where the quarterly dashboard is discussed.',
  })
  overlegforum: string | null;

  @Category('o', { minimal: true })
  @Field(() => AgreementStatus)
  status: EnumValue<typeof AgreementStatus>;

  @Category('o', { minimal: true })
  @Field(() => DateScalar, { nullable: true })
  signedAt: string | null;
}
