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
import { referralRows, type MaatwerkContext } from '../loaders';
import { referrals, type ReferralRow } from '../tables';
import { Employer } from '../types/employer';
import { ReferralStatus } from '../types/enums';
import { Person } from '../types/external';
import { Placement } from '../types/placement';
import { FailureFeedback, Referral } from '../types/referral';
import { Vacancy } from '../types/vacancy';

const ReferralConnection = ConnectionType(Referral, 'Referral');

@ArgsType()
class ReferralsArgs extends ConnectionArgs {
  @Category('n')
  @Field(() => ID, { nullable: true })
  personId?: string | null;

  @Category('n')
  @Field(() => ID, { nullable: true })
  employerId?: string | null;

  @Category('n')
  @Field(() => ID, { nullable: true })
  vacancyId?: string | null;

  @Category('n')
  @Field(() => ReferralStatus, { nullable: true })
  status?: EnumValue<typeof ReferralStatus> | null;

  @Category('n')
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Only referrals changed on or after this instant: proposed, moved, hired, given feedback (a nightly sync passes when its previous pull began).',
  })
  changedSince?: Date | null;
}

@Resolver(() => Referral)
export class ReferralResolver {
  @Category('n')
  @Query(() => ReferralConnection, { description: 'Referrals the caller may see, in id order.' })
  referrals(
    @Args(() => ReferralsArgs) args: ReferralsArgs,
    @Ctx() { db, policy }: MaatwerkContext,
  ) {
    const filters: SQL[] = [];
    if (args.personId) filters.push(eq(referrals.personId, args.personId));
    if (args.employerId) filters.push(eq(referrals.employerId, args.employerId));
    if (args.vacancyId) filters.push(eq(referrals.vacancyId, args.vacancyId));
    if (args.status) filters.push(eq(referrals.status, args.status));
    if (args.changedSince) filters.push(gte(referrals.updatedAt, args.changedSince));
    return paginate(db, referrals, 'id', and(referralRows(policy.rows), ...filters), args);
  }

  @Category('n')
  @Query(() => Referral, { nullable: true })
  referral(@Arg('id', () => ID) id: string, @Ctx() { loaders }: MaatwerkContext) {
    return loaders.referralById.load(id);
  }

  @FieldResolver(() => Person)
  person(@Root() referral: ReferralRow): Person {
    return { id: referral.personId };
  }

  @FieldResolver(() => Vacancy, {
    nullable: true,
    description: 'None when the person was referred to the employer directly.',
  })
  vacancy(@Root() referral: ReferralRow, @Ctx() { loaders }: MaatwerkContext) {
    return referral.vacancyId ? loaders.vacancyById.load(referral.vacancyId) : null;
  }

  @FieldResolver(() => Employer)
  employer(@Root() referral: ReferralRow, @Ctx() { loaders }: MaatwerkContext) {
    return loaders.employerById.load(referral.employerId);
  }

  @FieldResolver(() => Placement, { nullable: true, description: 'The placement of a hire.' })
  placement(@Root() referral: ReferralRow, @Ctx() { loaders }: MaatwerkContext) {
    return loaders.placementByReferral.load(referral.id);
  }

  @FieldResolver(() => FailureFeedback, {
    nullable: true,
    description: 'Always present on a failed match; may explain a hire that did not last.',
  })
  failureFeedback(@Root() referral: ReferralRow): FailureFeedback | null {
    if (!referral.failureReason || !referral.failureGivenAt) return null;
    return {
      personId: referral.personId,
      reasonCode: referral.failureReason,
      text: referral.failureText,
      givenAt: referral.failureGivenAt,
    };
  }
}
