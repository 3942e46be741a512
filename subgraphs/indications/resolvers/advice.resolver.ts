import { and, eq, gt, gte, isNull, lt, lte, or, type SQL } from 'drizzle-orm';
import { today } from '../../../common/clock';
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
import { DateScalar } from '../../../common/scalars';
import { adviceRows, premiumIncreaseRows, type IndicationsContext } from '../loaders';
import { adviceStatusOn, hasOpenHireObligation } from '../rules';
import {
  advices,
  premiumIncreaseRequests,
  type AdviceRow,
  type PremiumIncreaseRequestRow,
  type WorkSupportPackageRow,
} from '../tables';
import {
  Advice,
  AdviceExtension,
  Evaluation,
  PremiumIncreaseRequest,
  WagePremiumStep,
  WorkSupportPackage,
} from '../types/advice';
import { AdviceDecision, AdviceStatus, AdviceType, PremiumIncreaseStatus } from '../types/enums';
import { Employer, Person } from '../types/external';
import { IndicationRequest } from '../types/request';

const AdviceConnection = ConnectionType(Advice, 'Advice');

@ArgsType()
class AdvicesArgs extends ConnectionArgs {
  @Category('j', { views: [9, 13] })
  @Field(() => ID, { nullable: true })
  personId?: string | null;

  @Category('j', { views: [9, 13] })
  @Field(() => AdviceType, { nullable: true })
  type?: EnumValue<typeof AdviceType> | null;

  @Category('j', { views: [9, 13] })
  @Field(() => AdviceStatus, {
    nullable: true,
    description: 'The status as it reads today: an ACTIVE advice past its validity is EXPIRED.',
  })
  status?: EnumValue<typeof AdviceStatus> | null;

  @Category('j', { views: [9, 13] })
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Only granted advices valid on this date (and not ended before it).',
  })
  validOn?: Date | null;
}

/** The status filter in SQL, matching `adviceStatusOn` for the same day. */
function statusFilter(status: EnumValue<typeof AdviceStatus>, today: string): SQL {
  switch (status) {
    case 'ACTIVE':
      return and(eq(advices.status, 'ACTIVE'), gte(advices.validUntil, today))!;
    case 'EXPIRED':
      return or(
        eq(advices.status, 'EXPIRED'),
        and(eq(advices.status, 'ACTIVE'), lt(advices.validUntil, today)),
      )!;
    default:
      return eq(advices.status, status);
  }
}

function adviceFilters(args: AdvicesArgs): SQL[] {
  const filters: SQL[] = [];
  if (args.personId) filters.push(eq(advices.personId, args.personId));
  if (args.type) filters.push(eq(advices.type, args.type));
  if (args.status) filters.push(statusFilter(args.status, today()));
  if (args.validOn) {
    const day = args.validOn.toISOString().slice(0, 10);
    filters.push(
      eq(advices.decision, 'TOEGEKEND'),
      lte(advices.validFrom, day),
      gte(advices.validUntil, day),
      or(isNull(advices.endedAt), gt(advices.endedAt, day))!,
    );
  }
  return filters;
}

@Resolver(() => Advice)
export class AdviceResolver {
  @Category('j', { views: [9, 13] })
  @Query(() => AdviceConnection, {
    description: 'Advices of the persons the caller may see, in id order.',
  })
  advices(@Args(() => AdvicesArgs) args: AdvicesArgs, @Ctx() { db, policy }: IndicationsContext) {
    const filters = adviceFilters(args);
    return paginate(db, advices, 'id', and(adviceRows(policy.rows), ...filters), args);
  }

  @Category('j', { views: [9, 13] })
  @Query(() => Advice, { nullable: true })
  advice(@Arg('id', () => ID) id: string, @Ctx() { loaders }: IndicationsContext) {
    return loaders.adviceById.load(id);
  }

  @Category('j', { views: [9, 13] })
  @FieldResolver(() => Person)
  person(@Root() advice: AdviceRow): Person {
    return { id: advice.personId };
  }

  @Category('j', { views: [9, 13] })
  @FieldResolver(() => AdviceStatus, {
    nullable: true,
    description:
      'Status today: an advice still marked ACTIVE after its validUntil reads EXPIRED. Null for a refused advice.',
  })
  status(@Root() advice: AdviceRow): EnumValue<typeof AdviceStatus> | null {
    return adviceStatusOn(advice, today());
  }

  @FieldResolver(() => IndicationRequest, {
    nullable: true,
    description: 'The request decided; null for the legacy advices of the zittende doelgroep.',
  })
  request(@Root() advice: AdviceRow, @Ctx() { loaders }: IndicationsContext) {
    return advice.requestId ? loaders.requestById.load(advice.requestId) : null;
  }

  @FieldResolver(() => Boolean, {
    description:
      'Granted through the spoed procedure and no hire recorded yet: every granted spoed advice must lead to a hire.',
  })
  async openHireObligation(@Root() advice: AdviceRow, @Ctx() { loaders }: IndicationsContext) {
    // The request is loaded only for an advice that would carry the obligation if it were spoed.
    if (!hasOpenHireObligation(advice, 'SPOED') || !advice.requestId) return false;
    const request = await loaders.requestById.load(advice.requestId);
    return hasOpenHireObligation(advice, request?.procedure ?? null);
  }

  @Category('k', { minimal: true })
  @FieldResolver(() => WorkSupportPackage, { nullable: true })
  workSupportPackage(@Root() advice: AdviceRow, @Ctx() { loaders }: IndicationsContext) {
    return loaders.workSupportPackageByAdvice.load(advice.id);
  }

  @FieldResolver(() => [Evaluation], { description: 'Oldest first.' })
  evaluations(@Root() advice: AdviceRow, @Ctx() { loaders }: IndicationsContext) {
    return loaders.evaluationsByAdvice.load(advice.id);
  }

  @FieldResolver(() => Advice, {
    nullable: true,
    description: 'For an IMW granted with a CMW: that CMW.',
  })
  derivedFrom(@Root() advice: AdviceRow, @Ctx() { loaders }: IndicationsContext) {
    return advice.derivedFromId ? loaders.adviceById.load(advice.derivedFromId) : null;
  }

  @FieldResolver(() => [Advice], { description: 'For a CMW: the IMW granted with it.' })
  derivedAdvices(@Root() advice: AdviceRow, @Ctx() { loaders }: IndicationsContext) {
    return loaders.derivedAdvicesByAdvice.load(advice.id);
  }

  @FieldResolver(() => [AdviceExtension], {
    description: 'Extensions of the validity, oldest first.',
  })
  extensions(@Root() advice: AdviceRow): AdviceExtension[] {
    return advice.extensions.map((extension) => ({ ...extension, personId: advice.personId }));
  }
}

/** The parts of a work support package, each carrying the package's person for the audit. */
@Resolver(() => WorkSupportPackage)
export class WorkSupportPackageResolver {
  @FieldResolver(() => [WagePremiumStep], { description: 'The degressive schedule, by month.' })
  wagePremiumSchedule(@Root() wop: WorkSupportPackageRow): WagePremiumStep[] {
    return wop.wagePremiumSchedule.map((step) => ({ ...step, personId: wop.personId }));
  }

  @FieldResolver(() => [PremiumIncreaseRequest], {
    description:
      'Requests to raise the support premium, oldest first; an employer sees its own only.',
  })
  increaseRequests(@Root() wop: WorkSupportPackageRow, @Ctx() { loaders }: IndicationsContext) {
    return loaders.increaseRequestsByPackage.load(wop.id);
  }
}

const PremiumIncreaseRequestConnection = ConnectionType(
  PremiumIncreaseRequest,
  'PremiumIncreaseRequest',
);

@ArgsType()
class PremiumIncreaseRequestsArgs extends ConnectionArgs {
  @Category('k')
  @Field(() => PremiumIncreaseStatus, { nullable: true })
  status?: EnumValue<typeof PremiumIncreaseStatus> | null;
}

@Resolver(() => PremiumIncreaseRequest)
export class PremiumIncreaseRequestResolver {
  @Category('k')
  @Query(() => PremiumIncreaseRequestConnection, {
    description:
      'Requests to raise a support premium, of the persons the caller may see, in id order: VDAB’s worklist with status PENDING.',
  })
  premiumIncreaseRequests(
    @Args(() => PremiumIncreaseRequestsArgs) args: PremiumIncreaseRequestsArgs,
    @Ctx() { db, policy }: IndicationsContext,
  ) {
    return paginate(
      db,
      premiumIncreaseRequests,
      'id',
      and(
        premiumIncreaseRows(policy.rows),
        args.status ? eq(premiumIncreaseRequests.status, args.status) : undefined,
      ),
      args,
    );
  }

  @FieldResolver(() => Employer)
  employer(@Root() request: PremiumIncreaseRequestRow): Employer {
    return { id: request.employerId };
  }

  @FieldResolver(() => Advice, {
    nullable: true,
    description: 'The advice whose work support package the request is about.',
  })
  advice(@Root() request: PremiumIncreaseRequestRow, @Ctx() { loaders }: IndicationsContext) {
    return loaders.adviceById.load(request.adviceId);
  }

  @FieldResolver(() => AdviceDecision, {
    nullable: true,
    description:
      'TOEGEKEND or GEWEIGERD once VDAB decided (status ACCEPTED or REFUSED); null while it waits.',
  })
  outcome(@Root() request: PremiumIncreaseRequestRow): EnumValue<typeof AdviceDecision> | null {
    return PREMIUM_OUTCOME[request.status];
  }
}

const PREMIUM_OUTCOME: Record<
  EnumValue<typeof PremiumIncreaseStatus>,
  EnumValue<typeof AdviceDecision> | null
> = { PENDING: null, ACCEPTED: 'TOEGEKEND', REFUSED: 'GEWEIGERD' };
