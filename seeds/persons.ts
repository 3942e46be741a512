import { sql } from 'drizzle-orm';
import { relationsOf, seedDirectory, type RelationRow } from '../common/access/directory';
import { isoDate } from '../common/dates';
import type { EnumValue } from '../common/enums';
import {
  addedAction,
  answeredTransmission,
  dutyDecided,
  endedAction,
  handedOver,
  registrationFact,
  sentTransmission,
  startedTrajectory,
} from '../subgraphs/persons/workflow/activation';
import {
  grantedAssistance,
  imposedSanction,
  movedClient,
  assistanceFact,
} from '../subgraphs/persons/workflow/assistance';
import { consentFact, givenConsent, revokedConsent } from '../subgraphs/persons/workflow/consent';
import {
  consents,
  employmentOutcomes,
  handovers,
  persons,
  sanctions,
  socialAssistanceRecords,
  temporaryProtections,
  trajectories,
  trajectoryActions,
  transmissions,
  vdabRegistrations,
  type TrajectoryRow,
} from '../subgraphs/persons/tables';
import { ClientStatus, Instrument, OccupationCluster } from '../subgraphs/persons/types/enums';
import { addDays, SEED_TODAY, sequentialId, type SeedContext, type SeededPerson } from './context';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

const GENT = '44021';
const ANTWERPEN = '11002';
/** The big cities hold a disproportionate share of RMI clients (DOMAIN B.6). */
const OCMW_CITY_WEIGHT: Record<string, number> = { [ANTWERPEN]: 4, [GENT]: 3 };
const ACTIVITIES = [
  'groenonderhoud',
  'schoonmaak',
  'verpakking',
  'logistiek',
  'keuken',
  'textiel',
  'houtbewerking',
  'administratie',
  'kringloop',
  'fietsherstelling',
];

/**
 * Persons with their VDAB and OCMW status, trajectories, consents and outcomes. About 40% are
 * OCMW clients; P-000001 is the demo citizen (Gent, leefloon, VDAB category 05).
 */
type ClientState = EnumValue<typeof ClientStatus>;

/** The moves of the client lifecycle that lead to each state a seeded client is in. */
const CLIENT_STEPS = {
  SOCIAL_INVESTIGATION: ['SOCIAL_INVESTIGATION'],
  EXEMPT: ['SOCIAL_INVESTIGATION', 'EXEMPT'],
  REGISTRATION_REQUIRED: ['SOCIAL_INVESTIGATION', 'REGISTRATION_REQUIRED'],
  REGISTERED_VDAB: ['SOCIAL_INVESTIGATION', 'REGISTRATION_REQUIRED', 'REGISTERED_VDAB'],
  IN_TRAJECTORY: [
    'SOCIAL_INVESTIGATION',
    'REGISTRATION_REQUIRED',
    'REGISTERED_VDAB',
    'IN_TRAJECTORY',
  ],
  TWE_OCMW: [
    'SOCIAL_INVESTIGATION',
    'REGISTRATION_REQUIRED',
    'REGISTERED_VDAB',
    'IN_TRAJECTORY',
    'TWE_OCMW',
  ],
} satisfies Partial<Record<ClientState, ClientState[]>>;

export async function seedPersons(ctx: SeedContext): Promise<void> {
  const { faker, sizes, world } = ctx;
  const municipalities = world.municipalities;
  const residenceWeights = municipalities.map((m) => ({ value: m.nisCode, weight: m.population }));
  const ocmwWeights = municipalities.map((m) => ({
    value: m.nisCode,
    weight: m.population * (OCMW_CITY_WEIGHT[m.nisCode] ?? 1),
  }));

  const rows = {
    persons: [] as Insert<typeof persons>[],
    registrations: [] as Insert<typeof vdabRegistrations>[],
    assistance: [] as Insert<typeof socialAssistanceRecords>[],
    sanctions: [] as Insert<typeof sanctions>[],
    protections: [] as Insert<typeof temporaryProtections>[],
    trajectories: [] as TrajectoryRow[],
    actions: [] as Insert<typeof trajectoryActions>[],
    transmissions: [] as Insert<typeof transmissions>[],
    handovers: [] as Insert<typeof handovers>[],
    consents: [] as Insert<typeof consents>[],
    outcomes: [] as Insert<typeof employmentOutcomes>[],
    relations: [] as RelationRow[],
  };
  const serialsByBirthDate = new Map<string, number>();
  const counters = {
    assistance: 0,
    trajectory: 0,
    action: 0,
    transmission: 0,
    handover: 0,
    consent: 0,
    sanction: 0,
  };

  for (let n = 1; n <= sizes.persons; n += 1) {
    const demoCitizen = n === 1;
    const id = sequentialId('P', n);
    const ocmwClient = demoCitizen || faker.number.float() < 0.4;
    const residenceNisCode = demoCitizen
      ? GENT
      : faker.helpers.weightedArrayElement(ocmwClient ? ocmwWeights : residenceWeights);
    const ukrainian = !demoCitizen && faker.number.float() < 0.05;
    const birthDate = faker.date
      .between({ from: '1961-01-01', to: '2006-12-31' })
      .toISOString()
      .slice(0, 10);
    const gender = ukrainian
      ? faker.helpers.weightedArrayElement([
          { value: 'F' as const, weight: 77 },
          { value: 'M' as const, weight: 23 },
        ])
      : faker.helpers.arrayElement(['F', 'M'] as const);
    const monthsWithoutJob = faker.number.int({ min: 0, max: 96 });
    rows.persons.push({
      id,
      insz: inszFor(birthDate, nextSerial(serialsByBirthDate, birthDate)),
      firstName: faker.person.firstName(gender === 'F' ? 'female' : 'male'),
      lastName: faker.person.lastName(),
      birthDate,
      gender,
      educationLevel: faker.helpers.weightedArrayElement([
        { value: 'KORT' as const, weight: ukrainian ? 16 : 55 },
        { value: 'MIDDEN' as const, weight: ukrainian ? 26 : 33 },
        { value: 'HOOG' as const, weight: ukrainian ? 58 : 12 },
      ]),
      dutchLevel: ukrainian
        ? faker.helpers.arrayElement(['NONE', 'A1', 'A2'] as const)
        : faker.helpers.arrayElement(['B1', 'B2', 'C1', 'C2'] as const),
      englishLevel: faker.helpers.arrayElement(['NONE', 'A1', 'A2', 'B1', 'B2'] as const),
      residenceNisCode,
      activityPreferences: faker.helpers.arrayElements(ACTIVITIES, { min: 1, max: 3 }),
      mobility: faker.helpers.arrayElement([
        'CAR',
        'PUBLIC_TRANSPORT',
        'BICYCLE_OR_WALKING',
        'LIMITED',
      ] as const),
      occupationCluster: faker.helpers.arrayElement(OccupationCluster.values),
      labourMarketStatus: faker.helpers.weightedArrayElement([
        { value: 'NWWZ' as const, weight: 35 },
        { value: 'WZW_MULTIPROBLEMATIEK' as const, weight: 25 },
        { value: 'NBA_MET_UITKERING' as const, weight: 12 },
        { value: 'NBA_ZONDER_UITKERING' as const, weight: 13 },
        { value: 'WERKEND' as const, weight: 12 },
        { value: 'INTERIM' as const, weight: 3 },
      ]),
      monthsWithoutRegularPaidJob: monthsWithoutJob,
      neet: faker.number.float() < 0.06,
      inburgeraar: ukrainian || faker.number.float() < 0.08,
      detentionHistory: faker.number.float() < 0.03,
    });

    // Reach at VDAB is 30–70% of OCMW clients (DOMAIN B.5/B.6); of the others most are registered.
    const registeredAtVdab = demoCitizen || faker.number.float() < (ocmwClient ? 0.55 : 0.8);
    const since = addDays(SEED_TODAY, -faker.number.int({ min: 30, max: 1500 }));
    if (registeredAtVdab) {
      rows.registrations.push({
        id: sequentialId('VR', n),
        personId: id,
        registered: true,
        category:
          ocmwClient && (demoCitizen || faker.number.float() < 0.8)
            ? 'CAT_05_OCMW'
            : faker.helpers.arrayElement([
                'VRIJE_WERKZOEKENDE',
                'BEROEPSINSCHAKELINGSTIJD',
                'OTHER',
              ] as const),
        since,
        mediator: `vdab-mediator-${faker.number.int({ min: 1, max: 40 })}`,
        partnerOrg: faker.number.float() < 0.15 ? 'gtb' : null,
        onSamenwerkingslijn: ocmwClient && faker.number.float() < 0.2,
      });
      const registration = rows.registrations.at(-1)!;
      rows.relations.push(
        ...relationsOf(
          registrationFact({ ...registration, partnerOrg: registration.partnerOrg ?? null }),
        ),
      );
    }

    const ocmwNisCode = ocmwClient ? residenceNisCode : null;
    if (ocmwNisCode) {
      counters.assistance += 1;
      const recordId = sequentialId('SA', counters.assistance);
      const grantedAt = addDays(SEED_TODAY, -faker.number.int({ min: 60, max: 1800 }));
      const exempt = !registeredAtVdab && faker.number.float() < 0.3;
      const type = ukrainian
        ? 'EQUIVALENT_LEEFLOON'
        : demoCitizen
          ? 'LEEFLOON'
          : faker.helpers.weightedArrayElement([
              { value: 'LEEFLOON' as const, weight: 85 },
              { value: 'RMI_TEWERKSTELLING' as const, weight: 8 },
              { value: 'MAATSCHAPPELIJKE_HULP' as const, weight: 7 },
            ]);
      const gpmi = demoCitizen || faker.number.float() < 0.6;
      const clientStatus: ClientState = exempt
        ? 'EXEMPT'
        : registeredAtVdab
          ? faker.helpers.arrayElement([
              'REGISTERED_VDAB',
              'IN_TRAJECTORY',
              'IN_TRAJECTORY',
              'TWE_OCMW',
            ] as const)
          : faker.helpers.arrayElement(['SOCIAL_INVESTIGATION', 'REGISTRATION_REQUIRED'] as const);
      const spiExemption =
        faker.number.float() < 0.06
          ? faker.helpers.arrayElement(['STUDIETRAJECT', 'STARTPERIODE_TEWERKSTELLING'] as const)
          : null;
      const investigated = addDays(SEED_TODAY, -faker.number.int({ min: 10, max: 360 }));
      const exemptionReason = exempt
        ? faker.helpers.arrayElement(['BILLIJKHEID', 'GEZONDHEID', 'NIET_ARBEIDSRIJP'] as const)
        : null;
      const exemptionReviewDue = exempt
        ? addDays(SEED_TODAY, faker.number.int({ min: 10, max: 360 }))
        : null;
      const workReadiness = exempt
        ? 'NIET_ARBEIDSRIJP'
        : faker.helpers.arrayElement(['ARBEIDSRIJP', 'ARBEIDSRIJP', 'IN_ONDERZOEK'] as const);
      // Granted, investigated, the duty decided, then along the client lifecycle as the
      // mutations move it; the last investigation is the latest yearly one.
      const granted = grantedAssistance({
        id: recordId,
        personId: id,
        ocmwNisCode,
        type,
        gpmi,
        grantedAt,
      });
      const decided = dutyDecided(granted, {
        registrationDuty: exempt ? 'VRIJGESTELD' : 'VERPLICHT',
        exemptionReason,
        exemptionReviewDue,
      });
      const investigatedOn = investigated > grantedAt ? investigated : grantedAt;
      const record = CLIENT_STEPS[clientStatus].reduce(
        (current, status) => movedClient(current, status, investigatedOn),
        decided,
      );
      record.workReadiness = workReadiness;
      if (spiExemption) {
        record.spiExemption = spiExemption;
        record.spiExemptionFrom = addDays(grantedAt, 30);
        record.spiExemptionUntil = addDays(
          grantedAt,
          30 + faker.number.int({ min: 180, max: 1095 }),
        );
      }
      rows.assistance.push(record);
      rows.relations.push(...relationsOf(assistanceFact(record)));
      if (demoCitizen || registeredAtVdab) {
        counters.consent += 1;
        rows.consents.push(
          givenConsent(
            {
              id: sequentialId('C', counters.consent),
              personId: id,
              type: 'OCMW_INSCHRIJVINGSMANDAAT',
              grantedTo: `ocmw:${ocmwNisCode}`,
              scope: 'VDAB registration',
            },
            new Date(`${since}T09:00:00Z`),
          ),
        );
      }

      if (registeredAtVdab && faker.number.float() < 0.7) {
        counters.trajectory += 1;
        const trajectoryId = sequentialId('T', counters.trajectory);
        const startedAt = addDays(since, faker.number.int({ min: 0, max: 60 }));
        const regie = faker.helpers.arrayElement(['OCMW', 'VDAB'] as const);
        rows.trajectories.push(
          startedTrajectory({ id: trajectoryId, personId: id, regie, startedAt }),
        );
        for (let a = 0; a < faker.number.int({ min: 1, max: 4 }); a += 1) {
          counters.action += 1;
          const startDate = addDays(startedAt, faker.number.int({ min: 0, max: 300 }));
          const outcome = faker.helpers.arrayElement([
            'ONGOING',
            'COMPLETED',
            'COMPLETED',
            'STOPPED_EARLY',
          ] as const);
          const added = addedAction({
            id: sequentialId('TA', counters.action, 7),
            trajectoryId,
            instrument: faker.helpers.arrayElement(Instrument.values),
            provider: faker.helpers.arrayElement([
              'VDAB',
              'OCMW',
              'GTB',
              'Groep Intro',
              'Compaan',
              'WeerWerk',
            ]),
            startDate,
          });
          rows.actions.push(
            outcome === 'ONGOING'
              ? added
              : endedAction(added, {
                  outcome,
                  endDate: addDays(startDate, faker.number.int({ min: 14, max: 180 })),
                }),
          );
        }
        if (faker.number.float() < 0.15) {
          counters.transmission += 1;
          const answered = faker.number.float() < 0.7;
          const sentAt = addDays(startedAt, faker.number.int({ min: 30, max: 200 }));
          const sent = sentTransmission({
            id: sequentialId('TR', counters.transmission),
            trajectoryId,
            kind: faker.helpers.arrayElement([
              'NIET_NAKOMEN_AFSPRAKEN',
              'WERKONWILLIGHEID',
            ] as const),
            sentAt,
            description: 'Afspraken in het traject niet nagekomen.',
          });
          rows.transmissions.push(
            answered
              ? answeredTransmission(
                  sent,
                  'Gesprek gehad met cliënt; traject wordt bijgestuurd.',
                  addDays(sentAt, faker.number.int({ min: 3, max: 30 })),
                )
              : sent,
          );
          if (answered && faker.number.float() < 0.3) {
            counters.sanction += 1;
            const sanction = imposedSanction(record, {
              id: sequentialId('S', counters.sanction),
              kind: 'SCHORSING_LEEFLOON',
              imposedAt: addDays(sentAt, 30),
              until: addDays(sentAt, 60),
              motivation: 'Werkonwilligheid vastgesteld na transmissie en gesprek met de cliënt.',
            });
            rows.sanctions.push(sanction);
            rows.transmissions.at(-1)!.sanctionId = sanction.id;
          }
        }
        if (faker.number.float() < 0.25) {
          // The trajectory started with the other side, which handed the regie over warmly.
          counters.handover += 1;
          const index = rows.trajectories.findIndex((t) => t.id === trajectoryId);
          const moved = handedOver(
            { ...rows.trajectories[index], regie: regie === 'OCMW' ? 'VDAB' : 'OCMW' },
            {
              id: sequentialId('H', counters.handover),
              toRegie: regie,
              note: 'Warme overdracht met gezamenlijk gesprek.',
            },
            addDays(startedAt, faker.number.int({ min: 0, max: 30 })),
          );
          rows.handovers.push(moved.handover);
          rows.trajectories[index] = moved.trajectory;
        }
      }
    }

    if (ukrainian) {
      const dvzRegisteredAt = faker.date
        .between({ from: '2022-03-01', to: '2024-12-31' })
        .toISOString()
        .slice(0, 10);
      rows.protections.push({
        id: sequentialId('TP', n),
        personId: id,
        dvzRegisteredAt,
        validUntil: addDays(dvzRegisteredAt, 365 + 183 + 183),
        equivalentLeefloon: ocmwClient,
      });
    }

    if (demoCitizen || faker.number.float() < 0.5) {
      counters.consent += 1;
      rows.consents.push(
        givenConsent(
          {
            id: sequentialId('C', counters.consent),
            personId: id,
            type: 'ATTEST_DATAKOPPELING',
            grantedTo: 'vdab',
            scope: 'Attestations MB 20/02/2018',
          },
          new Date(`${addDays(since, 5)}T10:00:00Z`),
        ),
      );
    }
    // The candidate's opt-in (note 11): name and profile to every employer, or (one in three,
    // by number, so the random draws stay as they were) to one employer.
    if (faker.number.float() < 0.3) {
      counters.consent += 1;
      const revoked = faker.number.float() < 0.1;
      const toOne = counters.consent % 3 === 0;
      const given = givenConsent(
        {
          id: sequentialId('C', counters.consent),
          personId: id,
          type: 'PROFILE_VISIBLE_TO_EMPLOYERS',
          grantedTo: toOne
            ? `employer:${sequentialId('E', 1 + (n % sizes.employers))}`
            : 'employers',
          scope: toOne
            ? 'My name and profile, for this employer'
            : 'My name and profile, for employers with a vacancy for me',
        },
        new Date(`${addDays(since, 10)}T10:00:00Z`),
      );
      rows.consents.push(
        revoked ? revokedConsent(given, new Date(`${addDays(since, 200)}T10:00:00Z`)) : given,
      );
    }

    // Outflow to work one year later: 25–50% of VDAB-identified OCMW clients (DOMAIN B.5).
    const referenceDate = '2024-12-31';
    const employed = faker.number.float() < (ocmwClient ? 0.38 : 0.5);
    rows.outcomes.push({
      id: sequentialId('EO', n),
      personId: id,
      referenceDate,
      employed,
      employmentType: employed
        ? faker.helpers.arrayElement(['REGULAR', 'SOCIAL_ECONOMY', 'TWE_OCMW', 'INTERIM'] as const)
        : 'NONE',
    });

    world.persons.push({
      id,
      residenceNisCode,
      birthDate,
      ocmwNisCode,
      registeredAtVdab,
      ukrainian,
    } satisfies SeededPerson);
  }

  for (const consent of rows.consents) {
    rows.relations.push(
      ...relationsOf(
        consentFact(consent, {
          grantedOn: isoDate(consent.grantedAt),
          revokedOn: consent.revokedAt ? isoDate(consent.revokedAt) : null,
        }),
      ),
    );
  }

  await ctx.insert(persons, rows.persons);
  await ctx.insert(vdabRegistrations, rows.registrations);
  await ctx.insert(socialAssistanceRecords, rows.assistance);
  await ctx.insert(sanctions, rows.sanctions);
  await ctx.insert(temporaryProtections, rows.protections);
  await ctx.insert(trajectories, rows.trajectories);
  await ctx.insert(trajectoryActions, rows.actions);
  await ctx.insert(transmissions, rows.transmissions);
  await ctx.insert(handovers, rows.handovers);
  await ctx.insert(consents, rows.consents);
  await ctx.db.execute(
    sql`select setval('persons.consent_numbers', ${counters.consent + 1}, false)`,
  );
  await ctx.db.execute(
    sql`select setval('persons.registration_numbers', ${rows.persons.length + 1}, false)`,
  );
  await ctx.db.execute(
    sql`select setval('persons.handover_numbers', ${counters.handover + 1}, false)`,
  );
  await ctx.db.execute(
    sql`select setval('persons.transmission_numbers', ${counters.transmission + 1}, false)`,
  );
  await ctx.db.execute(sql`select setval('persons.action_numbers', ${counters.action + 1}, false)`);
  await ctx.db.execute(
    sql`select setval('persons.assistance_numbers', ${counters.assistance + 1}, false)`,
  );
  await ctx.db.execute(
    sql`select setval('persons.sanction_numbers', ${counters.sanction + 1}, false)`,
  );
  await ctx.db.execute(
    sql`select setval('persons.trajectory_numbers', ${counters.trajectory + 1}, false)`,
  );
  await ctx.insert(employmentOutcomes, rows.outcomes);
  await seedDirectory(ctx.insert, { relations: rows.relations });
}

function nextSerial(serials: Map<string, number>, birthDate: string): number {
  const serial = (serials.get(birthDate) ?? 0) + 1;
  serials.set(birthDate, serial);
  return serial;
}

/** A fictitious national number with a valid mod-97 check: birth date, day serial, check digits. */
function inszFor(birthDate: string, serial: number): string {
  const base = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${String(serial).padStart(3, '0')}`;
  const numeric = Number(birthDate.slice(0, 4) >= '2000' ? `2${base}` : base);
  const check = 97 - (numeric % 97);
  return `${base}${String(check).padStart(2, '0')}`;
}
