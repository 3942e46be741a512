import { and, count, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';

import { Category } from '../../../common/access/categories';
import { recordFact } from '../../../common/access/directory';
import { now, today } from '../../../common/clock';
import type { Database } from '../../../common/db/connection';
import type { EnumValue } from '../../../common/enums';
import { badUserInput, domainError, ErrorCode, notFound } from '../../../common/errors';
import { ConnectionArgs, ConnectionType, paginate } from '../../../common/pagination';
import { queryPeer } from '../../../common/peers';
import { DateScalar } from '../../../common/scalars';
import { MutationInput } from '../../../common/workflow/input';
import { runMutation } from '../../../common/workflow/mutation';
import { nextId } from '../../../common/workflow/numbering';
import { adviceRows, filingRows, type IndicationsContext } from '../loaders';
import { hasOpenHireObligation } from '../rules';
import {
  advices,
  idempotencyKeys,
  indicationRequests as requests,
  requestNumbers,
  type IndicationRequestRow,
} from '../tables';
import { FilingStatus, IndicationProcedure } from '../types/enums';
import { Person, Vacancy } from '../types/external';
import { IndicationFiling } from '../types/filing';
import {
  askedAdvice,
  fileRequestRule,
  filedRequest,
  filingStatus,
  vacancyProblem,
  type LinkedVacancy,
} from '../workflow/filing';
import { indicationFact } from '../workflow/request';

@InputType({
  description:
    'The employer’s registration of its candidate against its own open vacancy: the spoed procedure or prior indication routing (000 BA6).',
})
class FileEmployerIndicationRequestInput extends MutationInput {
  @Field(() => IndicationProcedure, { description: 'SPOED or PRIOR_INDICERINGSROUTING.' })
  procedure: EnumValue<typeof IndicationProcedure>;

  @Field(() => ID, {
    description:
      'The candidate: a person you already reach (a referral or direct application to you, an opt-in, an employee).',
  })
  personId: string;

  @Field(() => ID, {
    description:
      'Your open vacancy. SPOED: a CMW or IMW vacancy of a social-economy enterprise; prior routing: a CMW vacancy of a maatwerkbedrijf. The advice asked is of the vacancy’s measure.',
  })
  vacancyId: string;

  @Field(() => DateScalar, {
    description: 'The day the candidate signed the request form, on or after the vacancy opened.',
  })
  signedFormAt: string;

  @Field(() => String, {
    description:
      'The registration form: the job, the workplace and the support you offer (000 BA6: complete and of good quality).',
  })
  workplaceInformation: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Required (true) for SPOED: every granted spoed advice must lead to the hire on this vacancy.',
  })
  acceptsHiringObligation?: boolean | null;
}

/** The vacancy as the filing employer reads it (maatwerk, category m). */
interface FilingVacancy extends LinkedVacancy {
  positions: number;
  openedAt: string;
}

const VACANCY = `query FilingVacancy($id: ID!) {
  vacancy(id: $id) { id status measure positions openedAt employer { id type } }
}`;

async function filingVacancy(
  context: IndicationsContext,
  vacancyId: string,
): Promise<FilingVacancy | null> {
  const answer = await queryPeer<{ vacancy: FilingVacancy | null }>(
    context,
    'maatwerk',
    VACANCY,
    { id: vacancyId },
    { categories: ['m'] },
  );
  if (answer.errors.length > 0 && !answer.data?.vacancy) {
    throw domainError(
      ErrorCode.SUBGRAPH_UNAVAILABLE,
      `The maatwerk subgraph gave no vacancy ${vacancyId}: ${answer.errors[0].message}`,
    );
  }
  return answer.data?.vacancy ?? null;
}

/**
 * The spoed requests of a vacancy that may still each end in a hire: filed or granted, and no
 * hire recorded on the advice asked. Spoed carries a hiring obligation (000 BA6), so a vacancy
 * takes no more of them than it has positions.
 */
async function openSpoedObligations(tx: Database, vacancyId: string): Promise<number> {
  // Filings on one vacancy are counted and added one at a time.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`spoed:${vacancyId}`}))`);
  const hired = tx
    .select({ requestId: advices.requestId })
    .from(advices)
    .where(and(isNotNull(advices.hiredAt), sql`${advices.derivedFromId} is null`));
  const [{ open }] = await tx
    .select({ open: count() })
    .from(requests)
    .where(
      and(
        eq(requests.vacancyId, vacancyId),
        eq(requests.procedure, 'SPOED'),
        sql`${requests.status} not in ('DRAFT', 'REFUSED')`,
        sql`${requests.id} not in (${hired})`,
      ),
    );
  return open;
}

const loadFiling = async (tx: Database, id: string): Promise<IndicationRequestRow> =>
  (await tx.select().from(requests).where(eq(requests.id, id)))[0];

const IndicationFilingConnection = ConnectionType(IndicationFiling, 'IndicationFiling');

@ArgsType()
class IndicationFilingsArgs extends ConnectionArgs {
  @Category('j', { views: [13] })
  @Field(() => ID, { nullable: true, description: 'Only the filings on this vacancy.' })
  vacancyId?: string | null;
}

/**
 * The employer's side of the spoed procedure and prior indication routing (B.2.2, 000 BA6): it
 * registers a candidate it already knows against its own open vacancy, the request goes to VDAB
 * as a submitted indication request, and the employer follows its own filings.
 */
@Resolver(() => IndicationFiling)
export class FilingWorkflowResolver {
  @Category('j', { views: [13] })
  @Mutation(() => IndicationFiling, {
    description:
      'Files a spoed or prior-routing request for your candidate on your open vacancy; VDAB (DGS for prior routing) handles it as a submitted indication request.',
  })
  fileEmployerIndicationRequest(
    @Arg('input', () => FileEmployerIndicationRequestInput)
    input: FileEmployerIndicationRequestInput,
    @Ctx() context: IndicationsContext,
  ): Promise<IndicationRequestRow> {
    const { policy } = context;
    return runMutation(context, {
      name: 'fileEmployerIndicationRequest',
      rule: fileRequestRule,
      input,
      idempotencyKeys,
      load: loadFiling,
      // The vacancy is the maatwerk subgraph's, read as the employer before the transaction.
      gather: (valid) => filingVacancy(context, valid.vacancyId),
      write: async (tx, valid, vacancy) => {
        const employerId = policy.rows.ownEmployer();
        if (!vacancy || vacancy.employer?.id !== employerId) {
          throw domainError(
            ErrorCode.NOT_FOUND,
            `Vacancy ${valid.vacancyId} is not one of your vacancies (${employerId}): file on one of your own open vacancies.`,
            { field: 'input.vacancyId' },
          );
        }
        const requestedType = vacancy.measure === 'IMW' ? 'IMW' : 'CMW';
        const problem = vacancyProblem(valid.procedure, requestedType, vacancy);
        if (problem) throw badUserInput('input.vacancyId', `${vacancy.id} ${problem}`);
        if (valid.signedFormAt < vacancy.openedAt) {
          throw badUserInput(
            'input.signedFormAt',
            `must not be before ${vacancy.id} opened (${vacancy.openedAt}): the request is made for this vacancy`,
          );
        }
        // Nobody outside the employer's reference directory exists for it (B.4 note 11, A.2.4):
        // a person it does not reach reads as one that does not exist, before anything is told.
        if (!(await policy.reaches(tx, valid.personId))) throw notFound('Person', valid.personId);
        const ticket = await tx
          .select({ id: advices.id, validUntil: advices.validUntil })
          .from(advices)
          .where(
            and(
              eq(advices.personId, valid.personId),
              eq(advices.type, requestedType),
              gte(advices.validUntil, today()),
              adviceRows(policy.rows),
            ),
          )
          .limit(1);
        if (ticket.length > 0) {
          throw badUserInput(
            'input.personId',
            `${valid.personId} already holds a valid ${requestedType} ticket until ${ticket[0].validUntil}: hire through the referral, no ${valid.procedure} request is needed`,
          );
        }
        const pending = await tx
          .select({ id: requests.id })
          .from(requests)
          .where(
            and(
              eq(requests.personId, valid.personId),
              eq(requests.vacancyId, vacancy.id),
              eq(requests.filedBy, policy.caller.org),
              sql`${requests.status} not in ('GRANTED', 'REFUSED')`,
            ),
          );
        if (pending.length > 0) {
          throw domainError(
            ErrorCode.CONFLICT,
            `You filed ${pending[0].id} for ${valid.personId} on ${vacancy.id} already; VDAB has not decided it yet.`,
            { requestId: pending[0].id },
          );
        }
        if (valid.procedure === 'SPOED') {
          const open = await openSpoedObligations(tx, vacancy.id);
          if (open >= vacancy.positions) {
            throw domainError(
              ErrorCode.CONFLICT,
              `${vacancy.id} has ${vacancy.positions} position(s) and ${open} spoed request(s) that may each end in a hire: every granted spoed advice must lead to one (000 BA6). Hire or wait for a decision first, or add positions.`,
              { vacancyId: vacancy.id, positions: vacancy.positions, openSpoedRequests: open },
            );
          }
        }
        const [request] = await tx
          .insert(requests)
          .values(
            filedRequest(
              {
                id: await nextId(tx, requestNumbers, 'IR'),
                personId: valid.personId,
                vacancyId: vacancy.id,
                signedFormAt: valid.signedFormAt,
                procedure: valid.procedure,
                requestedType,
                filedBy: policy.caller.org,
                employerInformation: valid.workplaceInformation,
              },
              now(),
            ),
          )
          .returning();
        // VDAB decides every request and holds the candidate's file from the signed form on.
        await recordFact(tx, indicationFact(request, null));
        return { record: request, id: request.id, personId: request.personId };
      },
    });
  }

  @Category('j', { views: [13] })
  @Query(() => IndicationFilingConnection, {
    description:
      'Spoed and prior-routing requests filed by employers, in id order: an employer’s own, of the candidates it still reaches.',
  })
  indicationFilings(
    @Args(() => IndicationFilingsArgs) args: IndicationFilingsArgs,
    @Ctx() { db, policy }: IndicationsContext,
  ) {
    return paginate(
      db,
      requests,
      'id',
      and(
        filingRows(policy.rows),
        inArray(requests.origin, ['EMPLOYER_SPOED', 'EMPLOYER_PRIOR_ROUTING']),
        args.vacancyId ? eq(requests.vacancyId, args.vacancyId) : undefined,
      ),
      args,
    );
  }

  @FieldResolver(() => Person)
  person(@Root() filing: IndicationRequestRow): Person {
    return { id: filing.personId };
  }

  @Category('m', { minimal: true })
  @FieldResolver(() => Vacancy, { nullable: true })
  vacancy(@Root() filing: IndicationRequestRow): Vacancy | null {
    return filing.vacancyId ? { id: filing.vacancyId } : null;
  }

  @FieldResolver(() => FilingStatus)
  status(@Root() filing: IndicationRequestRow): EnumValue<typeof FilingStatus> {
    return filingStatus(filing);
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description: 'Granted: the candidate holds a valid ticket until this day (note 13).',
  })
  async ticketValidUntil(
    @Root() filing: IndicationRequestRow,
    @Ctx() { loaders }: IndicationsContext,
  ): Promise<string | null> {
    if (filing.status !== 'GRANTED') return null;
    const advice = askedAdvice(filing, await loaders.advicesByRequest.load(filing.id));
    return advice?.validUntil ?? null;
  }

  @FieldResolver(() => Boolean, {
    description: 'A granted spoed request whose hire on the vacancy is not recorded yet.',
  })
  async openHireObligation(
    @Root() filing: IndicationRequestRow,
    @Ctx() { loaders }: IndicationsContext,
  ): Promise<boolean> {
    if (filing.status !== 'GRANTED') return false;
    const advice = askedAdvice(filing, await loaders.advicesByRequest.load(filing.id));
    return !!advice && hasOpenHireObligation(advice, filing.procedure);
  }
}
