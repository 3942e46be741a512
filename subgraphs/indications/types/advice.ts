import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

import { Category, PersonKey } from '../../../common/access/categories';
import type { EnumValue } from '../../../common/enums';
import { DateScalar, DateTimeScalar } from '../../../common/scalars';
import { MAX_VALIDITY_YEARS, UKW_VALIDITY_YEARS, WAGE_PREMIUM_PCT } from '../rules';
import {
  AdviceBasis,
  AdviceDecision,
  AdviceStatus,
  AdviceType,
  EvaluationOutcome,
  EvaluationTrigger,
  PremiumIncreaseStatus,
  SupportPremiumLevel,
} from './enums';

@Category('j')
@ObjectType({ description: 'An extension of an advice’s validity, usually after an evaluation.' })
@PersonKey('personId')
export class AdviceExtension {
  /** The advice's person, whose data it is. */
  personId: string;

  @Field(() => DateScalar)
  extendedAt: string;

  @Field(() => DateScalar)
  previousValidUntil: string;

  @Field(() => DateScalar)
  newValidUntil: string;

  @Field(() => ID, { nullable: true, description: 'The evaluation that decided the extension.' })
  evaluationId: string | null;
}

@Category('j')
@ObjectType({
  description: `An advice (the "ticket"): CMW, IMW, AMA SE or AMA Welzijn, granted or refused. Valid for at most ${MAX_VALIDITY_YEARS} years, extendable; workplace-independent.`,
})
@Directive('@key(fields: "id")')
@PersonKey('personId')
export class Advice {
  @Field(() => ID)
  id: string;

  personId: string;

  requestId: string | null;

  // Notes 9 and 13: the advice type, for an OCMW and (a valid CMW/IMW) for an employer.
  @Category('j', { views: [9, 13] })
  @Field(() => AdviceType)
  type: EnumValue<typeof AdviceType>;

  @Field(() => AdviceBasis, {
    description: 'Never shown to employers: the route can reveal disability benefits.',
  })
  basis: EnumValue<typeof AdviceBasis>;

  @Field(() => Boolean, {
    description: `The temporary ${UKW_VALIDITY_YEARS}-year CMW advice of an extremely vulnerable jobseeker (UKW).`,
  })
  temporary: boolean;

  derivedFromId: string | null;

  @Field(() => AdviceDecision)
  decision: EnumValue<typeof AdviceDecision>;

  @Field(() => DateTimeScalar)
  decidedAt: Date;

  // Note 9: the validity for an OCMW; an employer reads only "until <date>" (note 13).
  @Category('j', { views: [9] })
  @Field(() => DateScalar, { nullable: true, description: 'Null for a refused advice.' })
  validFrom: string | null;

  @Category('j', { views: [9, 13] })
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last valid day, after any extensions. Null for a refused advice.',
  })
  validUntil: string | null;

  /** As stored; the `extensions` field gives each its person. */
  extensions: Omit<AdviceExtension, 'personId'>[];

  /** As stored; the `status` field reads it through `adviceStatusOn`. */
  status: EnumValue<typeof AdviceStatus> | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When an evaluation ended or replaced the advice before its validity ran out.',
  })
  endedAt: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Hire that fulfils the hiring obligation of a spoed advice.',
  })
  hiredAt: string | null;
}

@Category('k')
@ObjectType({ description: 'From this month of the package on, the wage premium is `pct`.' })
@PersonKey('personId')
export class WagePremiumStep {
  /** The package's person, whose data it is. */
  personId: string;

  @Field(() => Int, { description: 'Month of the package, counting from 1.' })
  fromMonth: number;

  @Field(() => Float, { description: 'Percent of the capped reference wage.' })
  pct: number;
}

@Category('k')
@ObjectType({
  description:
    'An employer’s request to raise the support premium of its employee’s work support package (003), and VDAB’s decision.',
})
@PersonKey('personId')
export class PremiumIncreaseRequest {
  @Field(() => ID)
  id: string;

  packageId: string;

  adviceId: string;

  /** The package's person, whose data it is. */
  personId: string;

  employerId: string;

  @Field(() => DateScalar)
  requestedAt: string;

  @Field(() => String, { description: 'Why the employer asks: the support the worker needs.' })
  motivation: string;

  @Field(() => SupportPremiumLevel, { description: 'The package’s level when the employer asked.' })
  levelAtRequest: EnumValue<typeof SupportPremiumLevel>;

  @Field(() => SupportPremiumLevel, {
    nullable: true,
    description: 'The level asked for; null leaves it to VDAB.',
  })
  requestedLevel: EnumValue<typeof SupportPremiumLevel> | null;

  @Field(() => PremiumIncreaseStatus)
  status: EnumValue<typeof PremiumIncreaseStatus>;

  @Field(() => DateTimeScalar, { nullable: true })
  decidedAt: Date | null;

  @Field(() => SupportPremiumLevel, {
    nullable: true,
    description: 'The level VDAB granted, which the package now carries.',
  })
  newLevel: EnumValue<typeof SupportPremiumLevel> | null;

  @Field(() => String, { nullable: true, description: 'Why VDAB refused.' })
  refusalReason: string | null;
}

@Category('k')
@ObjectType({
  description:
    'The work support package (WOP) VDAB sets with an advice: degressive wage premium and support premium.',
})
@PersonKey('personId')
export class WorkSupportPackage {
  @Field(() => ID)
  id: string;

  adviceId: string;

  personId: string;

  @Category('k', { minimal: true })
  @Field(() => Float, {
    description: `Starting wage premium, ${WAGE_PREMIUM_PCT.min} to ${WAGE_PREMIUM_PCT.max} percent of the capped reference wage.`,
  })
  wagePremiumPct: number;

  /** As stored; the `wagePremiumSchedule` field gives each step its person. */
  wagePremiumSchedule: Omit<WagePremiumStep, 'personId'>[];

  @Category('k', { minimal: true })
  @Field(() => SupportPremiumLevel)
  supportPremiumLevel: EnumValue<typeof SupportPremiumLevel>;

  @Field(() => Int, { description: 'Monthly support premium, in euro cents.' })
  supportPremiumCents: number;

  @Category('k', { minimal: true })
  @Field(() => Int, { description: 'Guidance hours per month the support premium covers.' })
  intensity: number;

  @Category('k', { minimal: true })
  @Field(() => Int)
  durationMonths: number;
}

@Category('j')
@ObjectType({
  description:
    'An evaluation of an advice on the work floor, at most every 5 years or on request; it can extend, revise, end or convert the advice.',
})
@PersonKey('personId')
export class Evaluation {
  @Field(() => ID)
  id: string;

  adviceId: string;

  personId: string;

  @Field(() => EvaluationTrigger)
  trigger: EnumValue<typeof EvaluationTrigger>;

  // Note 6: the workplace an evaluation is about, for the VDAB ICF consultant.
  @Category('n', { views: [6] })
  @Field(() => ID, {
    nullable: true,
    description: 'The placement (maatwerk subgraph) evaluated: evaluation is workplace-dependent.',
  })
  placementId: string | null;

  @Field(() => String, { description: 'The VDAB expert who evaluated.' })
  expert: string;

  @Field(() => DateScalar)
  evaluatedAt: string;

  @Field(() => EvaluationOutcome)
  outcome: EnumValue<typeof EvaluationOutcome>;
}
