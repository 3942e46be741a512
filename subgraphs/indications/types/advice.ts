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
  SupportPremiumLevel,
} from './enums';

@ObjectType({ description: 'An extension of an advice’s validity, usually after an evaluation.' })
export class AdviceExtension {
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

  @Category('j', { minimal: true })
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

  @Category('j', { minimal: true })
  @Field(() => DateScalar, { nullable: true, description: 'Null for a refused advice.' })
  validFrom: string | null;

  @Category('j', { minimal: true })
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last valid day, after any extensions. Null for a refused advice.',
  })
  validUntil: string | null;

  @Field(() => [AdviceExtension], { description: 'Extensions of the validity, oldest first.' })
  extensions: AdviceExtension[];

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

@ObjectType({ description: 'From this month of the package on, the wage premium is `pct`.' })
export class WagePremiumStep {
  @Field(() => Int, { description: 'Month of the package, counting from 1.' })
  fromMonth: number;

  @Field(() => Float, { description: 'Percent of the capped reference wage.' })
  pct: number;
}

@ObjectType({ description: 'An employer’s request to raise the support premium.' })
export class PremiumIncreaseRequest {
  @Field(() => DateScalar)
  requestedAt: string;

  employerId: string;

  @Field(() => String)
  motivation: string;

  @Field(() => AdviceDecision, { nullable: true, description: 'Null while VDAB has not decided.' })
  outcome: EnumValue<typeof AdviceDecision> | null;
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

  @Field(() => [WagePremiumStep], { description: 'The degressive schedule, by month.' })
  wagePremiumSchedule: WagePremiumStep[];

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

  @Field(() => [PremiumIncreaseRequest], { description: 'Oldest first.' })
  increaseRequests: PremiumIncreaseRequest[];
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

  @Category('n', { minimal: true })
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
