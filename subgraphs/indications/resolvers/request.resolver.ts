import { addDays, isoDate } from '../../../common/dates';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Query,
  Resolver,
  Root,
} from 'type-graphql';

import { orgRef } from '../../../common/access/caller';
import { Category } from '../../../common/access/categories';
import type { EnumValue } from '../../../common/enums';
import { badUserInput } from '../../../common/errors';
import { ConnectionArgs, ConnectionType, paginate } from '../../../common/pagination';
import { DateScalar } from '../../../common/scalars';
import type { IndicationsContext } from '../loaders';
import { startOfBelgianDay } from '../../../common/db/belgian-days';
import { indicationRequests, type IcfAssessmentRow, type IndicationRequestRow } from '../tables';
import { Advice } from '../types/advice';
import { IndicationConsultant } from '../types/consultant';
import { AdviceType, IndicationProcedure, IndicationRoute, IndicationStatus } from '../types/enums';
import { Employer, Municipality, Person, Vacancy } from '../types/external';
import { Attestation, IcfAssessment, IndicationRequest, Review } from '../types/request';

const IndicationRequestConnection = ConnectionType(IndicationRequest, 'IndicationRequest');

@ArgsType()
class IndicationRequestsArgs extends ConnectionArgs {
  @Category('j')
  @Field(() => ID, { nullable: true })
  personId?: string | null;

  @Category('j')
  @Field(() => IndicationStatus, { nullable: true })
  status?: EnumValue<typeof IndicationStatus> | null;

  @Category('j')
  @Field(() => AdviceType, { nullable: true })
  requestedType?: EnumValue<typeof AdviceType> | null;

  @Category('j')
  @Field(() => IndicationRoute, { nullable: true })
  route?: EnumValue<typeof IndicationRoute> | null;

  @Category('j')
  @Field(() => IndicationProcedure, { nullable: true })
  procedure?: EnumValue<typeof IndicationProcedure> | null;

  @Category('j')
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Only requests decided on or after this date (Belgian time).',
  })
  decidedFrom?: Date | null;

  @Category('j')
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Only requests decided on or before this date (Belgian time).',
  })
  decidedTo?: Date | null;
}

function requestFilters(args: IndicationRequestsArgs): SQL[] {
  const filters: SQL[] = [];
  if (args.personId) filters.push(eq(indicationRequests.personId, args.personId));
  if (args.status) filters.push(eq(indicationRequests.status, args.status));
  if (args.requestedType) filters.push(eq(indicationRequests.requestedType, args.requestedType));
  if (args.route) filters.push(eq(indicationRequests.route, args.route));
  if (args.procedure) filters.push(eq(indicationRequests.procedure, args.procedure));
  const from = args.decidedFrom ? isoDate(args.decidedFrom) : null;
  const to = args.decidedTo ? isoDate(args.decidedTo) : null;
  if (from && to && from > to) throw badUserInput('decidedTo', 'must not be before decidedFrom');
  if (from) filters.push(sql`${indicationRequests.decidedAt} >= ${startOfBelgianDay(from)}`);
  if (to) filters.push(sql`${indicationRequests.decidedAt} < ${startOfBelgianDay(addDays(to, 1))}`);
  return filters;
}

@Resolver(() => IndicationRequest)
export class IndicationRequestResolver {
  @Category('j')
  @Query(() => IndicationRequestConnection, {
    description: 'Indication requests of the persons the caller may see, in id order.',
  })
  indicationRequests(
    @Args(() => IndicationRequestsArgs) args: IndicationRequestsArgs,
    @Ctx() { db, policy }: IndicationsContext,
  ) {
    const filters = requestFilters(args);
    return paginate(
      db,
      indicationRequests,
      'id',
      and(policy.rows.persons(indicationRequests.personId), ...filters),
      args,
    );
  }

  @Category('j')
  @Query(() => IndicationRequest, { nullable: true })
  indicationRequest(@Arg('id', () => ID) id: string, @Ctx() { loaders }: IndicationsContext) {
    return loaders.requestById.load(id);
  }

  @FieldResolver(() => Person)
  person(@Root() request: IndicationRequestRow): Person {
    return { id: request.personId };
  }

  @Category('b')
  @FieldResolver(() => Municipality, {
    nullable: true,
    description:
      'Where the person lived when the request was submitted; for an employer’s filing, known once VDAB takes it in hand.',
  })
  municipality(@Root() request: IndicationRequestRow): Municipality | null {
    return request.municipalityNisCode ? { nisCode: request.municipalityNisCode } : null;
  }

  @Category('m', { minimal: true })
  @FieldResolver(() => Vacancy, {
    nullable: true,
    description: 'The employer’s open vacancy of a spoed or prior-routing request.',
  })
  vacancy(@Root() request: IndicationRequestRow): Vacancy | null {
    return request.vacancyId ? { id: request.vacancyId } : null;
  }

  @FieldResolver(() => Employer, {
    nullable: true,
    description: 'The employer that filed a spoed or prior-routing request itself.',
  })
  filedBy(@Root() request: IndicationRequestRow): Employer | null {
    const employerId = request.filedBy ? orgRef(request.filedBy, 'employer') : undefined;
    return employerId ? { id: employerId } : null;
  }

  @FieldResolver(() => IndicationConsultant, { nullable: true })
  consultant(@Root() request: IndicationRequestRow, @Ctx() { loaders }: IndicationsContext) {
    return request.consultantId ? loaders.consultantById.load(request.consultantId) : null;
  }

  @Category('h', { minimal: true })
  @FieldResolver(() => [Attestation], { description: 'Attestations gathered, in id order.' })
  attestations(@Root() request: IndicationRequestRow, @Ctx() { loaders }: IndicationsContext) {
    return loaders.attestationsByRequest.load(request.id);
  }

  @Category('i', { views: [4, 12] })
  @FieldResolver(() => IcfAssessment, {
    nullable: true,
    description: 'The ICF assessment, on the ICF route once the consultant has assessed.',
  })
  icfAssessment(@Root() request: IndicationRequestRow, @Ctx() { loaders }: IndicationsContext) {
    return loaders.icfAssessmentByRequest.load(request.id);
  }

  @FieldResolver(() => Review, { nullable: true, description: 'Present once decided.' })
  review(@Root() request: IndicationRequestRow, @Ctx() { loaders }: IndicationsContext) {
    return loaders.reviewByRequest.load(request.id);
  }

  @FieldResolver(() => [Advice], {
    description: 'The advice decided, and the IMW a granted CMW brings with it.',
  })
  advices(@Root() request: IndicationRequestRow, @Ctx() { loaders }: IndicationsContext) {
    return loaders.advicesByRequest.load(request.id);
  }
}

@Resolver(() => IcfAssessment)
export class IcfAssessmentResolver {
  @FieldResolver(() => IndicationConsultant)
  consultant(@Root() assessment: IcfAssessmentRow, @Ctx() { loaders }: IndicationsContext) {
    return loaders.consultantById.load(assessment.consultantId);
  }
}
