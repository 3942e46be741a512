import type { Faker } from '@faker-js/faker';
import { eq, sql } from 'drizzle-orm';

import { isoDate } from '../common/dates';
import { anyOf } from '../common/db/any-of';
import { advices, indicationRequests } from '../subgraphs/indications/tables';
import { spoedHireRecorded } from '../subgraphs/indications/workflow/spoed';

import { relationsOf, seedDirectory, type RelationRow } from '../common/access/directory';
import { orgRef } from '../common/access/caller';
import { personaNamed } from '../common/access/personas';
import type { EnumValue } from '../common/enums';
import { addMonths } from '../subgraphs/maatwerk/rules';
import {
  contingents,
  employers,
  placements,
  referrals,
  supportPlans,
  vacancies,
  type PlacementRow,
  type ReferralRow,
} from '../subgraphs/maatwerk/tables';
import {
  endedPlacement,
  feedbackOnEnd,
  hiredPlacement,
  placementFact,
  workDidNotLast,
} from '../subgraphs/maatwerk/workflow/placement';
import {
  referralFact,
  FAILED_STATUSES,
  IN_PROGRESS_STATUSES,
  JOB_ENDED,
  movedReferral,
  proposedReferral,
  type ReferralMove,
} from '../subgraphs/maatwerk/workflow/referral';
import {
  closedSupportPlan,
  drawnUpSupportPlan,
  reviewedOnSchedule,
  SUPPORTED_PLACEMENT_TYPES,
} from '../subgraphs/maatwerk/workflow/support-plan';
import { movedVacancy } from '../subgraphs/maatwerk/workflow/vacancy';
import type {
  DutchRequirement,
  EmployerType,
  FailureReason,
  Federation,
  PlacementEndReason,
  PlacementType,
  ReferralOrigin,
  ReferralStatus,
  VacancyMeasure,
  VacancyStatus,
} from '../subgraphs/maatwerk/types/enums';
import { ColleagueCoachDuty, GuideDuty } from '../subgraphs/maatwerk/types/enums';
import {
  addDays,
  SEED_TODAY,
  sequentialId,
  type SeedContext,
  type SeededAdvice,
  type SeededEmployer,
  type SeededPerson,
} from './context';
import type { MunicipalitySeed } from '../common/geography/municipalities';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
type EmployerKind = EnumValue<typeof EmployerType>;
type Measure = EnumValue<typeof VacancyMeasure>;

const GENT = '44021';
/** Brussels, Anderlecht, Elsene, Schaarbeek, Sint-Jans-Molenbeek: Brussels employers can join IM. */
const BRUSSELS_NIS_CODES = ['21004', '21001', '21009', '21015', '21012'];
const CONTINGENT_FIRST_YEAR = 2020;
/** LDE and the maatwerkafdelingen were replaced by individual maatwerk on 1 Jan 2023. */
const LAST_LEGACY_YEAR = 2022;
const SEED_YEAR = Number(SEED_TODAY.slice(0, 4));

/** Gent, Jan 2020 (DOMAIN B.6): CMW over 10 maatwerkbedrijven and 2 MWA, LDE over 8 organisations. */
const GENT_2020 = {
  cmw: { allotted: 1077.8, filled: 1104.9, maatwerkbedrijven: 10, maatwerkafdelingen: 2 },
  lde: { allotted: 210.1, filled: 185, organisations: 8, cityAllotted: 130.3, cityFilled: 115.3 },
};

const DEMO = {
  employerId: sequentialId('E', 1),
  vacancyId: sequentialId('V', 1),
  personId: sequentialId('P', 1),
  adviceId: 'AD-000001',
};

/** The activities persons list as preferences, so that VDAB's match on interests can work. */
const JOB_TITLES: Record<string, string> = {
  groenonderhoud: 'Medewerker groenonderhoud',
  schoonmaak: 'Schoonmaakmedewerker',
  verpakking: 'Medewerker verpakking',
  logistiek: 'Magazijnmedewerker',
  keuken: 'Keukenmedewerker',
  textiel: 'Medewerker textielatelier',
  houtbewerking: 'Medewerker houtatelier',
  administratie: 'Administratief medewerker',
  kringloop: 'Medewerker kringloopwinkel',
  fietsherstelling: 'Fietshersteller',
};
const ACTIVITIES = Object.keys(JOB_TITLES);

/** How many employers of each kind outside the fixed Gent set (DOMAIN B.6; IM is open to all). */
const TYPE_WEIGHTS: { value: EmployerKind; weight: number }[] = [
  { value: 'MAATWERKBEDRIJF', weight: 6 },
  { value: 'MAATWERKAFDELING', weight: 2 },
  { value: 'SOCIALE_TEWERKSTELLINGSONDERNEMING', weight: 5 },
  { value: 'LDE_ORGANISATIE', weight: 7 },
  { value: 'REGULIERE_WERKGEVER', weight: 55 },
  { value: 'INTERIMKANTOOR', weight: 8 },
  { value: 'ZELFSTANDIGE', weight: 7 },
  { value: 'LOKAAL_BESTUUR', weight: 5 },
];

/** Vacancies per employer relative to the scale's average; maatwerkbedrijven recruit most. */
const VACANCY_FACTOR: Record<EmployerKind, number> = {
  MAATWERKBEDRIJF: 2.5,
  MAATWERKAFDELING: 0.8,
  SOCIALE_TEWERKSTELLINGSONDERNEMING: 1.5,
  LDE_ORGANISATIE: 0.8,
  REGULIERE_WERKGEVER: 0.9,
  INTERIMKANTOOR: 1.2,
  ZELFSTANDIGE: 0.3,
  LOKAAL_BESTUUR: 1.2,
};

const MEASURE_WEIGHTS: Record<EmployerKind, { value: Measure; weight: number }[]> = {
  MAATWERKBEDRIJF: [
    { value: 'CMW', weight: 70 },
    { value: 'BVS_PLAATS', weight: 12 },
    { value: 'AMA_SE_PLAATS', weight: 10 },
    { value: 'IMW', weight: 8 },
  ],
  MAATWERKAFDELING: [
    { value: 'CMW', weight: 30 },
    { value: 'IMW', weight: 70 },
  ],
  SOCIALE_TEWERKSTELLINGSONDERNEMING: [
    { value: 'IMW', weight: 50 },
    { value: 'AMA_SE_PLAATS', weight: 25 },
    { value: 'BVS_PLAATS', weight: 25 },
  ],
  LDE_ORGANISATIE: [
    { value: 'LDE', weight: 40 },
    { value: 'IMW', weight: 60 },
  ],
  REGULIERE_WERKGEVER: [
    { value: 'IMW', weight: 85 },
    { value: 'BVS_PLAATS', weight: 15 },
  ],
  INTERIMKANTOOR: [{ value: 'IMW', weight: 1 }],
  ZELFSTANDIGE: [
    { value: 'IMW', weight: 85 },
    { value: 'BVS_PLAATS', weight: 15 },
  ],
  LOKAAL_BESTUUR: [
    { value: 'IMW', weight: 60 },
    { value: 'LDE', weight: 20 },
    { value: 'BVS_PLAATS', weight: 20 },
  ],
};

const SECTORS = ['Logistiek', 'Bouw', 'Schoonmaak', 'Catering', 'Tuinaanleg', 'Techniek', 'Zorg'];

/**
 * Employers, their contingents and vacancies. E-000001 is the first maatwerkbedrijf (Gent,
 * Groep Maatwerk) with a CMW contingent and the open CMW vacancy V-000001; Gent holds the 10
 * maatwerkbedrijven, 2 MWA and 8 LDE organisations of DOMAIN B.6 with its 2020 contingents.
 */
export async function seedEmployers(ctx: SeedContext): Promise<void> {
  const { faker, sizes, world } = ctx;
  const flemish = world.municipalities;
  const byNis = new Map(flemish.map((m) => [m.nisCode, m]));
  const anywhere = flemish.map((m) => ({ value: m.nisCode, weight: m.population }));
  const outsideGent = anywhere.filter((m) => m.value !== GENT);

  const rows = {
    employers: [] as Insert<typeof employers>[],
    contingents: [] as Insert<typeof contingents>[],
    vacancies: [] as Insert<typeof vacancies>[],
  };
  const localGovernments = new Set<string>();

  const addEmployer = (type: EmployerKind, nisCode: string): Insert<typeof employers> => {
    const n = rows.employers.length + 1;
    const profile = employerProfile(faker, type);
    const employer: Insert<typeof employers> = {
      id: sequentialId('E', n),
      name: employerName(faker, type, byNis.get(nisCode)?.name ?? nisCode),
      type,
      federation: profile.federation,
      legalForm: profile.legalForm,
      enterpriseNumber: enterpriseNumber(n),
      municipalityNisCode: nisCode,
      targetGroupShare: profile.targetGroupShare,
      vte: profile.vte,
      icfTrainingFollowed: faker.number.float() < (profile.socialEconomy ? 0.3 : 0.05),
      offersBvs: faker.number.float() < (type === 'MAATWERKBEDRIJF' ? 0.7 : 0.25),
    };
    rows.employers.push(employer);
    if (type === 'LOKAAL_BESTUUR') localGovernments.add(nisCode);
    return employer;
  };

  // Gent first, so that E-000001 is its first maatwerkbedrijf.
  const gentCmw = [
    ...Array.from({ length: GENT_2020.cmw.maatwerkbedrijven }, () =>
      addEmployer('MAATWERKBEDRIJF', GENT),
    ),
    ...Array.from({ length: GENT_2020.cmw.maatwerkafdelingen }, () =>
      addEmployer('MAATWERKAFDELING', GENT),
    ),
  ];
  gentCmw[0].federation = 'GROEP_MAATWERK';
  const gentCity = addEmployer('LOKAAL_BESTUUR', GENT);
  gentCity.federation = 'KOEPEL_LDE';
  const gentLde = Array.from({ length: GENT_2020.lde.organisations - 1 }, () =>
    addEmployer('LDE_ORGANISATIE', GENT),
  );

  const brusselsCount = Math.max(1, Math.round(sizes.employers * 0.015));
  while (rows.employers.length < sizes.employers - brusselsCount) {
    let type = faker.helpers.weightedArrayElement(TYPE_WEIGHTS);
    // Gent's social-economy landscape is the fixed set above (DOMAIN B.6).
    const socialEconomy = ['MAATWERKBEDRIJF', 'MAATWERKAFDELING', 'LDE_ORGANISATIE'].includes(type);
    const nisCode = faker.helpers.weightedArrayElement(socialEconomy ? outsideGent : anywhere);
    if (type === 'LOKAAL_BESTUUR' && localGovernments.has(nisCode)) type = 'REGULIERE_WERKGEVER';
    addEmployer(type, nisCode);
  }
  for (let i = 0; i < brusselsCount; i += 1) {
    addEmployer(
      faker.helpers.arrayElement(['REGULIERE_WERKGEVER', 'INTERIMKANTOOR'] as const),
      faker.helpers.arrayElement(BRUSSELS_NIS_CODES),
    );
  }

  // Contingents: Gent's 2020 totals exactly, the rest of Flanders from each employer's size.
  const cmwAllotted = splitTotal(faker, GENT_2020.cmw.allotted, gentCmw.length);
  const cmwFilled = splitTotal(faker, GENT_2020.cmw.filled, gentCmw.length, cmwAllotted);
  gentCmw.forEach((employer, i) => {
    employer.vte = Math.max(20, round1((cmwFilled[i] / employer.targetGroupShare!) * 1.05));
  });
  const ldeAllotted = [
    GENT_2020.lde.cityAllotted,
    ...splitTotal(faker, GENT_2020.lde.allotted - GENT_2020.lde.cityAllotted, gentLde.length),
  ];
  const ldeFilled = [
    GENT_2020.lde.cityFilled,
    ...splitTotal(
      faker,
      GENT_2020.lde.filled - GENT_2020.lde.cityFilled,
      gentLde.length,
      ldeAllotted.slice(1),
    ),
  ];
  const gentBase = new Map<string, { allotted: number; filled: number }>();
  gentCmw.forEach((e, i) => gentBase.set(e.id, { allotted: cmwAllotted[i], filled: cmwFilled[i] }));
  [gentCity, ...gentLde].forEach((e, i) =>
    gentBase.set(e.id, { allotted: ldeAllotted[i], filled: ldeFilled[i] }),
  );

  for (const employer of rows.employers) {
    const measure = contingentMeasureOf(faker, employer, gentBase.has(employer.id));
    if (!measure) continue;
    const lastYear =
      measure === 'LDE' || employer.type === 'MAATWERKAFDELING' ? LAST_LEGACY_YEAR : SEED_YEAR;
    const gent = gentBase.get(employer.id);
    const firstAllotted =
      gent?.allotted ??
      round1(
        employer.vte *
          (employer.targetGroupShare ?? 0.7) *
          faker.number.float({ min: 0.85, max: 1 }),
      );
    const growth = faker.number.float({ min: 0, max: 0.02 });
    for (let year = CONTINGENT_FIRST_YEAR; year <= lastYear; year += 1) {
      const exact = gent && year === CONTINGENT_FIRST_YEAR ? gent : null;
      const allotted =
        exact?.allotted ?? round1(firstAllotted * (1 + growth) ** (year - CONTINGENT_FIRST_YEAR));
      rows.contingents.push({
        id: sequentialId('CT', rows.contingents.length + 1),
        employerId: employer.id,
        measure,
        year,
        vteAllotted: allotted,
        // Occupancy may exceed 100% (Gent CMW 2020: 102.5%).
        vteFilled: exact?.filled ?? round1(allotted * faker.number.float({ min: 0.9, max: 1.06 })),
      });
    }
  }

  for (const employer of rows.employers) {
    const demo = employer.id === DEMO.employerId;
    const expected = sizes.vacanciesPerEmployer * VACANCY_FACTOR[employer.type];
    const count = Math.max(
      demo ? 2 : 0,
      faker.number.int({ min: 0, max: Math.round(2 * expected) }),
    );
    for (let v = 0; v < count; v += 1) {
      const measure =
        demo && v === 0
          ? 'CMW'
          : faker.helpers.weightedArrayElement(MEASURE_WEIGHTS[employer.type]);
      rows.vacancies.push(
        vacancyFor(faker, {
          id: sequentialId('V', rows.vacancies.length + 1),
          employer,
          measure,
          municipalityNisCode:
            faker.number.float() < 0.85
              ? employer.municipalityNisCode!
              : faker.helpers.weightedArrayElement(anywhere),
          demo: demo && v === 0,
        }),
      );
    }
  }

  await ctx.insert(employers, rows.employers);
  await ctx.insert(contingents, rows.contingents);
  await ctx.insert(
    vacancies,
    rows.vacancies.map((vacancy) => ({
      ...vacancy,
      updatedAt: seededChange(vacancy.closedAt ?? vacancy.openedAt),
    })),
  );
  await ctx.db.execute(
    sql`select setval('maatwerk.vacancy_numbers', ${rows.vacancies.length + 1}, false)`,
  );

  for (const e of rows.employers) {
    world.employers.push({ id: e.id, municipalityNisCode: e.municipalityNisCode!, type: e.type });
  }
  for (const v of rows.vacancies) {
    world.vacancies.push({
      id: v.id,
      employerId: v.employerId,
      measure: v.measure,
      municipalityNisCode: v.municipalityNisCode,
    });
  }
}

interface EmployerProfile {
  federation: EnumValue<typeof Federation>;
  legalForm: string;
  targetGroupShare: number | null;
  vte: number;
  socialEconomy: boolean;
}

function employerProfile(faker: Faker, type: EmployerKind): EmployerProfile {
  const share = (min: number, max: number) => round2(faker.number.float({ min, max }));
  switch (type) {
    case 'MAATWERKBEDRIJF':
      return {
        federation: faker.number.float() < 0.7 ? 'GROEP_MAATWERK' : 'HERWIN',
        legalForm: faker.number.float() < 0.9 ? 'VZW' : 'CV',
        // At least 55% target-group workers and 20 VTE for CMW (DOMAIN B.3).
        targetGroupShare: share(0.55, 0.9),
        vte: faker.number.int({ min: 20, max: faker.number.float() < 0.6 ? 150 : 450 }),
        socialEconomy: true,
      };
    case 'MAATWERKAFDELING':
      return {
        federation: 'GROEP_MAATWERK',
        legalForm: 'VZW',
        targetGroupShare: share(0.55, 0.8),
        vte: faker.number.int({ min: 5, max: 40 }),
        socialEconomy: true,
      };
    case 'SOCIALE_TEWERKSTELLINGSONDERNEMING':
      return {
        federation: 'HERWIN',
        legalForm: 'VZW',
        targetGroupShare: share(0.4, 0.8),
        vte: faker.number.int({ min: 10, max: 80 }),
        socialEconomy: true,
      };
    case 'LDE_ORGANISATIE':
      return {
        federation: 'KOEPEL_LDE',
        legalForm: 'VZW',
        targetGroupShare: share(0.5, 0.9),
        vte: faker.number.int({ min: 3, max: 30 }),
        socialEconomy: true,
      };
    case 'LOKAAL_BESTUUR':
      return {
        federation: 'NONE',
        legalForm: 'PUBLIEKRECHTELIJK',
        targetGroupShare: null,
        vte: faker.number.int({ min: 40, max: 1500 }),
        socialEconomy: false,
      };
    case 'ZELFSTANDIGE':
      return {
        federation: 'NONE',
        legalForm: 'EENMANSZAAK',
        targetGroupShare: null,
        vte: faker.number.int({ min: 1, max: 3 }),
        socialEconomy: false,
      };
    case 'INTERIMKANTOOR':
      return {
        federation: 'NONE',
        legalForm: faker.helpers.arrayElement(['NV', 'BV']),
        targetGroupShare: null,
        vte: faker.number.int({ min: 5, max: 120 }),
        socialEconomy: false,
      };
    case 'REGULIERE_WERKGEVER':
      return {
        federation: 'NONE',
        legalForm: faker.helpers.weightedArrayElement([
          { value: 'BV', weight: 70 },
          { value: 'NV', weight: 20 },
          { value: 'CV', weight: 5 },
          { value: 'VZW', weight: 5 },
        ]),
        targetGroupShare: null,
        vte: faker.number.int({ min: 1, max: faker.number.float() < 0.8 ? 50 : 800 }),
        socialEconomy: false,
      };
  }
}

/** Fictitious names (DOMAIN B.6): a faker surname with a word for the kind of organisation. */
function employerName(faker: Faker, type: EmployerKind, municipalityName: string): string {
  const surname = faker.person.lastName();
  switch (type) {
    case 'MAATWERKBEDRIJF':
      return `${faker.helpers.arrayElement(['Werkhuis', 'Atelier', 'Werkplaats', 'Maatwerk'])} ${surname}`;
    case 'MAATWERKAFDELING':
      return `${surname} Zorg, maatwerkafdeling`;
    case 'SOCIALE_TEWERKSTELLINGSONDERNEMING':
      return `${faker.helpers.arrayElement(['Kringloopcentrum', 'Sociaal Atelier', 'Buurtwerk'])} ${surname}`;
    case 'LDE_ORGANISATIE':
      return `${faker.helpers.arrayElement(['Buurtdienst', 'Fietspunt', 'Klusjesdienst', 'Dienstencentrum'])} ${surname}`;
    case 'LOKAAL_BESTUUR':
      return `Lokaal bestuur ${municipalityName}`;
    case 'INTERIMKANTOOR':
      return `${surname} Interim`;
    case 'ZELFSTANDIGE':
      return `${surname} ${faker.helpers.arrayElement(['Tuinaanleg', 'Schrijnwerkerij', 'Bakkerij', 'Fietsen'])}`;
    case 'REGULIERE_WERKGEVER':
      return `${surname} ${faker.helpers.arrayElement(SECTORS)}`;
  }
}

function contingentMeasureOf(
  faker: Faker,
  employer: Insert<typeof employers>,
  inGentSet: boolean,
): 'CMW' | 'LDE' | null {
  if (employer.type === 'MAATWERKBEDRIJF' || employer.type === 'MAATWERKAFDELING') return 'CMW';
  if (employer.type === 'LDE_ORGANISATIE') return 'LDE';
  if (employer.type === 'LOKAAL_BESTUUR' && (inGentSet || faker.number.float() < 0.4)) return 'LDE';
  return null;
}

function vacancyFor(
  faker: Faker,
  spec: {
    id: string;
    employer: Insert<typeof employers>;
    measure: Measure;
    municipalityNisCode: string;
    demo: boolean;
  },
): Insert<typeof vacancies> {
  const { measure, demo } = spec;
  const legacy =
    measure === 'LDE' || (measure === 'CMW' && spec.employer.type === 'MAATWERKAFDELING');
  const openedAt = legacy
    ? faker.date.between({ from: '2020-01-06', to: '2022-10-31' }).toISOString().slice(0, 10)
    : addDays(SEED_TODAY, -(demo ? 200 : faker.number.int({ min: 0, max: 900 })));
  const age = daysBetween(openedAt, SEED_TODAY);
  const status: EnumValue<typeof VacancyStatus> = demo
    ? 'OPEN'
    : legacy
      ? faker.helpers.weightedArrayElement([
          { value: 'FILLED' as const, weight: 70 },
          { value: 'CLOSED' as const, weight: 30 },
        ])
      : faker.helpers.weightedArrayElement(
          age < 60
            ? [
                { value: 'OPEN' as const, weight: 85 },
                { value: 'FILLED' as const, weight: 10 },
                { value: 'CANCELLED' as const, weight: 5 },
              ]
            : age < 180
              ? [
                  { value: 'OPEN' as const, weight: 40 },
                  { value: 'FILLED' as const, weight: 45 },
                  { value: 'CLOSED' as const, weight: 10 },
                  { value: 'CANCELLED' as const, weight: 5 },
                ]
              : [
                  { value: 'OPEN' as const, weight: 8 },
                  { value: 'FILLED' as const, weight: 65 },
                  { value: 'CLOSED' as const, weight: 20 },
                  { value: 'CANCELLED' as const, weight: 7 },
                ],
        );
  const closedAt =
    status === 'OPEN'
      ? null
      : addDays(openedAt, faker.number.int({ min: Math.min(14, age), max: Math.min(age, 240) }));
  const socialEconomy = measure !== 'IMW' || spec.employer.type === 'MAATWERKBEDRIJF';
  const languageRequirement: EnumValue<typeof DutchRequirement> =
    faker.helpers.weightedArrayElement(
      socialEconomy
        ? [
            { value: 'NONE' as const, weight: 25 },
            { value: 'A1' as const, weight: 20 },
            { value: 'A2' as const, weight: 30 },
            { value: 'B1' as const, weight: 20 },
            { value: 'B2' as const, weight: 5 },
          ]
        : [
            { value: 'NONE' as const, weight: 10 },
            { value: 'A1' as const, weight: 10 },
            { value: 'A2' as const, weight: 25 },
            { value: 'B1' as const, weight: 40 },
            { value: 'B2' as const, weight: 12 },
            { value: 'C1' as const, weight: 3 },
          ],
    );
  const hoursPerWeek = demo
    ? 38
    : faker.helpers.weightedArrayElement([
        { value: 19, weight: 15 },
        { value: 24, weight: 15 },
        { value: 30, weight: 20 },
        { value: 32, weight: 10 },
        { value: 38, weight: 40 },
      ]);
  const littleDutch = ['NONE', 'A1', 'A2'].includes(languageRequirement);
  const tags = [
    // #werkplekvrij: VDAB's tag for jobs open to displaced Ukrainians (DOMAIN B.1).
    ...(littleDutch && faker.number.float() < 0.35 ? ['werkplekvrij'] : []),
    ...(hoursPerWeek < 38 ? ['deeltijds'] : []),
    ...(['NONE', 'A1'].includes(languageRequirement) && faker.number.float() < 0.3
      ? ['nt2-op-de-werkvloer']
      : []),
    ...(faker.number.float() < 0.1 ? ['rolstoeltoegankelijk'] : []),
  ];
  const activity = faker.helpers.arrayElement(ACTIVITIES);
  const opened: Insert<typeof vacancies> & VacancyState = {
    id: spec.id,
    employerId: spec.employer.id,
    measure,
    jobTitle: JOB_TITLES[activity],
    activity,
    municipalityNisCode: spec.municipalityNisCode,
    hoursPerWeek,
    languageRequirement,
    tags,
    positions: demo
      ? 3
      : faker.number.int({ min: 1, max: spec.employer.type === 'MAATWERKBEDRIJF' ? 6 : 2 }),
    // CMW and AMA SE places need an advice; IM cannot be reserved (DOMAIN B.3).
    reservedForTicketHolders: measure === 'CMW' || measure === 'AMA_SE_PLAATS',
    status: 'OPEN',
    openedAt,
    closedAt: null,
  };
  return status === 'OPEN' ? opened : movedVacancy(opened, status, closedAt!);
}

type VacancyState = {
  id: string;
  status: EnumValue<typeof VacancyStatus>;
  closedAt: string | null;
};

interface VacancyFact {
  id: string;
  employerId: string;
  measure: Measure;
  municipalityNisCode: string;
  hoursPerWeek: number;
  status: EnumValue<typeof VacancyStatus>;
  openedAt: string;
  closedAt: string | null;
}

type Outcome = EnumValue<typeof ReferralStatus>;
type Reason = EnumValue<typeof FailureReason>;

const IN_PROGRESS: readonly Outcome[] = IN_PROGRESS_STATUSES;

/** The moves that take a new referral to each status, as its employer and VDAB make them. */
const STEPS_TO: Record<Outcome, Outcome[]> = {
  PROPOSED: [],
  CONTACTED: ['CONTACTED'],
  INTAKE: ['CONTACTED', 'INTAKE'],
  BVS: ['CONTACTED', 'INTAKE', 'BVS'],
  HIRED: ['CONTACTED', 'INTAKE', 'HIRED'],
  REJECTED_BY_EMPLOYER: ['CONTACTED', 'INTAKE', 'REJECTED_BY_EMPLOYER'],
  DECLINED_BY_CANDIDATE: ['CONTACTED', 'DECLINED_BY_CANDIDATE'],
  WITHDRAWN: ['WITHDRAWN'],
};
/** About a third of the matches that reach a decision end in a hire. */
const DECISIONS: { value: Outcome; weight: number }[] = [
  { value: 'HIRED', weight: 33 },
  { value: 'REJECTED_BY_EMPLOYER', weight: 30 },
  { value: 'DECLINED_BY_CANDIDATE', weight: 20 },
  { value: 'WITHDRAWN', weight: 17 },
];
const REASONS_BY_STATUS: Partial<Record<Outcome, { value: Reason; weight: number }[]>> = {
  REJECTED_BY_EMPLOYER: [
    { value: 'SKILLS_MISMATCH', weight: 35 },
    { value: 'SUPPORT_NEED_TOO_HIGH', weight: 25 },
    { value: 'NO_SHOW', weight: 20 },
    { value: 'HEALTH', weight: 10 },
    { value: 'OTHER', weight: 10 },
  ],
  DECLINED_BY_CANDIDATE: [
    { value: 'CANDIDATE_DECLINED', weight: 35 },
    { value: 'MOBILITY', weight: 25 },
    { value: 'CONTRACT_TERMS', weight: 20 },
    { value: 'HEALTH', weight: 12 },
    { value: 'OTHER', weight: 8 },
  ],
  WITHDRAWN: [
    { value: 'JOB_NO_LONGER_AVAILABLE', weight: 55 },
    { value: 'HEALTH', weight: 15 },
    { value: 'MOBILITY', weight: 15 },
    { value: 'OTHER', weight: 15 },
  ],
  // A hire that did not last (000 BA10 wants those explained too).
  HIRED: [
    { value: 'SKILLS_MISMATCH', weight: 25 },
    { value: 'SUPPORT_NEED_TOO_HIGH', weight: 25 },
    { value: 'HEALTH', weight: 20 },
    { value: 'MOBILITY', weight: 10 },
    { value: 'CONTRACT_TERMS', weight: 10 },
    { value: 'OTHER', weight: 10 },
  ],
};
const REASON_TEXTS: Record<Reason, string[]> = {
  SKILLS_MISMATCH: ['Takenpakket sluit niet aan bij de vaardigheden.', 'Werktempo te hoog.'],
  SUPPORT_NEED_TOO_HIGH: ['Nood aan begeleiding groter dan we kunnen bieden.'],
  MOBILITY: ['Werkplek niet bereikbaar met het openbaar vervoer.', 'Verplaatsing te lang.'],
  HEALTH: ['Medische redenen.'],
  CANDIDATE_DECLINED: [
    'Kandidaat koos voor een andere job.',
    'Kandidaat zag het werk niet zitten.',
  ],
  NO_SHOW: ['Niet op het intakegesprek verschenen.'],
  CONTRACT_TERMS: ['Uurrooster niet combineerbaar met kinderopvang.'],
  JOB_NO_LONGER_AVAILABLE: ['Vacature intussen ingevuld.', 'Vacature geannuleerd.'],
  OTHER: [
    'Kandidaat verhuisd naar een andere regio.',
    'Geen werkvergunning op het moment van de intake.',
    'Kandidaat startte een opleiding.',
  ],
};

const GUIDE_ARRANGEMENTS = [
  [
    'Wekelijks werkpuntenoverleg op basis van het ondersteuningsplan.',
    'Stappenplan per taak op de werkpost.',
  ],
  ['Dagelijkse opvolging op de werkvloer tijdens de eerste maand.', 'Coaching bij nieuwe taken.'],
  ['Aangepaste werkpost en rustmomenten voorgesteld.', 'Hulpmiddelen bij het heffen aangevraagd.'],
  [
    'Inwerkschema van drie weken met een vaste peter of meter.',
    'Rondleiding en kennismaking met het team.',
  ],
  ['Afspraken visueel op het planbord; korte check-in bij de start van de dag.'],
  [
    'Doorverwijzing naar het OCMW voor schuldhulp indien nodig.',
    'Contact met de huisarts bij afwezigheid.',
  ],
  ['Maandelijks overleg met de werkgever en de collega-coach.'],
  ['Evaluatieverslag aan VDAB bij elke werkvloerevaluatie.'],
];
const COACH_ARRANGEMENTS = [
  ['Stelt de werknemer voor aan het team en legt de werkafspraken uit.'],
  ['Dagelijks aanspreekpunt voor vragen over de taken.'],
  ['Eerste contact bij problemen; belt de begeleider bij twijfel.'],
  ['Meldt knelpunten en kansen in het maandelijkse overleg.'],
];

/**
 * Referrals of persons holding a granted advice, with failure feedback on every failed match;
 * placements (with support plans) for the hires. R-000001 refers the demo citizen P-000001 to
 * V-000001, hired in PL-000001 on advice AD-000001. Every referral and placement opens the
 * reference directory to the employer, as the business fact that creates the relation.
 */
export async function seedReferralsAndPlacements(ctx: SeedContext): Promise<void> {
  const { faker, world } = ctx;
  const vacancyFacts: VacancyFact[] = await ctx.db
    .select({
      id: vacancies.id,
      employerId: vacancies.employerId,
      measure: vacancies.measure,
      municipalityNisCode: vacancies.municipalityNisCode,
      hoursPerWeek: vacancies.hoursPerWeek,
      status: vacancies.status,
      openedAt: vacancies.openedAt,
      closedAt: vacancies.closedAt,
    })
    .from(vacancies)
    .orderBy(vacancies.id);
  const vacancyById = new Map(vacancyFacts.map((v) => [v.id, v]));
  const employerById = new Map(world.employers.map((e) => [e.id, e]));
  const personById = new Map(world.persons.map((p) => [p.id, p]));
  const places = new PlaceIndex(world.municipalities);
  const vacancyBuckets = new Buckets<VacancyFact>(places);
  for (const vacancy of vacancyFacts) {
    if (vacancy.measure !== 'LDE')
      vacancyBuckets.add(vacancy.measure, vacancy.municipalityNisCode, vacancy);
  }
  const employerBuckets = new Buckets<SeededEmployer>(places);
  for (const employer of world.employers) {
    for (const group of employerGroups(employer.type)) {
      employerBuckets.add(group, employer.municipalityNisCode, employer);
    }
  }

  /** Hires on the vacancy of a spoed request: they fulfil the advice's hiring obligation. */
  const spoedHires: { adviceId: string; vacancyId: string; hiredOn: string }[] = [];
  const rows = {
    referrals: [] as ReferralRow[],
    placements: [] as PlacementRow[],
    supportPlans: [] as Insert<typeof supportPlans>[],
    relations: [] as RelationRow[],
  };

  /**
   * A referral moved to `status` as the mutations move it: proposed, then one step of its
   * lifecycle at a time, the last step carrying the feedback of a failed match.
   */
  const addReferral = (
    fields: Parameters<typeof proposedReferral>[0] & {
      status: Outcome;
      proposedAt: Date;
      statusChangedAt: Date;
    },
    feedback?: Omit<ReferralMove, 'status'>,
  ) => {
    let referral = proposedReferral(fields, fields.proposedAt);
    for (const status of STEPS_TO[fields.status]) {
      const move = status === fields.status ? { ...feedback, status } : { status };
      referral = movedReferral(referral, move, fields.statusChangedAt);
    }
    rows.referrals.push(referral);
    rows.relations.push(
      ...relationsOf(
        referralFact(referral, {
          proposedOn: isoDate(referral.proposedAt),
          changedOn: isoDate(referral.statusChangedAt),
        }),
      ),
    );
    return referral;
  };

  const addPlacement = (spec: {
    referral: ReferralRow;
    advice: SeededAdvice;
    vacancy: VacancyFact | null;
    type: EnumValue<typeof PlacementType>;
    hostEmployerId: string | null;
    demo: boolean;
  }) => {
    const { referral, advice, vacancy, type, demo } = spec;
    const id = sequentialId('PL', rows.placements.length + 1);
    const startDate = minDate(
      addDays(isoDate(referral.statusChangedAt), faker.number.int({ min: 7, max: 28 })),
      SEED_TODAY,
    );
    const lifetime =
      type === 'BVS'
        ? faker.number.int({ min: 14, max: 56 })
        : demo
          ? null
          : faker.helpers.weightedArrayElement([
              { value: 'early' as const, weight: 25 },
              { value: 'later' as const, weight: 20 },
              { value: 'running' as const, weight: 55 },
            ]);
    const days =
      typeof lifetime === 'number'
        ? lifetime
        : lifetime === 'early'
          ? faker.number.int({ min: 30, max: 175 })
          : lifetime === 'later'
            ? faker.number.int({ min: 190, max: 900 })
            : null;
    const endDate =
      days !== null && addDays(startDate, days) <= SEED_TODAY ? addDays(startDate, days) : null;
    const early = endDate !== null && endDate < addMonths(startDate, 6);
    const endReason: EnumValue<typeof PlacementEndReason> | null = !endDate
      ? null
      : type === 'BVS'
        ? 'EINDE_CONTRACT'
        : faker.helpers.weightedArrayElement(
            early
              ? [
                  { value: 'ONTSLAG' as const, weight: 35 },
                  { value: 'EINDE_CONTRACT' as const, weight: 35 },
                  { value: 'OTHER' as const, weight: 20 },
                  { value: 'DOORSTROOM_REGULIER' as const, weight: 10 },
                ]
              : [
                  { value: 'DOORSTROOM_REGULIER' as const, weight: 35 },
                  { value: 'EINDE_CONTRACT' as const, weight: 35 },
                  { value: 'ONTSLAG' as const, weight: 15 },
                  {
                    value: type === 'IMW' ? ('TERUGKEER_CM' as const) : ('OTHER' as const),
                    weight: 10,
                  },
                  { value: 'OTHER' as const, weight: 5 },
                ],
          );
    const end = endDate && endReason ? { endDate, endReason } : null;
    if (end && workDidNotLast({ type, startDate }, end)) {
      const owed = { ...end, ...failureFeedback(faker, 'HIRED') };
      Object.assign(referral, feedbackOnEnd({ type, startDate }, owed, at(end.endDate, 17)));
    }
    const supported = SUPPORTED_PLACEMENT_TYPES.includes(type);
    const guideIsDirectColleague = !demo && faker.number.float() < 0.55;
    const hired = hiredPlacement(referral, {
      id,
      hostEmployerId: spec.hostEmployerId,
      adviceId: advice.id,
      type,
      startDate,
      fte: vacancy
        ? round2(vacancy.hoursPerWeek / 38)
        : faker.helpers.arrayElement([0.5, 0.6, 0.8, 1]),
      wopRef: supported ? wopRefOf(advice.id) : null,
      qualifiedGuide: type === 'BVS' ? null : fullName(faker),
      colleagueCoach: supported && !guideIsDirectColleague ? fullName(faker) : null,
      jobCoach: jobCoachOf(referral.employerId, id),
    });
    const placement = end ? endedPlacement(hired, end) : hired;
    rows.placements.push(placement);
    rows.relations.push(...relationsOf(placementFact(placement)));
    if (supported) {
      // Drawn up while the placement ran, reviewed on schedule, closed when it ended.
      const drawnUpAt = minDate(
        addDays(startDate, faker.number.int({ min: 0, max: 21 })),
        SEED_TODAY,
      );
      const guideDuties = dutyMap(GuideDuty.values, GUIDE_ARRANGEMENTS, faker);
      const coachDuties = guideIsDirectColleague
        ? null
        : dutyMap(ColleagueCoachDuty.values, COACH_ARRANGEMENTS, faker);
      const drawn = drawnUpSupportPlan(
        hired,
        {
          id: sequentialId('SP', rows.supportPlans.length + 1),
          drawnUpAt,
          qualifiedGuide: hired.qualifiedGuide,
          guideIsDirectColleague,
          colleagueCoach: hired.colleagueCoach,
          guideDuties,
          colleagueCoachDuties: coachDuties,
        },
        SEED_TODAY,
      );
      const reviewed = reviewedOnSchedule(drawn.plan, drawn.placement, endDate ?? SEED_TODAY);
      rows.supportPlans.push(end ? closedSupportPlan(reviewed) : reviewed);
    }
  };

  // The demo: P-000001 referred by VDAB to V-000001 at E-000001 and hired there on AD-000001.
  const demoAdvice = world.advices.find((a) => a.id === DEMO.adviceId);
  const demoVacancy = vacancyById.get(DEMO.vacancyId);
  if (!demoAdvice || demoAdvice.personId !== DEMO.personId || !demoVacancy) {
    throw new Error(
      `The maatwerk demo needs advice ${DEMO.adviceId} of ${DEMO.personId} and vacancy ${DEMO.vacancyId}.`,
    );
  }
  const demoProposed = minDate(
    addDays(maxDate(demoAdvice.validFrom ?? SEED_TODAY, demoVacancy.openedAt), 7),
    addDays(SEED_TODAY, -60),
  );
  const demoReferral = addReferral({
    id: sequentialId('R', 1),
    personId: DEMO.personId,
    vacancyId: demoVacancy.id,
    employerId: demoVacancy.employerId,
    origin: 'VDAB_TOELEIDING',
    matchBasis: ['interests', 'proximity'],
    status: 'HIRED',
    proposedAt: at(demoProposed, 9),
    statusChangedAt: at(addDays(demoProposed, 21), 14),
  });
  addPlacement({
    referral: demoReferral,
    advice: demoAdvice,
    vacancy: demoVacancy,
    type: 'CMW',
    hostEmployerId: null,
    demo: true,
  });

  for (const [personId, advices] of groupByPerson(world.advices)) {
    const person = personById.get(personId);
    if (!person || personId === DEMO.personId) continue;
    const spoed = advices.find((a) => a.spoed && a.vacancyId);
    const prior = advices.find((a) => !a.spoed && a.vacancyId);
    const advice =
      spoed ??
      prior ??
      advices.find((a) => a.type === 'CMW') ??
      advices.find((a) => a.type === 'IMW') ??
      advices.find((a) => a.type === 'AMA_SE');
    if (!advice?.validFrom || advice.validFrom > SEED_TODAY) continue;
    const windowEnd = minDate(advice.validUntil ?? SEED_TODAY, SEED_TODAY);

    const linked = advice.vacancyId ? vacancyById.get(advice.vacancyId) : undefined;
    if (linked) {
      // Spoed carries a hiring obligation (DOMAIN B.7.5): nearly every one ends in a hire.
      const proposed = maxDate(advice.validFrom, linked.openedAt);
      refer(
        advice,
        linked,
        linked.employerId,
        spoed ? 'SPOED' : 'PRIOR_ROUTING',
        proposed,
        spoed ? 0.94 : 0.7,
      );
      continue;
    }
    if (faker.number.float() > 0.6) continue;
    let proposed = addDays(advice.validFrom, faker.number.int({ min: 7, max: 120 }));
    for (let attempt = 0; attempt < 3 && proposed <= windowEnd; attempt += 1) {
      const target = pickTarget(advice, person, proposed);
      if (!target) break;
      if (target.vacancy) proposed = maxDate(proposed, target.vacancy.openedAt);
      if (proposed > windowEnd) break;
      const origin: EnumValue<typeof ReferralOrigin> = faker.helpers.weightedArrayElement([
        { value: 'VDAB_TOELEIDING' as const, weight: 65 },
        { value: 'DIRECT_BY_CITIZEN' as const, weight: 15 },
        {
          value: person.ocmwNisCode ? ('OCMW' as const) : ('VDAB_TOELEIDING' as const),
          weight: 20,
        },
      ]);
      const referral = refer(advice, target.vacancy, target.employerId, origin, proposed, null);
      if (referral.status === 'HIRED' || IN_PROGRESS.includes(referral.status)) break;
      proposed = addDays(isoDate(referral.statusChangedAt), faker.number.int({ min: 7, max: 90 }));
    }
  }

  function pickTarget(
    advice: SeededAdvice,
    person: SeededPerson,
    proposed: string,
  ): { vacancy: VacancyFact | null; employerId: string } | null {
    const measure: Measure =
      advice.type === 'AMA_SE'
        ? 'AMA_SE_PLAATS'
        : faker.number.float() < 0.12
          ? 'BVS_PLAATS'
          : advice.type === 'CMW'
            ? 'CMW'
            : 'IMW';
    // VDAB's first referral weighs proximity: mostly the person's own arrondissement.
    const reach = faker.helpers.weightedArrayElement([
      { value: 'arrondissement' as const, weight: 55 },
      { value: 'province' as const, weight: 30 },
      { value: 'anywhere' as const, weight: 15 },
    ]);
    if (faker.number.float() < 0.85) {
      for (let tries = 0; tries < 3; tries += 1) {
        const vacancy = vacancyBuckets.pick(faker, measure, person.residenceNisCode, reach);
        // A cancelled vacancy still draws referrals; they end withdrawn.
        if (vacancy && (vacancy.closedAt === null || vacancy.closedAt >= proposed)) {
          return { vacancy, employerId: vacancy.employerId };
        }
      }
    }
    // Maatwerkbedrijven are asked to shape a job around the person rather than wait for a vacancy.
    const group = advice.type === 'IMW' ? 'IMW' : 'SOCIAL_ECONOMY';
    const employer = employerBuckets.pick(faker, group, person.residenceNisCode, reach);
    return employer ? { vacancy: null, employerId: employer.id } : null;
  }

  function refer(
    advice: SeededAdvice,
    vacancy: VacancyFact | null | undefined,
    employerId: string,
    origin: EnumValue<typeof ReferralOrigin>,
    proposed: string,
    hireRate: number | null,
  ): Insert<typeof referrals> {
    const decisionDays = faker.number.int({ min: 5, max: 60 });
    const decided = addDays(proposed, decisionDays);
    const pending = decided > SEED_TODAY;
    const status: Outcome = pending
      ? IN_PROGRESS[Math.min(3, Math.floor((daysBetween(proposed, SEED_TODAY) / decisionDays) * 4))]
      : vacancy?.status === 'CANCELLED'
        ? 'WITHDRAWN'
        : hireRate !== null
          ? faker.number.float() < hireRate
            ? 'HIRED'
            : faker.helpers.weightedArrayElement(DECISIONS.slice(1))
          : faker.helpers.weightedArrayElement(DECISIONS);
    const changed = pending
      ? addDays(proposed, Math.floor(daysBetween(proposed, SEED_TODAY) / 2))
      : decided;
    const matchBasis = matchBasisOf(faker, origin);
    const referral = addReferral(
      {
        id: sequentialId('R', rows.referrals.length + 1),
        personId: advice.personId,
        vacancyId: vacancy?.id ?? null,
        employerId,
        origin,
        matchBasis,
        status,
        proposedAt: at(proposed, 9),
        statusChangedAt: at(changed, changed === proposed ? 16 : 11),
      },
      status === 'WITHDRAWN' && vacancy?.status === 'CANCELLED'
        ? JOB_ENDED
        : FAILED_STATUSES.includes(status)
          ? failureFeedback(faker, status)
          : undefined,
    );
    if (status === 'HIRED') {
      const employer = employerById.get(employerId);
      const type = placementTypeOf(advice, vacancy ?? null, employer);
      const host =
        type === 'ENCLAVE'
          ? employerBuckets.pick(faker, 'REGULAR', employer!.municipalityNisCode, 'province')
          : null;
      addPlacement({
        referral,
        advice,
        vacancy: vacancy ?? null,
        type: type === 'ENCLAVE' && !host ? 'CMW' : type,
        hostEmployerId: type === 'ENCLAVE' ? (host?.id ?? null) : null,
        demo: false,
      });
      if (origin === 'SPOED' && vacancy) {
        spoedHires.push({
          adviceId: advice.id,
          vacancyId: vacancy.id,
          hiredOn: rows.placements.at(-1)!.startDate,
        });
      }
    }
    return referral;
  }

  function placementTypeOf(
    advice: SeededAdvice,
    vacancy: VacancyFact | null,
    employer: SeededEmployer | undefined,
  ): EnumValue<typeof PlacementType> {
    const measure = vacancy?.measure;
    if (measure === 'BVS_PLAATS') return 'BVS';
    if (measure === 'AMA_SE_PLAATS' || advice.type === 'AMA_SE') return 'AMA_SE';
    if (measure === 'IMW' || (!measure && advice.type === 'IMW')) return 'IMW';
    // About one CMW worker in eight works in an enclave inside a regular company.
    if (employer?.type === 'MAATWERKBEDRIJF' && faker.number.float() < 0.12) return 'ENCLAVE';
    return employer?.type === 'MAATWERKBEDRIJF' || employer?.type === 'MAATWERKAFDELING'
      ? 'CMW'
      : 'IMW';
  }

  await ctx.insert(
    referrals,
    rows.referrals.map((referral) => ({
      ...referral,
      updatedAt:
        referral.failureGivenAt && referral.failureGivenAt > referral.statusChangedAt
          ? referral.failureGivenAt
          : referral.statusChangedAt,
    })),
  );
  // Referrals made through the API number on after the seeded ones.
  await ctx.db.execute(
    sql`select setval('maatwerk.referral_numbers', ${rows.referrals.length + 1}, false)`,
  );
  await ctx.insert(
    placements,
    rows.placements.map((placement) => ({
      ...placement,
      updatedAt: seededChange(
        placement.status === 'ENDED' ? placement.endDate! : placement.startDate,
      ),
    })),
  );
  await ctx.db.execute(
    sql`select setval('maatwerk.placement_numbers', ${rows.placements.length + 1}, false)`,
  );
  await ctx.insert(supportPlans, rows.supportPlans);
  await ctx.db.execute(
    sql`select setval('maatwerk.support_plan_numbers', ${rows.supportPlans.length + 1}, false)`,
  );
  await seedDirectory(ctx.insert, { relations: rows.relations });
  await recordSpoedHires(ctx, spoedHires);
}

/** Records each spoed hire on its advice, as hireCandidate asks the indications subgraph to. */
async function recordSpoedHires(
  ctx: SeedContext,
  hires: { adviceId: string; vacancyId: string; hiredOn: string }[],
): Promise<void> {
  if (hires.length === 0) return;
  const found = await ctx.db
    .select({ advice: advices, request: indicationRequests })
    .from(advices)
    .innerJoin(indicationRequests, eq(indicationRequests.id, advices.requestId))
    .where(
      anyOf(
        advices.id,
        hires.map((hire) => hire.adviceId),
      ),
    );
  const byId = new Map(found.map((row) => [row.advice.id, row]));
  for (const hire of hires) {
    const { advice, request } = byId.get(hire.adviceId)!;
    const recorded = spoedHireRecorded(advice, request, hire);
    await ctx.db
      .update(advices)
      .set({ hiredAt: recorded.hiredAt })
      .where(eq(advices.id, advice.id));
  }
}

/** The feedback an employer gives on a match that failed or a hire that did not last. */
function failureFeedback(faker: Faker, status: Outcome) {
  const failureReason = faker.helpers.weightedArrayElement(REASONS_BY_STATUS[status]!);
  const failureText =
    failureReason === 'OTHER' || faker.number.float() < 0.5
      ? faker.helpers.arrayElement(REASON_TEXTS[failureReason])
      : null;
  return { failureReason, failureText };
}

function matchBasisOf(faker: Faker, origin: EnumValue<typeof ReferralOrigin>): string[] {
  // Spoed and prior routing start from the employer's own candidate, not from a match.
  if (origin === 'SPOED' || origin === 'PRIOR_ROUTING') return [];
  if (origin === 'DIRECT_BY_CITIZEN') return ['interests'];
  if (origin === 'OCMW')
    return faker.helpers.arrayElement([['proximity'], ['interests', 'proximity']]);
  return faker.helpers.weightedArrayElement([
    { value: ['interests', 'proximity'], weight: 70 },
    { value: ['interests'], weight: 15 },
    { value: ['proximity'], weight: 15 },
  ]);
}

/** Which employers a direct referral (without a vacancy) may go to. */
function employerGroups(type: string): string[] {
  const groups = ['IMW'];
  if (['MAATWERKBEDRIJF', 'SOCIALE_TEWERKSTELLINGSONDERNEMING'].includes(type)) {
    groups.push('SOCIAL_ECONOMY');
  }
  if (type === 'REGULIERE_WERKGEVER') groups.push('REGULAR');
  return type === 'MAATWERKAFDELING' || type === 'LDE_ORGANISATIE' ? [] : groups;
}

/** The WOP the indications seed attaches to an advice: same number, prefix `WOP`. */
function wopRefOf(adviceId: string): string {
  return adviceId.replace(/^AD-/, 'WOP-');
}

/** Six-monthly reviews from the plan's date, up to its end or the next one still to come. */
/** One arrangement per duty, drawn from its options, as the plan's duty → arrangement map. */
function dutyMap<Duty extends string>(
  duties: readonly Duty[],
  options: string[][],
  faker: Faker,
): Record<Duty, string> {
  return Object.fromEntries(
    duties.map((duty, i) => [duty, faker.helpers.arrayElement(options[i])]),
  ) as Record<Duty, string>;
}

function groupByPerson(advices: SeededAdvice[]): Map<string, SeededAdvice[]> {
  const byPerson = new Map<string, SeededAdvice[]>();
  for (const advice of advices) {
    if (advice.decision !== 'TOEGEKEND') continue;
    const list = byPerson.get(advice.personId);
    if (list) list.push(advice);
    else byPerson.set(advice.personId, [advice]);
  }
  return byPerson;
}

/** Where a municipality lies, for picking things near a person: arrondissement, then province. */
class PlaceIndex {
  private readonly byNis: Map<string, MunicipalitySeed>;

  constructor(municipalities: MunicipalitySeed[]) {
    this.byNis = new Map(municipalities.map((m) => [m.nisCode, m]));
  }

  keys(nisCode: string): { arrondissement: string; province: string } {
    const m = this.byNis.get(nisCode);
    // Outside Flanders (Brussels) a municipality is its own arrondissement and province.
    return {
      arrondissement: m ? `a:${m.arrondissementNis}` : `a:${nisCode}`,
      province: m ? `p:${m.province}` : `p:${nisCode}`,
    };
  }
}

/** Items grouped by kind and place, to pick one near a municipality in constant time. */
class Buckets<Item> {
  private readonly lists = new Map<string, Item[]>();

  constructor(private readonly places: PlaceIndex) {}

  add(kind: string, nisCode: string, item: Item): void {
    const { arrondissement, province } = this.places.keys(nisCode);
    for (const key of [`${kind}|${arrondissement}`, `${kind}|${province}`, `${kind}|*`]) {
      const list = this.lists.get(key);
      if (list) list.push(item);
      else this.lists.set(key, [item]);
    }
  }

  pick(
    faker: Faker,
    kind: string,
    nisCode: string,
    reach: 'arrondissement' | 'province' | 'anywhere',
  ): Item | null {
    const keys = this.places.keys(nisCode);
    const order =
      reach === 'arrondissement'
        ? [keys.arrondissement, keys.province, '*']
        : reach === 'province'
          ? [keys.province, '*']
          : ['*'];
    for (const place of order) {
      const list = this.lists.get(`${kind}|${place}`);
      if (list?.length) return faker.helpers.arrayElement(list);
    }
    return null;
  }
}

/**
 * Splits a total over `count` parts with random weights (or the given ones, jittered), rounded to
 * 0.1; the last part takes the rounding difference so the parts add up to the total exactly.
 */
function splitTotal(faker: Faker, total: number, count: number, like?: number[]): number[] {
  const weights = Array.from(
    { length: count },
    (_, i) => (like ? like[i] : 1) * faker.number.float({ min: 0.5, max: 1.5 }),
  );
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.slice(0, -1).map((w) => round1((total * w) / sum));
  parts.push(round1(total - parts.reduce((a, b) => a + b, 0)));
  return parts;
}

/** A fictitious KBO number with a valid mod-97 check: 0xxx.xxx.xxx. */
function enterpriseNumber(n: number): string {
  const base = 4_000_000 + n * 1_237;
  const digits = `0${base}${String(97 - (base % 97)).padStart(2, '0')}`;
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

/** A fictitious guide or coach: a plain first and last name, without faker's titles. */
const fullName = (faker: Faker) => `${faker.person.firstName()} ${faker.person.lastName()}`;
const round1 = (value: number) => Math.round(value * 10) / 10;
const round2 = (value: number) => Math.round(value * 100) / 100;
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
const at = (isoDay: string, hour: number) =>
  new Date(`${isoDay}T${String(hour).padStart(2, '0')}:00:00Z`);

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The demo job coach coaches the workers of their employer with an odd placement number (the demo citizen’s first), so
 * the persona sees some of its employer's workers and not the others (note 14). Drawn without
 * the faker, so the rest of the world is the same with or without it.
 */
const DEMO_JOB_COACH = personaNamed('job-coach-1');

function jobCoachOf(employerId: string, placementId: string): string | null {
  const coachesFor = orgRef(DEMO_JOB_COACH.org, 'employer');
  const number = Number(placementId.replace(/\D/g, ''));
  return employerId === coachesFor && number % 2 === 1 ? DEMO_JOB_COACH.sub : null;
}

/**
 * When a seeded row last changed: its last dated event (a vacancy's opening or closing, a
 * placement's start or end), as migration 0008 backfills rows that existed before the column.
 */
function seededChange(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
