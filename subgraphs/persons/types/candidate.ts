import { Field, Int, ObjectType } from 'type-graphql';

import { Category, PersonKey } from '../../../common/access/categories';
import { domainEnum, type EnumValue } from '../../../common/enums';
import { DateScalar } from '../../../common/scalars';
import { EducationLevel, LanguageLevel, Mobility } from './enums';

export const CandidateMeasure = domainEnum(
  'CandidateMeasure',
  ['CMW', 'IMW', 'AMA_SE'],
  'The advice type a candidate holds a valid ticket of (B.4 note 13): never its route or basis.',
);

export const RegionLevel = domainEnum(
  'RegionLevel',
  ['MUNICIPALITY', 'ARRONDISSEMENT', 'PROVINCE', 'FLANDERS'],
  'How far a candidate’s region is generalised to keep the profile shared by k pool members.',
);

// The parts of a profile are the profile's data: the same category, audited for the same person.
@Category('l', { views: [11] })
@PersonKey('personId')
@ObjectType({ description: 'A region as coarse as k-anonymity needs: never finer than shown.' })
export class CandidateRegion {
  personId: string;

  @Field(() => RegionLevel)
  level: EnumValue<typeof RegionLevel>;

  @Field(() => String, { description: 'NIS code of the area, or VLG for Flanders.' })
  code: string;

  @Field(() => String)
  name: string;
}

@Category('l', { views: [11] })
@PersonKey('personId')
@ObjectType({ description: 'A language and the candidate’s CEFR level in it.' })
export class CandidateLanguage {
  personId: string;

  @Field(() => String, { description: 'ISO 639-1: nl, en.' })
  language: string;

  @Field(() => LanguageLevel)
  level: EnumValue<typeof LanguageLevel>;
}

/**
 * A pool member as one employer sees them before any referral, application or opt-in (B.4 note
 * 11): pseudonymous, generalised, with no way to the person. Not an entity and no link to
 * Person; the person's id stays on the resolved object only, for the audit (`@PersonKey`).
 */
@Category('l', { views: [11] })
@PersonKey('personId')
@ObjectType({ description: 'A pseudonymous candidate of the pool, for one employer (note 11).' })
export class CandidateProfile {
  /** Never a field: whose profile it is, for the audit trail. */
  personId: string;

  @Field(() => String, {
    description:
      'Stable for your organisation, different for every other; not a person id and not reversible outside the platform.',
  })
  pseudonym: string;

  @Field(() => CandidateRegion, { description: 'Residence, generalised to k-anonymity.' })
  region: CandidateRegion;

  @Field(() => String, {
    description: 'Age band, generalised to k-anonymity: 25_34, 18_34 (twenty years) or ANY.',
  })
  ageBand: string;

  @Field(() => [String])
  activityPreferences: string[];

  @Field(() => DateScalar, { description: 'The first day the candidate can start.' })
  availableFrom: string;

  @Field(() => [CandidateLanguage])
  languages: CandidateLanguage[];

  @Field(() => EducationLevel)
  educationLevel: EnumValue<typeof EducationLevel>;

  @Field(() => Mobility)
  mobility: EnumValue<typeof Mobility>;

  // Note 13: "holds a valid CMW/IMW ticket until <date>".
  @Category('j', { views: [13] })
  @Field(() => CandidateMeasure)
  measure: EnumValue<typeof CandidateMeasure>;

  @Category('j', { views: [13] })
  @Field(() => DateScalar)
  ticketValidUntil: string;

  @Field(() => Int, { description: 'Fit with the vacancy, 0–100; from the profile as shown.' })
  score: number;

  @Field(() => [String], { description: 'Why the candidate fits, reason by reason.' })
  why: string[];
}

/**
 * A pseudonym that left the pool of a vacancy (a nightly sync deletes its copy of the profile).
 * The pseudonym is the person's for this employer, so telling it is a read of their profile:
 * audited for them like a profile.
 */
@Category('l', { views: [11] })
@PersonKey('personId')
@ObjectType({ description: 'A pseudonym no longer in the pool of your vacancy.' })
export class CandidateRemoval {
  /** Never a field: whose pseudonym it is, for the audit trail. */
  personId: string;

  @Field(() => String)
  pseudonym: string;
}
