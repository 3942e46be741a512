import type { EnumValue } from '../../../common/enums';
import { Category, Reveals } from '../../../common/access/categories';
import { and, arrayContains, eq, exists, isNull, not, notExists, sql, type SQL } from 'drizzle-orm';
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

import { ageBand } from '../../../common/age';
import { holdsValidAdvice } from '../../../common/access/candidate-pool';
import { anyOf } from '../../../common/db/any-of';
import { badUserInput } from '../../../common/errors';
import { municipalitiesIn } from '../../../common/geography';
import type { Database } from '../../../common/db/connection';
import { ConnectionArgs, ConnectionType, paginate } from '../../../common/pagination';
import type { PersonsContext } from '../loaders';
import { persons, vdabRegistrations, type PersonRow } from '../tables';
import { Consent, EmploymentOutcome } from '../types/consent';
import { CandidateMeasure } from '../types/candidate';
import { LabourMarketStatus, Mobility } from '../types/enums';
import { Municipality } from '../types/municipality';
import { Person } from '../types/person';
import { SocialAssistanceRecord, TemporaryProtection, VdabRegistration } from '../types/status';
import { Trajectory } from '../types/trajectory';

export const PersonConnection = ConnectionType(Person, 'Person');

@ArgsType()
class PersonsArgs extends ConnectionArgs {
  @Category('b')
  @Field(() => String, { nullable: true, description: 'NIS code of the residence municipality.' })
  residenceNisCode?: string | null;

  @Category('e')
  @Field(() => LabourMarketStatus, { nullable: true })
  labourMarketStatus?: EnumValue<typeof LabourMarketStatus> | null;

  @Category('e')
  @Field(() => Boolean, {
    nullable: true,
    description: 'Only persons with (true) or without (false) a current VDAB registration.',
  })
  registeredAtVdab?: boolean | null;

  // The matching filters of a caseload (issue 14). An advice's type and validity are j, which an
  // OCMW reads as note 9; an employer's note 13 is a ticket of its own candidates, not a sieve.
  @Category('j', { views: [9] })
  @Field(() => Boolean, {
    nullable: true,
    description: 'Only persons who hold (true) or do not hold (false) a valid advice today.',
  })
  validAdvice?: boolean | null;

  @Category('j', { views: [9] })
  @Field(() => CandidateMeasure, {
    nullable: true,
    description: 'Only persons who hold a valid advice of this type today.',
  })
  measure?: EnumValue<typeof CandidateMeasure> | null;

  @Category('l', { minimal: true })
  @Field(() => String, {
    nullable: true,
    description: 'Only persons interested in this activity (one of their activityPreferences).',
  })
  activity?: string | null;

  @Category('l')
  @Field(() => Mobility, { nullable: true })
  mobility?: EnumValue<typeof Mobility> | null;

  @Category('b')
  @Field(() => String, {
    nullable: true,
    description:
      'Only persons living in this area: the NIS code of a municipality, an arrondissement or a province, or a province code (ANT, VBR, WVL, OVL, LIM).',
  })
  region?: string | null;
}

function personFilters(db: Database, args: PersonsArgs, today: string): SQL[] {
  const filters: SQL[] = [];
  if (args.residenceNisCode) filters.push(eq(persons.residenceNisCode, args.residenceNisCode));
  if (typeof args.validAdvice === 'boolean') {
    const valid = holdsValidAdvice(persons.id, today);
    filters.push(args.validAdvice ? valid : not(valid));
  }
  if (args.measure) filters.push(holdsValidAdvice(persons.id, today, [args.measure]));
  if (args.activity) filters.push(arrayContains(persons.activityPreferences, [args.activity]));
  if (args.mobility) filters.push(eq(persons.mobility, args.mobility));
  if (args.region) {
    const area = municipalitiesIn(args.region);
    if (!area) {
      throw badUserInput(
        'region',
        `${args.region} is no NIS code of a Flemish municipality, arrondissement or province, nor a province code`,
      );
    }
    filters.push(anyOf(persons.residenceNisCode, area));
  }
  if (args.labourMarketStatus)
    filters.push(eq(persons.labourMarketStatus, args.labourMarketStatus));
  if (typeof args.registeredAtVdab === 'boolean') {
    const currentRegistration = db
      .select({ one: sql`1` })
      .from(vdabRegistrations)
      .where(
        and(
          eq(vdabRegistrations.personId, persons.id),
          eq(vdabRegistrations.registered, true),
          isNull(vdabRegistrations.until),
        ),
      );
    filters.push(
      args.registeredAtVdab ? exists(currentRegistration) : notExists(currentRegistration),
    );
  }
  return filters;
}

@Resolver(() => Person)
export class PersonResolver {
  @Category('a')
  @Query(() => Person, { nullable: true, description: 'One person, if the caller may see them.' })
  person(@Arg('id', () => ID) id: string, @Ctx() { loaders }: PersonsContext) {
    return loaders.personById.load(id);
  }

  @Category('a')
  @Query(() => PersonConnection, { description: 'Persons the caller may see, in id order.' })
  async persons(@Args(() => PersonsArgs) args: PersonsArgs, @Ctx() { db, policy }: PersonsContext) {
    const filters = personFilters(db, args, policy.today);
    return paginate(db, persons, 'id', and(policy.rows.identities(persons.id), ...filters), args);
  }

  @Category('b')
  @FieldResolver(() => Municipality, { description: 'Municipality of residence.' })
  residence(@Root() person: PersonRow): Municipality {
    return { nisCode: person.residenceNisCode };
  }

  // A coarser birth date: identity (B.2.1), read by whoever reads the birth date.
  @Category('a')
  @FieldResolver(() => String, {
    description: 'Age band today: UNDER_18, 18_24, … 55_64, 65_PLUS.',
  })
  ageBand(@Root() person: PersonRow, @Ctx() { policy }: PersonsContext): string {
    return ageBand(person.birthDate, policy.today);
  }

  @Category('e')
  @FieldResolver(() => VdabRegistration, {
    nullable: true,
    description: 'The current VDAB registration.',
  })
  async vdabRegistration(@Root() person: PersonRow, @Ctx() { loaders }: PersonsContext) {
    const registrations = await loaders.registrationsByPerson.load(person.id);
    return registrations.find((registration) => registration.until === null) ?? null;
  }

  @Category('e')
  @FieldResolver(() => [VdabRegistration], { description: 'All VDAB registrations, oldest first.' })
  vdabRegistrations(@Root() person: PersonRow, @Ctx() { loaders }: PersonsContext) {
    return loaders.registrationsByPerson.load(person.id);
  }

  @Category('c', { minimal: true })
  @FieldResolver(() => [SocialAssistanceRecord])
  socialAssistance(@Root() person: PersonRow, @Ctx() { loaders }: PersonsContext) {
    return loaders.assistanceByPerson.load(person.id);
  }

  @Category('c', { minimal: true })
  @FieldResolver(() => [TemporaryProtection])
  temporaryProtections(@Root() person: PersonRow, @Ctx() { loaders }: PersonsContext) {
    return loaders.protectionsByPerson.load(person.id);
  }

  @Category('f')
  @FieldResolver(() => [Trajectory])
  trajectories(@Root() person: PersonRow, @Ctx() { loaders }: PersonsContext) {
    return loaders.trajectoriesByPerson.load(person.id);
  }

  @Category('a')
  @Reveals('c')
  @FieldResolver(() => [Consent])
  consents(@Root() person: PersonRow, @Ctx() { loaders }: PersonsContext) {
    return loaders.consentsByPerson.load(person.id);
  }

  // Note 10: work outcomes as outflow, for an OCMW; not workplace information (note 6).
  @Category('n', { views: [10] })
  @FieldResolver(() => [EmploymentOutcome])
  employmentOutcomes(@Root() person: PersonRow, @Ctx() { loaders }: PersonsContext) {
    return loaders.outcomesByPerson.load(person.id);
  }
}
