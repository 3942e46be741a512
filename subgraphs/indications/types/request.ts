import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

import { Category, PersonKey } from '../../../common/access/categories';
import type { EnumValue } from '../../../common/enums';
import { DateScalar, DateTimeScalar } from '../../../common/scalars';
import {
  AdviceType,
  AmaReason,
  AttestationKind,
  AttestationSource,
  IcfInput,
  IndicationOrigin,
  IndicationProcedure,
  IndicationRoute,
  IndicationStatus,
  IndicatorOrg,
  ObtainedVia,
  QualityControlOutcome,
  ReviewRegime,
  SecondReviewer,
} from './enums';

@Category('j')
@ObjectType({
  description:
    'A request for an indication: from the signed form through attestations or an ICF assessment to a decision.',
})
@Directive('@key(fields: "id")')
@PersonKey('personId')
export class IndicationRequest {
  @Field(() => ID)
  id: string;

  personId: string;

  @Field(() => AdviceType)
  requestedType: EnumValue<typeof AdviceType>;

  @Field(() => IndicationRoute)
  route: EnumValue<typeof IndicationRoute>;

  @Field(() => IndicationProcedure)
  procedure: EnumValue<typeof IndicationProcedure>;

  @Field(() => IndicationOrigin)
  origin: EnumValue<typeof IndicationOrigin>;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date of the signed request form; lead times count from here.',
  })
  signedFormAt: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The consent (persons subgraph) that allows pulling attestations.',
  })
  consentRef: string | null;

  vacancyId: string | null;

  @Field(() => IndicatorOrg)
  indicatorOrg: EnumValue<typeof IndicatorOrg>;

  consultantId: string | null;

  municipalityNisCode: string | null;

  filedBy: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The employer’s registration form (spoed, prior routing filed by the employer): the job, the workplace and the support it offers.',
  })
  employerInformation: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  submittedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'All information gathered.' })
  infoCompleteAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  icfStartedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'The consultant’s advice given.' })
  consultantAdviceAt: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Second review (four eyes) or validation of the attestations.',
  })
  reviewedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  decidedAt: Date | null;

  @Field(() => IndicationStatus)
  status: EnumValue<typeof IndicationStatus>;
}

@Category('h')
@ObjectType({
  description: 'An attestation that gives a direct right (MB 20 Feb 2018) or supports UKW.',
})
@PersonKey('personId')
export class Attestation {
  @Field(() => ID)
  id: string;

  requestId: string;

  personId: string;

  @Category('h', { minimal: true })
  @Field(() => AttestationKind)
  kind: EnumValue<typeof AttestationKind>;

  @Field(() => AttestationSource, {
    description: 'Never shown to employers: IT/IVT/VAPH reveal disability benefits.',
  })
  source: EnumValue<typeof AttestationSource>;

  @Field(() => ObtainedVia)
  obtainedVia: EnumValue<typeof ObtainedVia>;

  @Category('h', { minimal: true })
  @Field(() => DateScalar)
  validFrom: string;

  @Category('h', { minimal: true })
  @Field(() => DateScalar, { nullable: true, description: 'Null: no end date.' })
  validUntil: string | null;
}

@Category('i')
@ObjectType({
  description:
    'The ICF assessment of a person’s functioning (ICF gegevensset werk), along the three dimensions of the IM target-group definition.',
})
@PersonKey('personId')
export class IcfAssessment {
  @Field(() => ID)
  id: string;

  requestId: string;

  personId: string;

  consultantId: string;

  @Field(() => [IcfInput], { description: 'What the assessment draws on.' })
  inputs: EnumValue<typeof IcfInput>[];

  @Field(() => [String], {
    description: 'Mental, psychological, physical or sensory impairments, or psychosocial factors.',
  })
  impairments: string[];

  @Field(() => [String])
  activityLimitations: string[];

  @Field(() => [String])
  personalAndExternalFactors: string[];

  @Field(() => [AmaReason], { description: 'Why work-like activities fit (AMA advices only).' })
  amaReasons: EnumValue<typeof AmaReason>[];

  @Field(() => Int, { description: 'ICF score, 0 to 100; higher means more support needed.' })
  icfScore: number;

  // Note 4: the ICF conclusion for VDAB and GTB; never for an employer (note 12).
  @Category('i', { views: [4] })
  @Field(() => String)
  conclusion: string;

  // Notes 4 and 12: the work-relevant support needs, also for the employer and job coach.
  @Category('i', { views: [4, 12] })
  @Field(() => String, {
    description: 'Summary of the support the person needs at work, without diagnoses.',
  })
  workRelevantSupportNeeds: string;

  @Field(() => DateTimeScalar)
  assessedAt: Date;
}

@Category('j')
@ObjectType({
  description: 'How the decision was reviewed: the regime in force and quality control.',
})
@PersonKey('personId')
export class Review {
  @Field(() => ID)
  id: string;

  requestId: string;

  personId: string;

  @Field(() => ReviewRegime)
  regime: EnumValue<typeof ReviewRegime>;

  @Field(() => SecondReviewer, {
    nullable: true,
    description: 'Four eyes on an assessment only; an attestation is validated without one.',
  })
  secondReviewer: EnumValue<typeof SecondReviewer> | null;

  @Field(() => Boolean, { description: 'Drawn for quality control (two-eyes regime).' })
  sampledForQualityControl: boolean;

  @Field(() => QualityControlOutcome, { nullable: true })
  qcOutcome: EnumValue<typeof QualityControlOutcome> | null;

  @Field(() => DateTimeScalar, { nullable: true })
  reviewedAt: Date | null;
}
