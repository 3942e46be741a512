import { and, arrayContains, eq, gte, ne, type SQL } from 'drizzle-orm';
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
import type { MaatwerkContext } from '../loaders';
import { vacancies, type VacancyRow } from '../tables';
import { Employer } from '../types/employer';
import { VacancyMeasure, VacancyStatus } from '../types/enums';
import { Municipality } from '../types/external';
import { Referral } from '../types/referral';
import { Vacancy } from '../types/vacancy';

const VacancyConnection = ConnectionType(Vacancy, 'Vacancy');

@ArgsType()
class VacanciesArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  employerId?: string | null;

  @Field(() => VacancyMeasure, { nullable: true })
  measure?: EnumValue<typeof VacancyMeasure> | null;

  @Field(() => VacancyStatus, { nullable: true })
  status?: EnumValue<typeof VacancyStatus> | null;

  @Field(() => String, { nullable: true, description: 'NIS code of the workplace.' })
  municipalityNisCode?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only vacancies that ask no Dutch (true), or that do (false).',
  })
  noDutchRequired?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only vacancies with this tag.' })
  tag?: string | null;

  @Category('m')
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Only vacancies changed on or after this instant: opened, moved, filled (a nightly sync passes when its previous pull began).',
  })
  changedSince?: Date | null;
}

@Resolver(() => Vacancy)
export class VacancyResolver {
  @Category('m')
  @Query(() => VacancyConnection, { description: 'Vacancies, in id order.' })
  vacancies(@Args(() => VacanciesArgs) args: VacanciesArgs, @Ctx() { db }: MaatwerkContext) {
    const filters: SQL[] = [];
    if (args.employerId) filters.push(eq(vacancies.employerId, args.employerId));
    if (args.measure) filters.push(eq(vacancies.measure, args.measure));
    if (args.status) filters.push(eq(vacancies.status, args.status));
    if (args.municipalityNisCode)
      filters.push(eq(vacancies.municipalityNisCode, args.municipalityNisCode));
    if (typeof args.noDutchRequired === 'boolean') {
      filters.push(
        args.noDutchRequired
          ? eq(vacancies.languageRequirement, 'NONE')
          : ne(vacancies.languageRequirement, 'NONE'),
      );
    }
    if (args.tag) filters.push(arrayContains(vacancies.tags, [args.tag]));
    if (args.changedSince) filters.push(gte(vacancies.updatedAt, args.changedSince));
    return paginate(db, vacancies, 'id', and(...filters), args);
  }

  @Category('m')
  @Query(() => Vacancy, { nullable: true })
  vacancy(@Arg('id', () => ID) id: string, @Ctx() { loaders }: MaatwerkContext) {
    return loaders.vacancyById.load(id);
  }

  @Category('m', { minimal: true })
  @FieldResolver(() => Employer)
  employer(@Root() vacancy: VacancyRow, @Ctx() { loaders }: MaatwerkContext) {
    return loaders.employerById.load(vacancy.employerId);
  }

  @Category('m', { minimal: true })
  @FieldResolver(() => Municipality, { description: 'Where the work is done.' })
  municipality(@Root() vacancy: VacancyRow): Municipality {
    return { nisCode: vacancy.municipalityNisCode };
  }

  @Category('n')
  @FieldResolver(() => [Referral], { description: 'Referrals to this vacancy the caller may see.' })
  referrals(@Root() vacancy: VacancyRow, @Ctx() { loaders }: MaatwerkContext) {
    return loaders.referralsByVacancy.load(vacancy.id);
  }
}
