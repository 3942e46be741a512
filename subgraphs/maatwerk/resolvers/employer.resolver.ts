import { and, eq, type SQL } from 'drizzle-orm';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  Query,
  Resolver,
  Root,
} from 'type-graphql';

import { Category } from '../../../common/access/categories';
import type { EnumValue } from '../../../common/enums';
import { ConnectionArgs, ConnectionType, paginate } from '../../../common/pagination';
import type { MaatwerkContext } from '../loaders';
import { occupancy, regionOfNisCode } from '../rules';
import { employers, type ContingentRow, type EmployerRow } from '../tables';
import { Contingent, Employer } from '../types/employer';
import { BelgianRegion, EmployerType, Federation } from '../types/enums';
import { Municipality } from '../types/external';
import { Placement } from '../types/placement';
import { Vacancy } from '../types/vacancy';

const EmployerConnection = ConnectionType(Employer, 'Employer');

@ArgsType()
class EmployersArgs extends ConnectionArgs {
  @Field(() => EmployerType, { nullable: true })
  type?: EnumValue<typeof EmployerType> | null;

  @Field(() => Federation, { nullable: true })
  federation?: EnumValue<typeof Federation> | null;

  @Field(() => String, { nullable: true, description: 'NIS code of the employer’s municipality.' })
  municipalityNisCode?: string | null;
}

@Resolver(() => Employer)
export class EmployerResolver {
  @Query(() => EmployerConnection, { description: 'Employers, in id order.' })
  employers(@Args(() => EmployersArgs) args: EmployersArgs, @Ctx() { db }: MaatwerkContext) {
    const filters: SQL[] = [];
    if (args.type) filters.push(eq(employers.type, args.type));
    if (args.federation) filters.push(eq(employers.federation, args.federation));
    if (args.municipalityNisCode)
      filters.push(eq(employers.municipalityNisCode, args.municipalityNisCode));
    return paginate(db, employers, 'id', and(...filters), args);
  }

  @Query(() => Employer, { nullable: true })
  employer(@Arg('id', () => ID) id: string, @Ctx() { loaders }: MaatwerkContext) {
    return loaders.employerById.load(id);
  }

  @FieldResolver(() => Municipality, {
    nullable: true,
    description: 'Where the employer is established; may lie outside Flanders.',
  })
  municipality(@Root() employer: EmployerRow): Municipality | null {
    return employer.municipalityNisCode ? { nisCode: employer.municipalityNisCode } : null;
  }

  @FieldResolver(() => BelgianRegion, { nullable: true })
  region(@Root() employer: EmployerRow): EnumValue<typeof BelgianRegion> | null {
    return employer.municipalityNisCode ? regionOfNisCode(employer.municipalityNisCode) : null;
  }

  @FieldResolver(() => [Contingent], { description: 'Contingents by year, oldest first.' })
  contingents(@Root() employer: EmployerRow, @Ctx() { loaders }: MaatwerkContext) {
    return loaders.contingentsByEmployer.load(employer.id);
  }

  @Category('m')
  @FieldResolver(() => [Vacancy])
  vacancies(@Root() employer: EmployerRow, @Ctx() { loaders }: MaatwerkContext) {
    return loaders.vacanciesByEmployer.load(employer.id);
  }

  @Category('n')
  @FieldResolver(() => [Placement], {
    description: 'Placements this employer pays for, that the caller may see.',
  })
  placements(@Root() employer: EmployerRow, @Ctx() { loaders }: MaatwerkContext) {
    return loaders.placementsByEmployer.load(employer.id);
  }
}

@Resolver(() => Contingent)
export class ContingentResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Filled over allotted, two decimals (1.03 = 103%); null without an allotment.',
  })
  occupancy(@Root() contingent: ContingentRow): number | null {
    return occupancy(contingent);
  }
}
