import { sql } from 'drizzle-orm';
import type { Faker } from '@faker-js/faker';

import type { EnumValue } from '../common/enums';
import {
  draftedAgreement,
  movedAction,
  movedAgreement,
  plannedAction,
  plannedYear,
} from '../subgraphs/agreements/workflow/agreement';
import {
  invitedParticipation,
  movedParticipation,
  PACT_YEARS,
  sharedDrawingRights,
  type PactMove,
} from '../subgraphs/agreements/workflow/pact';
import {
  actionPlans,
  activationPactParticipations,
  agreementActions,
  agreementParties,
  collaborationAgreements,
  intermunicipalPartnerships,
  municipalities as municipalitiesTable,
  partnershipMembers,
  provinces as provincesTable,
  referenceRegions,
  regiegebieden,
  type ActivationPactParticipationRow as Participation,
  type AgreementContactValue,
  type CollaborationAgreementRow,
} from '../subgraphs/agreements/tables';
import type {
  ActionStatus,
  AgreementStatus,
  AgreementTargetGroup,
  AgreementType,
  PartnershipKind,
  PartyKind,
} from '../subgraphs/agreements/types/enums';
import { addDays, SEED_TODAY, sequentialId, type SeedContext } from './context';
import {
  CENTRUMSTEDEN,
  GROOTSTEDEN,
  MUNICIPALITIES,
  PROVINCES,
  REFERENCE_REGIONS,
  type MunicipalitySeed,
} from '../common/geography';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
type TargetGroup = EnumValue<typeof AgreementTargetGroup>;

const GENT = '44021';
const ANTWERPEN = '11002';
/** Neighbours of Gent sharing its SO adviesbevoegdheid (CA-000002). */
const GENT_NEIGHBOURS = ['44012', '44013', '44040', '44043'];

/** Flemish totals, POD MI September 2022 (DOMAIN B.6). */
const FLEMISH_RMI = 40_756;
const FLEMISH_UKR = 17_057;
const FLEMISH_LEEFLOON = 37_362;
/** The big cities hold a disproportionate share of RMI clients (DOMAIN B.6). */
const RMI_CITY_WEIGHT: Record<string, number> = { [ANTWERPEN]: 5, [GENT]: 5 };
const RMI_CENTRUMSTAD_WEIGHT = 2;

const SO_COVERAGE = 0.76;
/** 93 of the 300 local governments have an accredited ICF consultant (000 BA4). */
const ADVIESBEVOEGDHEID_SHARE = 93 / 300;
const LEGISLATURE_YEARS = 6;
const FIRST_LEGISLATURE = 2019;

const ACTION_TEMPLATES: { title: string; targetGroup: TargetGroup | null; indicator: string }[] = [
  {
    title: 'Warme overdracht OCMW–VDAB structureel inplannen',
    targetGroup: 'LEEFLOON_EQ',
    indicator: 'Elke overdracht gebeurt in een driegesprek met de cliënt.',
  },
  {
    title: 'Leefloongerechtigden gezamenlijk screenen voor inschrijving (categorie 05)',
    targetGroup: 'LEEFLOON_EQ',
    indicator: 'Vrijstellingen worden minstens jaarlijks herbekeken.',
  },
  {
    title: 'Feedback op transmissies binnen de afgesproken termijn',
    targetGroup: 'LEEFLOON_EQ',
    indicator: 'Geen transmissie blijft zonder terugkoppeling.',
  },
  {
    title: 'Outreach naar niet-beroepsactieven via wijkwerking en buurtcentra',
    targetGroup: 'NBAZU',
    indicator: 'Nieuwe vindplaatsen worden samen met partners in kaart gebracht.',
  },
  {
    title: 'Vaste aanspreekpunten op de samenwerkingslijn',
    targetGroup: 'WZW_MULTI',
    indicator: 'Partners kennen hun aanspreekpunt en bereiken het binnen de termijn.',
  },
  {
    title: 'Beroepsverkennende stages bij lokale werkgevers',
    targetGroup: 'WZW_MULTI',
    indicator: 'Deelnemers geven aan dat de stage hun jobdoelwit verduidelijkte.',
  },
  {
    title: 'NT2 op de werkvloer voor Oekraïense ontheemden',
    targetGroup: 'LEEFLOON_EQ',
    indicator: 'Taalcoaching sluit aan bij de job of stage.',
  },
  {
    title: 'TWE-OCMW-trajecten met begeleide doorstroom naar werk',
    targetGroup: 'LEEFLOON_EQ',
    indicator: 'Elke TWE-deelnemer heeft drie maanden voor het einde een doorstroomplan.',
  },
  {
    title: 'Kwartaaldashboard lokale besturen bespreken in het overlegforum',
    targetGroup: null,
    indicator: 'Het dashboard staat elk kwartaal op de agenda.',
  },
  {
    title: 'Jobbeurs met lokale werkgevers en maatwerkbedrijven',
    targetGroup: 'WZW_MULTI',
    indicator: 'Werkgevers en werkzoekenden beoordelen de matching als zinvol.',
  },
  {
    title: 'Terug-naar-werk-trajecten met de ziekenfondsen afstemmen',
    targetGroup: 'NBA_MET_UITKERING',
    indicator: 'Doorverwijzingen lopen via één afgesproken kanaal.',
  },
  {
    title: 'ICF-indiceringsconsulenten laten deelnemen aan de verdiepingsmodule',
    targetGroup: null,
    indicator: 'Adviezen worden binnen drie maanden na aanvraag afgerond.',
  },
  {
    title: 'Goede praktijk delen in het lerend netwerk',
    targetGroup: null,
    indicator: 'Minstens één goede praktijk per semester gedeeld.',
  },
];

const CONTACT_ROLE: Partial<Record<EnumValue<typeof AgreementType>, string>> = {
  SO_VDAB_LOKAAL_BESTUUR: 'Regisseur SE en werk',
  SO_ADVIESBEVOEGDHEID_INDICERING: 'ICF-indiceringsconsulent',
  LOKAAL_PARTNERSCHAP: 'Coördinator lokaal partnerschap',
};

interface Party {
  kind: EnumValue<typeof PartyKind>;
  ref: string;
  name: string;
}

interface AgreementSeed {
  type: EnumValue<typeof AgreementType>;
  title: string;
  periodStart: string;
  periodEnd: string | null;
  status: EnumValue<typeof AgreementStatus>;
  signedAt: string | null;
  targetGroups: TargetGroup[];
  parties: Party[];
  /** The local parties' display name, for texts and action owners. */
  localName: string;
  rubrics?: 'full' | 'draft' | 'none';
  contacts?: AgreementContactValue[];
  samenwerkingslijn?: boolean;
  responseDeadlineDays?: number | null;
  overlegforum?: string | null;
}

const VDAB: Party = { kind: 'VDAB', ref: 'vdab', name: 'VDAB' };
const VVSG: Party = { kind: 'VVSG', ref: 'vvsg', name: 'VVSG' };

interface Geography {
  municipalities: MunicipalitySeed[];
  byNis: Map<string, MunicipalitySeed>;
  centrumsteden: Set<string>;
  grootsteden: Set<string>;
  regions: Insert<typeof referenceRegions>[];
  regionOf: Map<string, string>;
  regiegebieden: Insert<typeof regiegebieden>[];
  regiegebiedOf: Map<string, string>;
  partnerships: Insert<typeof intermunicipalPartnerships>[];
  members: Insert<typeof partnershipMembers>[];
}

/**
 * Geography (provinces, reference regions, regiegebieden, intermunicipal partnerships and all 300
 * municipalities of 2024), collaboration agreements with action plans, and the activation pact
 * of 2023 and 2024 settled by `pact-settlement.ts`. Runs first: every later step places its
 * people and employers in `ctx.world.municipalities`.
 *
 * Fixed for the demo: CA-000001 SO Gent, CA-000002 SO adviesbevoegdheid Gent and neighbours,
 * CA-000003 the protocol VDAB–maatwerksector, CA-000004 SO Antwerpen, all active.
 */
export async function seedAgreements(ctx: SeedContext): Promise<void> {
  const data = [...MUNICIPALITIES];
  for (const nisCode of [GENT, ANTWERPEN]) {
    if (!data.some((m) => m.nisCode === nisCode))
      throw new Error(`common/geography/municipalities.ts lacks ${nisCode}, a demo municipality`);
  }
  const geography = buildGeography(ctx.faker, data);
  const agreements = buildAgreements(ctx.faker, geography);
  const pact = buildPact(ctx.faker, geography, agreements.soCovered);

  await ctx.insert(
    provincesTable,
    PROVINCES.map(({ code, nisCode, name }) => ({ code, nisCode, name })),
  );
  await ctx.insert(referenceRegions, geography.regions);
  await ctx.insert(regiegebieden, geography.regiegebieden);
  await ctx.insert(
    municipalitiesTable,
    data.map((m) => ({
      nisCode: m.nisCode,
      name: m.name,
      provinceCode: m.province,
      arrondissementNis: m.arrondissementNis,
      population: m.population,
      centrumstad: geography.centrumsteden.has(m.nisCode),
      grootstad: geography.grootsteden.has(m.nisCode),
      referenceRegionId: geography.regionOf.get(m.nisCode)!,
      regiegebiedId: geography.regiegebiedOf.get(m.nisCode) ?? null,
    })),
  );
  await ctx.insert(intermunicipalPartnerships, geography.partnerships);
  await ctx.insert(partnershipMembers, geography.members);
  await ctx.insert(collaborationAgreements, agreements.agreements);
  await ctx.insert(agreementParties, agreements.parties);
  await ctx.insert(actionPlans, agreements.plans);
  await ctx.insert(agreementActions, agreements.actions);
  await ctx.insert(activationPactParticipations, pact);
  // Agreements, plans, actions and participations made through the API number on after these.
  for (const [sequence, seeded] of [
    ['agreement_numbers', agreements.agreements.length],
    ['action_plan_numbers', agreements.plans.length],
    ['agreement_action_numbers', agreements.actions.length],
    ['pact_participation_numbers', pact.length],
  ] as const) {
    await ctx.db.execute(sql`select setval(${`agreements.${sequence}`}, ${seeded + 1}, false)`);
  }
  ctx.world.municipalities = data;
}

function buildGeography(faker: Faker, data: MunicipalitySeed[]): Geography {
  const geography: Geography = {
    municipalities: data,
    byNis: new Map(data.map((m) => [m.nisCode, m])),
    centrumsteden: new Set<string>(CENTRUMSTEDEN),
    grootsteden: new Set<string>(GROOTSTEDEN),
    regions: [],
    regionOf: new Map(),
    regiegebieden: [],
    regiegebiedOf: new Map(),
    partnerships: [],
    members: [],
  };

  // Reference regions: the outer matryoshka dolls for the regiegebieden and partnerships.
  const membersOfRegion = new Map<string, MunicipalitySeed[]>();
  for (const region of REFERENCE_REGIONS) {
    geography.regions.push({ id: region.id, name: region.name });
    const members = data.filter((m) => region.municipalityNisCodes.includes(m.nisCode));
    membersOfRegion.set(region.id, members);
    for (const member of members) geography.regionOf.set(member.nisCode, region.id);
  }

  // Regiegebieden: clusters of about 8 municipalities; not every municipality has a regisseur.
  for (const members of membersOfRegion.values()) {
    for (const cluster of chunkEvenly(members, 8)) {
      const anchor = largest(cluster);
      const demo = anchor.nisCode === GENT || anchor.nisCode === ANTWERPEN;
      if (!demo && faker.number.float() < 0.15) continue;
      const id = sequentialId('RG', geography.regiegebieden.length + 1);
      geography.regiegebieden.push({
        id,
        name: `Regiegebied SE en werk ${anchor.name} en omgeving`,
      });
      for (const member of cluster) geography.regiegebiedOf.set(member.nisCode, id);
    }
  }

  // About 50 partnerships: intermunicipal bodies for SE and werk, and ESF local partnerships.
  const addPartnership = (
    kind: EnumValue<typeof PartnershipKind>,
    name: string,
    referenceRegionId: string,
    members: MunicipalitySeed[],
  ) => {
    const id = sequentialId('IP', geography.partnerships.length + 1);
    geography.partnerships.push({ id, name, kind, referenceRegionId });
    for (const member of members)
      geography.members.push({ partnershipId: id, municipalityNisCode: member.nisCode });
  };
  for (const [regionId, members] of membersOfRegion) {
    for (const cluster of chunkEvenly(members, 15)) {
      const name = `Intergemeentelijke samenwerking SE en werk regio ${largest(cluster).name}`;
      addPartnership('SE_EN_WERK', name, regionId, cluster);
    }
    // Rotated by a few places, so local partnerships cut across the SE bodies.
    const offset = Math.floor(Math.min(5, members.length) / 2);
    const rotated = [...members.slice(offset), ...members.slice(0, offset)];
    for (const cluster of chunkEvenly(rotated, 10)) {
      addPartnership(
        'LOKAAL_PARTNERSCHAP',
        `Lokaal partnerschap ${largest(cluster).name}`,
        regionId,
        cluster,
      );
    }
  }
  return geography;
}

/**
 * The agreements, in id order: the four demo records, the Flemish framework agreements, SOs with
 * their predecessors and drafts, SOs adviesbevoegdheid indicering and the local partnerships.
 */
function buildAgreements(faker: Faker, geography: Geography) {
  const today = SEED_TODAY;
  const currentYear = Number(today.slice(0, 4));
  const firstYear =
    FIRST_LEGISLATURE +
    LEGISLATURE_YEARS * Math.floor((currentYear - FIRST_LEGISLATURE) / LEGISLATURE_YEARS);
  const legislature = {
    start: `${firstYear}-01-01`,
    end: `${firstYear + LEGISLATURE_YEARS - 1}-12-31`,
  };
  const previousLegislature = {
    start: `${firstYear - LEGISLATURE_YEARS}-01-01`,
    end: `${firstYear - 1}-12-31`,
  };
  const between = (from: string, to: string) => {
    const day = addDays(from, faker.number.int({ min: 0, max: daysBetween(from, to) }));
    return day < today ? day : today;
  };

  const { byNis, municipalities: data } = geography;
  const membersOf = new Map<string, string[]>();
  for (const { partnershipId, municipalityNisCode } of geography.members)
    membersOf.set(partnershipId, [...(membersOf.get(partnershipId) ?? []), municipalityNisCode]);
  for (const [nisCode, regiegebiedId] of geography.regiegebiedOf)
    membersOf.set(regiegebiedId, [...(membersOf.get(regiegebiedId) ?? []), nisCode]);
  const coveredBy = (parties: Party[]) =>
    parties.flatMap((party) => {
      if (party.kind === 'MUNICIPALITY') return [party.ref];
      if (party.kind === 'INTERMUNICIPAL_PARTNERSHIP' || party.kind === 'REGIEGEBIED')
        return membersOf.get(party.ref) ?? [];
      return [];
    });
  const localName = (nisCode: string) => `Lokaal bestuur ${byNis.get(nisCode)!.name}`;
  const municipalityParty = (nisCode: string): Party => ({
    kind: 'MUNICIPALITY',
    ref: nisCode,
    name: localName(nisCode),
  });
  const partnershipParty = (id: string): Party => ({
    kind: 'INTERMUNICIPAL_PARTNERSHIP',
    ref: id,
    name: geography.partnerships.find((p) => p.id === id)!.name,
  });
  const partnershipsOf = (kind: EnumValue<typeof PartnershipKind>) =>
    geography.partnerships.filter((p) => p.kind === kind).map((p) => p.id);

  const built = {
    agreements: [] as Insert<typeof collaborationAgreements>[],
    parties: [] as Insert<typeof agreementParties>[],
    plans: [] as Insert<typeof actionPlans>[],
    actions: [] as Insert<typeof agreementActions>[],
    /** Municipalities covered by an active SO VDAB–local government. */
    soCovered: new Set<string>(),
  };

  const person = (organisation: string) => {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    return {
      name: `${firstName} ${lastName}`,
      email: `${slug(firstName)}.${slug(lastName)}@${slug(organisation)}.example`,
    };
  };
  const contactsFor = (seed: AgreementSeed): AgreementContactValue[] => [
    { ...person('VDAB'), role: 'Netwerkmanager lokale besturen VDAB' },
    {
      ...person(seed.localName),
      role: CONTACT_ROLE[seed.type] ?? `Contactpersoon ${seed.localName}`,
    },
  ];

  const actionStatus = (deadline: string) =>
    faker.helpers.weightedArrayElement(
      deadline < today
        ? [
            { value: 'DONE' as const, weight: 70 },
            { value: 'DELAYED' as const, weight: 15 },
            { value: 'IN_PROGRESS' as const, weight: 10 },
            { value: 'CANCELLED' as const, weight: 5 },
          ]
        : [
            { value: 'PLANNED' as const, weight: 50 },
            { value: 'IN_PROGRESS' as const, weight: 45 },
            { value: 'DONE' as const, weight: 5 },
          ],
    );

  // One action plan per year of the agreement, for last year and this year.
  const addPlans = (agreement: CollaborationAgreementRow, seed: AgreementSeed) => {
    for (const year of [currentYear - 1, currentYear]) {
      const yearStart = `${year}-01-01`;
      const yearEnd = `${year}-12-31`;
      if (seed.periodStart > yearEnd || (seed.periodEnd && seed.periodEnd < yearStart)) continue;
      const plan = plannedYear(agreement, {
        id: sequentialId('AP', built.plans.length + 1),
        year,
        published: faker.number.float() < (year < currentYear ? 0.4 : 0.6),
      });
      built.plans.push(plan);
      const owners = ['VDAB', seed.localName, 'Regisseur SE en werk', 'OCMW-dienst activering'];
      for (const template of faker.helpers.arrayElements(ACTION_TEMPLATES, { min: 3, max: 6 })) {
        const deadline = addDays(
          yearStart,
          faker.number.int({ min: 0, max: daysBetween(yearStart, yearEnd) }),
        );
        const planned = plannedAction(plan, {
          id: sequentialId('AA', built.actions.length + 1),
          title: template.title,
          targetGroup: template.targetGroup,
          owner: faker.helpers.arrayElement(owners),
          deadline,
          qualitativeIndicator: null,
        });
        const status = actionStatus(deadline);
        planned.qualitativeIndicator = faker.number.float() < 0.8 ? template.indicator : null;
        built.actions.push(ACTION_STEPS[status].reduce(movedAction, planned));
      }
    }
  };

  const add = (seed: AgreementSeed): void => {
    const id = sequentialId('CA', built.agreements.length + 1);
    const drafted = draftedAgreement({
      id,
      type: seed.type,
      title: seed.title,
      periodStart: seed.periodStart,
      periodEnd: seed.periodEnd,
      targetGroups: seed.targetGroups,
      ...rubricsFor(seed, seed.rubrics ?? 'full'),
      contacts: contactsFor(seed),
      samenwerkingslijn: seed.samenwerkingslijn ?? false,
      responseDeadlineDays: seed.responseDeadlineDays ?? null,
      overlegforum: seed.overlegforum ?? null,
    });
    // Signed, then running (with its yearly plans), then evaluated and renewed or expired.
    const steps = AGREEMENT_STEPS[seed.status];
    const running = steps
      .filter((step) => step === 'SIGNED' || step === 'ACTIVE')
      .reduce((agreement, step) => movedAgreement(agreement, step, seed.signedAt!), drafted);
    if (running.status !== 'DRAFT' && hasYearlyPlans(seed.type)) addPlans(running, seed);
    const agreement = steps
      .filter((step) => step !== 'SIGNED' && step !== 'ACTIVE')
      .reduce((current, step) => movedAgreement(current, step, seed.periodEnd ?? today), running);
    built.agreements.push(agreement);
    for (const party of seed.parties) built.parties.push({ agreementId: id, ...party });
    if (seed.type === 'SO_VDAB_LOKAAL_BESTUUR' && seed.status === 'ACTIVE')
      for (const nisCode of coveredBy(seed.parties)) built.soCovered.add(nisCode);
  };

  const so = (parties: Party[], name: string, period = legislature): AgreementSeed => ({
    type: 'SO_VDAB_LOKAAL_BESTUUR',
    title: `Samenwerkingsovereenkomst VDAB – ${name} ${period.start.slice(0, 4)}-${period.end.slice(0, 4)}`,
    periodStart: period.start,
    periodEnd: period.end,
    status: period.end >= today ? 'ACTIVE' : 'RENEWED',
    signedAt: between(addDays(period.start, -60), addDays(period.start, 150)),
    targetGroups:
      faker.number.float() < 0.5
        ? ['WZW_MULTI', 'LEEFLOON_EQ', 'NBAZU']
        : ['WZW_MULTI', 'LEEFLOON_EQ'],
    parties: [VDAB, ...parties],
    localName: name,
    samenwerkingslijn: faker.number.float() < 0.8,
    responseDeadlineDays: faker.helpers.arrayElement([5, 10, 14]),
    overlegforum: `Lokaal overlegforum werk ${name.replace(/^Lokaal bestuur /, '')}`,
  });

  const adviesbevoegdheid = (parties: Party[], name: string, signedAt: string): AgreementSeed => ({
    type: 'SO_ADVIESBEVOEGDHEID_INDICERING',
    title: `SO adviesbevoegdheid indicering VDAB – ${name}`,
    periodStart: `${addDays(signedAt, 31).slice(0, 7)}-01`,
    periodEnd: legislature.end,
    status:
      faker.number.float() < 0.05 && !parties.some((p) => p.ref === GENT) ? 'EVALUATION' : 'ACTIVE',
    signedAt,
    targetGroups: ['LEEFLOON_EQ'],
    parties: [VDAB, ...parties],
    localName: name,
    samenwerkingslijn: true,
    responseDeadlineDays: 10,
    overlegforum: `Overleg indicering ${name.replace(/^Lokaal bestuur /, '')}`,
  });

  // CA-000001 … CA-000004, the demo records.
  const currentSos = [so([municipalityParty(GENT)], localName(GENT))];
  add(currentSos[0]);
  const gentAdvies = [GENT, ...GENT_NEIGHBOURS.filter((nisCode) => byNis.has(nisCode))];
  add(
    adviesbevoegdheid(
      gentAdvies.map(municipalityParty),
      `${localName(GENT)} en buurgemeenten`,
      '2023-03-15',
    ),
  );
  add({
    type: 'PROTOCOL_VDAB_MAATWERKSECTOR',
    title: 'Protocol VDAB – maatwerksector: toeleiding en verplichte terugkoppeling',
    periodStart: addDays(today, -120),
    periodEnd: null,
    status: 'ACTIVE',
    signedAt: addDays(today, -130),
    targetGroups: ['WZW_MULTI'],
    parties: [
      VDAB,
      { kind: 'MAATWERKSECTOR', ref: 'federation:groep-maatwerk', name: 'Groep Maatwerk' },
      { kind: 'MAATWERKSECTOR', ref: 'federation:herwin', name: 'HERWIN' },
    ],
    localName: 'maatwerksector',
    rubrics: 'none',
    overlegforum: 'Werkgroep bemiddeling',
  });
  currentSos.push(so([municipalityParty(ANTWERPEN)], localName(ANTWERPEN)));
  add(currentSos[1]);

  // Flemish agreements between VDAB and the local-government sector.
  add({
    type: 'VDAB_VVSG_PARTNERSCHAP',
    title: 'Publieke samenwerkingsovereenkomst VDAB – VVSG "Samen sterk voor lokaal werk"',
    periodStart: '2023-01-01',
    periodEnd: '2023-12-31',
    status: '2023-12-31' < today ? 'RENEWED' : 'ACTIVE',
    signedAt: '2022-12-31',
    targetGroups: ['WZW_MULTI', 'LEEFLOON_EQ'],
    parties: [VDAB, VVSG],
    localName: 'VVSG',
    rubrics: 'none',
  });
  add({
    type: 'VDAB_VVSG_PARTNERSCHAP',
    title: 'Publieke samenwerkingsovereenkomst VDAB – VVSG "Samen sterk en lokaal voor werk"',
    periodStart: '2024-01-01',
    periodEnd: '2029-12-31',
    status: 'ACTIVE',
    signedAt: '2023-12-19',
    targetGroups: ['WZW_MULTI', 'LEEFLOON_EQ', 'NBAZU'],
    parties: [VDAB, VVSG],
    localName: 'VVSG',
    rubrics: 'none',
    overlegforum: 'Centrale werkgroep Lokale Besturen',
  });
  add({
    type: 'WERKINGSKADER',
    title: 'Vlaams Werkingskader VDAB – Lokale Besturen 2020-2025',
    periodStart: '2020-07-06',
    periodEnd: '2025-12-31',
    status: '2025-12-31' < today ? 'EXPIRED' : 'ACTIVE',
    signedAt: '2020-07-06',
    targetGroups: ['WZW_MULTI', 'LEEFLOON_EQ', 'NBAZU'],
    parties: [VDAB, VVSG],
    localName: 'VVSG',
    rubrics: 'none',
    overlegforum: 'Centrale werkgroep Lokale Besturen',
  });
  add({
    type: 'VL_FED_SAMENWERKINGSAKKOORD',
    title: 'Samenwerkingsakkoord groeipad sociale economie met federale compensatie',
    periodStart: `${currentYear + 1}-01-01`,
    periodEnd: null,
    status: 'DRAFT',
    signedAt: null,
    targetGroups: ['WZW_MULTI', 'NBA_MET_UITKERING'],
    parties: [
      { kind: 'OTHER', ref: 'vlaamse-overheid', name: 'Vlaamse Regering' },
      { kind: 'OTHER', ref: 'federale-overheid', name: 'Federale Regering' },
    ],
    localName: 'Vlaamse en federale overheid',
    rubrics: 'draft',
  });

  // SOs covering about 76% of the municipalities: every centrumstad on its own, then SE bodies
  // and regiegebieden for their members, then single municipalities.
  const soTarget = Math.round(SO_COVERAGE * data.length);
  const addCurrentSo = (parties: Party[], name: string) => {
    currentSos.push(so(parties, name));
    add(currentSos[currentSos.length - 1]);
  };
  for (const nisCode of [...geography.centrumsteden].sort()) {
    if (byNis.has(nisCode) && !built.soCovered.has(nisCode) && built.soCovered.size < soTarget)
      addCurrentSo([municipalityParty(nisCode)], localName(nisCode));
  }
  const groups = faker.helpers.shuffle([
    ...partnershipsOf('SE_EN_WERK').map(partnershipParty),
    ...geography.regiegebieden.map((r): Party => ({
      kind: 'REGIEGEBIED',
      ref: r.id,
      name: r.name,
    })),
  ]);
  for (const group of groups) {
    const added = coveredBy([group]).filter((nisCode) => !built.soCovered.has(nisCode)).length;
    if (added > 0 && built.soCovered.size + added <= soTarget && faker.number.float() < 0.5)
      addCurrentSo([group], group.name);
  }
  for (const m of faker.helpers.shuffle(data.filter((m) => !built.soCovered.has(m.nisCode)))) {
    if (built.soCovered.size >= soTarget) break;
    addCurrentSo([municipalityParty(m.nisCode)], localName(m.nisCode));
  }

  // The previous legislature: most SOs were renewed, a few lapsed; some of the uncovered
  // municipalities are negotiating a new one (the aim is about 90%).
  for (const current of currentSos) {
    if (faker.number.float() < 0.6)
      add(so(current.parties.slice(1), current.localName, previousLegislature));
  }
  for (const m of data.filter((m) => !built.soCovered.has(m.nisCode))) {
    const roll = faker.number.float();
    const parties = [municipalityParty(m.nisCode)];
    if (roll < 0.1) {
      add({ ...so(parties, localName(m.nisCode), previousLegislature), status: 'EXPIRED' });
    } else if (roll < 0.45) {
      const draft = so(parties, localName(m.nisCode));
      add({ ...draft, status: 'DRAFT', signedAt: null, rubrics: 'draft' });
    }
  }

  // SOs adviesbevoegdheid indicering for about 93 local governments: some through their SE body,
  // the rest one by one among those with an SO.
  const adviesTarget = Math.round(ADVIESBEVOEGDHEID_SHARE * data.length);
  const adviesCovered = new Set<string>(gentAdvies);
  for (const group of faker.helpers.shuffle(partnershipsOf('SE_EN_WERK').map(partnershipParty))) {
    const added = coveredBy([group]).filter((nisCode) => !adviesCovered.has(nisCode));
    const fits = added.length > 0 && adviesCovered.size + added.length <= adviesTarget;
    if (!fits || faker.number.float() >= 0.3) continue;
    add(adviesbevoegdheid([group], group.name, between('2023-01-15', '2024-12-15')));
    for (const nisCode of added) adviesCovered.add(nisCode);
  }
  const withSo = data.filter(
    (m) => built.soCovered.has(m.nisCode) && !adviesCovered.has(m.nisCode),
  );
  for (const m of faker.helpers.shuffle(withSo)) {
    if (adviesCovered.size >= adviesTarget) break;
    const signedAt = between('2023-01-15', '2024-12-15');
    add(adviesbevoegdheid([municipalityParty(m.nisCode)], localName(m.nisCode), signedAt));
    adviesCovered.add(m.nisCode);
  }

  // Local partnerships, funded by Europa WSE from 1 January 2024 for six years.
  for (const party of partnershipsOf('LOKAAL_PARTNERSCHAP').map(partnershipParty)) {
    add({
      type: 'LOKAAL_PARTNERSCHAP',
      title: `Samenwerkingsovereenkomst ${party.name} 2024-2029`,
      periodStart: '2024-01-01',
      periodEnd: '2029-12-31',
      status: '2029-12-31' < today ? 'EXPIRED' : 'ACTIVE',
      signedAt: between('2023-10-01', '2023-12-20'),
      targetGroups: faker.helpers.arrayElements<TargetGroup>(
        ['NBAZU', 'LEEFLOON_EQ', 'WZW_MULTI'],
        {
          min: 1,
          max: 3,
        },
      ),
      parties: [party, VDAB],
      localName: party.name,
      overlegforum: `Stuurgroep ${party.name}`,
    });
  }
  return built;
}

/**
 * The activation pact of 2023 and 2024: every local government is invited, most take part. RMI,
 * Ukrainian and leefloon counts add up to the Flemish totals, with Antwerpen and Gent holding a
 * disproportionate share; maxima, floors and payouts come from `pact-settlement.ts`.
 */
function buildPact(faker: Faker, geography: Geography, soCovered: Set<string>) {
  const today = SEED_TODAY;
  const { municipalities: data, centrumsteden, grootsteden } = geography;
  const rmiWeights = data.map(
    (m) =>
      m.population *
      (RMI_CITY_WEIGHT[m.nisCode] ?? (centrumsteden.has(m.nisCode) ? RMI_CENTRUMSTAD_WEIGHT : 1)) *
      faker.number.float({ min: 0.7, max: 1.3 }),
  );
  const ukrWeights = data.map(
    (m) =>
      m.population *
      (grootsteden.has(m.nisCode) ? 1.5 : 1) *
      faker.number.float({ min: 0.5, max: 1.5 }),
  );
  const rmi = apportion(FLEMISH_RMI, rmiWeights);
  const ukr = apportion(FLEMISH_UKR, ukrWeights);
  // Proportional to RMI and smaller than it, as leefloon is one way of delivering RMI.
  const leefloon = apportion(FLEMISH_LEEFLOON, rmi);

  const rows: Participation[] = [];
  for (const year of PACT_YEARS) {
    const demo = (m: MunicipalitySeed) => m.nisCode === GENT || m.nisCode === ANTWERPEN;
    const declined = data.map((m) => !demo(m) && faker.number.float() < 0.1);
    const called = data.map((m, i) =>
      invitedParticipation({
        id: sequentialId('PP', rows.length + i + 1),
        municipalityNisCode: m.nisCode,
        year,
        rmiCount: rmi[i],
        ukrCount: ukr[i],
        leefloonBase: leefloon[i],
      }),
    );
    // Who declines does so before the result period; the others share the year's budget.
    const answered = called.map((p, i) =>
      declined[i] ? movedParticipation(p, { status: 'DECLINED' }, `${year}-08-31`) : p,
    );
    const shared = new Map(sharedDrawingRights(answered).map((p) => [p.id, p]));
    // Confirmation by the end of October, then a result period of one year.
    const resultStart = `${year}-11-01`;
    const resultEnd = `${year + 1}-10-31`;
    answered.forEach((answer, i) => {
      const m = data[i];
      if (declined[i]) {
        rows.push(answer);
        return;
      }
      const rate = demo(m)
        ? faker.number.float({ min: 0.26, max: 0.32 })
        : faker.number.float({ min: 0.17, max: 0.34 });
      const activatedRegistered = Math.round(leefloon[i] * rate);
      const councilReportAt = addDays(resultEnd, faker.number.int({ min: 30, max: 240 }));
      const settledAt = addDays(councilReportAt, faker.number.int({ min: 60, max: 150 }));
      const confirmedAt = addDays(`${year}-09-01`, faker.number.int({ min: 0, max: 60 }));
      const steps: [PactMove, string][] = [
        [{ status: 'CONFIRMED' }, confirmedAt],
        [{ status: 'PLAN_ALIGNED', inSoActionPlan: soCovered.has(m.nisCode) }, confirmedAt],
        [{ status: 'RESULT_PERIOD' }, resultStart],
        [{ status: 'REPORTED', activatedRegistered, councilReportAt }, councilReportAt],
        [{ status: 'SETTLED' }, settledAt],
        [{ status: 'PAID' }, addDays(settledAt, 30)],
      ];
      rows.push(
        steps
          .filter(([, on]) => on <= today)
          .reduce(
            (p, [move, on]) => movedParticipation(p, move, on),
            shared.get(answer.id) ?? answer,
          ),
      );
    });
  }
  return rows;
}

type AgreementState = EnumValue<typeof AgreementStatus>;

/** The moves that take a drafted agreement to each state. */
const AGREEMENT_STEPS: Record<AgreementState, AgreementState[]> = {
  DRAFT: [],
  SIGNED: ['SIGNED'],
  ACTIVE: ['SIGNED', 'ACTIVE'],
  EVALUATION: ['SIGNED', 'ACTIVE', 'EVALUATION'],
  RENEWED: ['SIGNED', 'ACTIVE', 'EVALUATION', 'RENEWED'],
  EXPIRED: ['SIGNED', 'ACTIVE', 'EVALUATION', 'EXPIRED'],
};

/** The moves that take a planned action to each status. */
const ACTION_STEPS: Record<EnumValue<typeof ActionStatus>, EnumValue<typeof ActionStatus>[]> = {
  PLANNED: [],
  IN_PROGRESS: ['IN_PROGRESS'],
  DONE: ['IN_PROGRESS', 'DONE'],
  DELAYED: ['DELAYED'],
  CANCELLED: ['CANCELLED'],
};

function hasYearlyPlans(type: EnumValue<typeof AgreementType>): boolean {
  return (
    type === 'SO_VDAB_LOKAAL_BESTUUR' ||
    type === 'SO_ADVIESBEVOEGDHEID_INDICERING' ||
    type === 'LOKAAL_PARTNERSCHAP'
  );
}

/** The five rubrics of the SO format (004 §8); a draft has only its omgevingsanalyse so far. */
function rubricsFor(seed: AgreementSeed, depth: 'full' | 'draft' | 'none') {
  const none = {
    omgevingsanalyse: null,
    doelstellingen: null,
    acties: null,
    taakverdeling: null,
    indicatorenStreefcijfers: null,
  };
  if (depth === 'none') return none;
  const who = seed.localName;
  const omgevingsanalyse = `Analyse van de lokale context van ${who}: leefloongerechtigden, werkzoekenden met meervoudige problematiek en niet-beroepsactieven zonder uitkering, aan de hand van het dashboard lokale besturen.`;
  if (depth === 'draft') return { ...none, omgevingsanalyse };
  return {
    omgevingsanalyse,
    doelstellingen: `Meer mensen uit de doelgroepen (${seed.targetGroups.join(', ')}) bereiken, inschrijven bij VDAB en duurzaam naar werk toeleiden.`,
    acties:
      'Het jaarlijkse actieplan vertaalt de doelstellingen in acties met een trekker en een timing.',
    taakverdeling: `VDAB voert de regie voor werkzoekenden met meervoudige problematiek; het OCMW van ${who} voor leefloongerechtigden. Voor niet-beroepsactieven zonder uitkering spreken de partners per persoon af wie trekt.`,
    indicatorenStreefcijfers:
      'Bereik van leefloongerechtigden bij VDAB, uitstroom naar werk na één jaar, feedback op transmissies; streefcijfers per jaar onderhandeld in het overlegforum.',
  };
}

/** Splits items, in order, into about `size`-sized groups of near-equal length. */
function chunkEvenly<T>(items: T[], size: number): T[][] {
  if (items.length === 0) return [];
  const count = Math.max(1, Math.round(items.length / size));
  return Array.from({ length: count }, (_, k) =>
    items.slice(
      Math.floor((k * items.length) / count),
      Math.floor(((k + 1) * items.length) / count),
    ),
  );
}

function largest(members: MunicipalitySeed[]): MunicipalitySeed {
  return members.reduce((best, m) => (m.population > best.population ? m : best));
}

/** Whole numbers proportional to `weights` that add up to exactly `total` (largest remainder). */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const result = exact.map(Math.floor);
  let left = total - result.reduce((acc, n) => acc + n, 0);
  const byRemainder = exact
    .map((value, i) => ({ i, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left === 0) break;
    result[i] += 1;
    left -= 1;
  }
  return result;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
