import { and, eq } from 'drizzle-orm';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import { domainEnum, type EnumValue } from '../../../common/enums';
import { badUserInput } from '../../../common/errors';
import { MutationInput } from '../../../common/workflow/input';
import { runMutation } from '../../../common/workflow/mutation';
import type { IndicationsContext } from '../loaders';
import {
  icfAssessments,
  idempotencyKeys,
  indicationConsultants,
  indicationRequests as requests,
  type IcfAssessmentRow,
  type IndicationRequestRow,
} from '../tables';
import { AmaReason, IcfInput } from '../types/enums';
import { IcfAssessment, IndicationRequest } from '../types/request';
import {
  amaReasonsProblem,
  icfAssessmentOf,
  icfAssessmentRule,
  milestoneRule,
} from '../workflow/assessment';
import { assessedRequest, milestoneReached, MILESTONES } from '../workflow/request';
import { loadRequest, scopedRequest } from '../workflow/scoped';
import { now } from '../../../common/clock';

const IndicationMilestone = domainEnum(
  'IndicationMilestone',
  Object.keys(MILESTONES) as [keyof typeof MILESTONES],
  'A milestone inside a phase: the information is complete; the ICF assessment has started.',
);

@InputType({ description: 'A milestone reached by an open indication request.' })
class RecordIndicationMilestoneInput extends MutationInput {
  @Field(() => ID)
  requestId: string;

  @Field(() => IndicationMilestone)
  milestone: EnumValue<typeof IndicationMilestone>;
}

@InputType({ description: 'The ICF assessment of a request on the ICF or UKW route.' })
class RecordIcfAssessmentInput extends MutationInput {
  @Field(() => ID)
  requestId: string;

  @Field(() => ID, { description: 'The accredited consultant of your organisation who assessed.' })
  consultantId: string;

  @Field(() => [IcfInput])
  inputs: EnumValue<typeof IcfInput>[];

  @Field(() => [String])
  impairments: string[];

  @Field(() => [String])
  activityLimitations: string[];

  @Field(() => [String])
  personalAndExternalFactors: string[];

  @Field(() => [AmaReason], { nullable: true, description: 'Required for AMA requests only.' })
  amaReasons?: EnumValue<typeof AmaReason>[] | null;

  @Field(() => Int, { description: '0 to 100; higher means more support needed.' })
  icfScore: number;

  @Field(() => String)
  conclusion: string;

  @Field(() => String, { description: 'The support needed at work, without diagnoses.' })
  workRelevantSupportNeeds: string;
}

/**
 * The consultant's part of the ICF and UKW routes (B.2.2): the information is complete, the ICF
 * assessment starts, and its record is the consultant's advice (ICF_ASSESSED).
 */
@Resolver()
export class AssessmentWorkflowResolver {
  @Category('j')
  @Mutation(() => IndicationRequest, {
    description:
      'Records INFORMATION_COMPLETE (attestation or ICF route) or ICF_STARTED (after it, ICF and UKW routes), once each.',
  })
  recordIndicationMilestone(
    @Arg('input', () => RecordIndicationMilestoneInput) input: RecordIndicationMilestoneInput,
    @Ctx() context: IndicationsContext,
  ): Promise<IndicationRequestRow> {
    return runMutation(context, {
      name: 'recordIndicationMilestone',
      rule: milestoneRule,
      input,
      idempotencyKeys,
      load: loadRequest,
      write: async (tx, valid) => {
        const current = await scopedRequest(tx, context, valid.requestId);
        const reached = milestoneReached(current, valid.milestone, now());
        const [request] = await tx
          .update(requests)
          .set(reached)
          .where(eq(requests.id, current.id))
          .returning();
        return { record: request, id: request.id, personId: request.personId };
      },
    });
  }

  @Category('i')
  @Mutation(() => IcfAssessment, {
    description:
      'Records the ICF assessment of a request whose assessment has started; the request moves to ICF_ASSESSED.',
  })
  recordIcfAssessment(
    @Arg('input', () => RecordIcfAssessmentInput) input: RecordIcfAssessmentInput,
    @Ctx() context: IndicationsContext,
  ): Promise<IcfAssessmentRow> {
    return runMutation(context, {
      name: 'recordIcfAssessment',
      rule: icfAssessmentRule,
      input,
      idempotencyKeys,
      load: async (tx, id) =>
        (await tx.select().from(icfAssessments).where(eq(icfAssessments.id, id)))[0],
      write: async (tx, valid) => {
        const current = await scopedRequest(tx, context, valid.requestId);
        const [consultant] = await tx
          .select({ id: indicationConsultants.id })
          .from(indicationConsultants)
          .where(
            and(
              eq(indicationConsultants.id, valid.consultantId),
              eq(indicationConsultants.org, context.caller.org),
              eq(indicationConsultants.accredited, true),
            ),
          );
        if (!consultant) {
          throw badUserInput(
            'input.consultantId',
            `must be an accredited consultant of ${context.caller.org}`,
          );
        }
        const problem = amaReasonsProblem(current.requestedType, valid.amaReasons);
        if (problem) throw badUserInput('input.amaReasons', problem);
        const at = now();
        const assessed = assessedRequest(current, at);
        const { requestId: _request, idempotencyKey: _key, ...fields } = valid;
        const [assessment] = await tx
          .insert(icfAssessments)
          .values(icfAssessmentOf(current, fields, at))
          .returning();
        await tx.update(requests).set(assessed).where(eq(requests.id, current.id));
        return { record: assessment, id: assessment.id, personId: assessment.personId };
      },
    });
  }
}
