import { and, eq, gte, type SQL } from 'drizzle-orm';
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

import { Category } from '../../../common/access/categories';
import type { EnumValue } from '../../../common/enums';
import { ConnectionArgs, ConnectionType, paginate } from '../../../common/pagination';
import { DateTimeScalar } from '../../../common/scalars';
import { placementRows, type MaatwerkContext } from '../loaders';
import { reachesAdvice } from '../reachable-advices';
import { isSustained, SUSTAINED_AFTER_MONTHS } from '../rules';
import { placements, type PlacementRow } from '../tables';
import { Employer } from '../types/employer';
import { PlacementStatus, PlacementType } from '../types/enums';
import { Advice, Person } from '../types/external';
import { Placement } from '../types/placement';
import { Referral } from '../types/referral';
import { SupportPlan } from '../types/support-plan';

const PlacementConnection = ConnectionType(Placement, 'Placement');

@ArgsType()
class PlacementsArgs extends ConnectionArgs {
  @Category('n', { views: [6, 10] })
  @Field(() => ID, { nullable: true })
  personId?: string | null;

  @Category('n', { views: [6] })
  @Field(() => ID, { nullable: true, description: 'The employer that pays (not an enclave host).' })
  employerId?: string | null;

  @Category('n', { views: [6, 10] })
  @Field(() => PlacementStatus, { nullable: true })
  status?: EnumValue<typeof PlacementStatus> | null;

  @Category('n', { views: [6] })
  @Field(() => PlacementType, { nullable: true })
  type?: EnumValue<typeof PlacementType> | null;

  // When a placement last changed tells no more than its start and end (note 10) or workplace
  // information (note 6) do.
  @Category('n', { views: [6, 10] })
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Only placements changed on or after this instant: started, ended, a guide or coach assigned (a nightly sync passes when its previous pull began).',
  })
  changedSince?: Date | null;
}

@Resolver(() => Placement)
export class PlacementResolver {
  @Category('n', { views: [6, 10] })
  @Query(() => PlacementConnection, { description: 'Placements the caller may see, in id order.' })
  placements(
    @Args(() => PlacementsArgs) args: PlacementsArgs,
    @Ctx() { db, policy }: MaatwerkContext,
  ) {
    const filters: SQL[] = [];
    if (args.personId) filters.push(eq(placements.personId, args.personId));
    if (args.employerId) filters.push(eq(placements.employerId, args.employerId));
    if (args.status) filters.push(eq(placements.status, args.status));
    if (args.type) filters.push(eq(placements.type, args.type));
    if (args.changedSince) filters.push(gte(placements.updatedAt, args.changedSince));
    return paginate(db, placements, 'id', and(placementRows(policy.rows), ...filters), args);
  }

  @Category('n', { views: [6, 10] })
  @Query(() => Placement, { nullable: true })
  placement(@Arg('id', () => ID) id: string, @Ctx() { loaders }: MaatwerkContext) {
    return loaders.placementById.load(id);
  }

  @Category('n', { views: [6, 10] })
  @FieldResolver(() => Person)
  person(@Root() placement: PlacementRow): Person {
    return { id: placement.personId };
  }

  // Note 6: the workplace; an OCMW reads where someone works only as outflow (note 10).
  @Category('n', { views: [6] })
  @FieldResolver(() => Employer, { description: 'The employer that pays the worker.' })
  employer(@Root() placement: PlacementRow, @Ctx() { loaders }: MaatwerkContext) {
    return loaders.employerById.load(placement.employerId);
  }

  @Category('n', { views: [6] })
  @FieldResolver(() => Employer, {
    nullable: true,
    description: 'The company an enclave worker works in.',
  })
  hostEmployer(@Root() placement: PlacementRow, @Ctx() { loaders }: MaatwerkContext) {
    return placement.hostEmployerId ? loaders.employerById.load(placement.hostEmployerId) : null;
  }

  @FieldResolver(() => Advice, {
    nullable: true,
    description: 'The advice the placement rests on, if your mandate reaches it.',
  })
  async advice(
    @Root() placement: PlacementRow,
    @Ctx() context: MaatwerkContext,
  ): Promise<Advice | null> {
    const { adviceId } = placement;
    return adviceId && (await reachesAdvice(context, adviceId)) ? { id: adviceId } : null;
  }

  @FieldResolver(() => Referral, { nullable: true, description: 'The referral that led here.' })
  referral(@Root() placement: PlacementRow, @Ctx() { loaders }: MaatwerkContext) {
    return placement.referralId ? loaders.referralById.load(placement.referralId) : null;
  }

  @FieldResolver(() => SupportPlan, { nullable: true })
  supportPlan(@Root() placement: PlacementRow, @Ctx() { loaders }: MaatwerkContext) {
    return loaders.supportPlanByPlacement.load(placement.id);
  }

  @Category('n', { views: [6, 10] })
  @FieldResolver(() => Boolean, {
    nullable: true,
    description: `Sustainable employment: still running ${SUSTAINED_AFTER_MONTHS} months after the start. False if it ended earlier; null while that is not known yet.`,
  })
  sustained(@Root() placement: PlacementRow, @Ctx() { policy }: MaatwerkContext): boolean | null {
    return isSustained(placement, policy.today);
  }
}
