import type { Faker } from '@faker-js/faker';
import { and, eq, exists, isNull, sql } from 'drizzle-orm';

import { relationsOf, seedDirectory, type RelationRow } from '../common/access/directory';
import { isoDate } from '../common/dates';
import type { EnumValue } from '../common/enums';
import {
  agreementCoverage,
  agreementParties,
  collaborationAgreements,
} from '../subgraphs/agreements/tables';
import {
  adviceStatusOn,
  MAX_VALIDITY_YEARS,
  reviewRegimeFor,
  SUPPORT_PREMIUM_MONTHLY_CENTS,
  WAGE_PREMIUM_PCT,
} from '../subgraphs/indications/rules';
import {
  advices,
  attestations,
  evaluations,
  icfAssessments,
  indicationConsultants,
  indicationRequests,
  premiumIncreaseRequests,
  reviews,
  workSupportPackages,
  type AdviceInsert,
  type AdviceRow,
  type IndicationRequestRow,
} from '../subgraphs/indications/tables';
import type {
  AdviceType,
  AmaReason,
  AttestationKind,
  AttestationSource,
  EvaluationOutcome,
  EvaluationTrigger,
  IcfInput,
  IndicationOrigin,
  IndicationProcedure,
  IndicationRoute,
  IndicationStatus,
  IndicatorOrg,
  ObtainedVia,
} from '../subgraphs/indications/types/enums';
import { SupportPremiumLevel } from '../subgraphs/indications/types/enums';
import {
  assessedRequest,
  attachedAttestation,
  bringsDerivedImw,
  decidedRequest,
  draftedRequest,
  indicationFact,
  milestoneReached,
  MILESTONES,
  movedRequest,
  type Decided,
  type Milestone,
} from '../subgraphs/indications/workflow/request';
import { evaluatedAdvice } from '../subgraphs/indications/workflow/evaluation';
import { icfAssessmentOf } from '../subgraphs/indications/workflow/assessment';
import { candidatePoolFact } from '../subgraphs/indications/workflow/pool';
import { consents } from '../subgraphs/persons/tables';
import {
  addDays,
  SEED_TODAY,
  sequentialId,
  type SeedContext,
  type SeededPerson,
  type SeededVacancy,
} from './context';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
type Type = EnumValue<typeof AdviceType>;
type Route = EnumValue<typeof IndicationRoute>;
type Procedure = EnumValue<typeof IndicationProcedure>;
type Status = EnumValue<typeof IndicationStatus>;
type ConsultantRow = Insert<typeof indicationConsultants>;
type RequestRow = IndicationRequestRow;
type WopRow = Insert<typeof workSupportPackages>;

const GENT = '44021';
/**
 * Individual maatwerk started on 1 Jan 2023 (003): requests are generated from then on, so every
 * granted CMW brings its IMW. Earlier CMW rights are the legacy advices of the zittende doelgroep.
 */
const IM_START = '2023-01-01';
const LEGACY = { validFrom: '2019-01-01', validUntil: '2023-12-31', share: 0.02 };
/** Share of CMW and IMW requests made by an employer through the spoed procedure. */
const SPOED_SHARE = 0.02;

const DEMO = {
  personId: sequentialId('P', 1),
  requestId: sequentialId('IR', 1),
  consultantId: sequentialId('IC', 1),
  agreementId: 'CA-000002',
  cmwId: sequentialId('AD', 1),
  signedFormAt: '2024-03-18',
  validFrom: '2024-05-01',
};

/** 93 local governments have about 116 accredited consultants (000 BA4). */
const LOCAL_CONSULTANTS = 116;
/** Local staff in the reserved training (Sep 2025 – Dec 2026), not accredited yet. */
const LOCAL_TRAINEES = 12;
const VDAB_CONSULTANTS = 48;
const GTB_CONSULTANTS = 20;
const VDAB_EXPERTS = 30;

/** Share of persons who ever asked for an indication; OCMW clients a little more often. */
const REQUESTER_SHARE = { ocmw: 0.68, other: 0.55 };

/**
 * Lead time, signed form to decision, in days, log-normal (DOMAIN B.6). The decided requests
 * should show a mean of about 84 days (12 weeks) with about 67% within 3 months, short of the 80%
 * target. Requests still open on SEED_TODAY are the slow ones, so the generating mean lies above
 * what the decisions show. Spoed is handled with priority.
 */
const LEAD_TIME = { sigma: 0.7, mean: 95, max: 600, spoedFactor: 0.35 };
const LEAD_TIME_MU = Math.log(LEAD_TIME.mean) - LEAD_TIME.sigma ** 2 / 2;

const TYPE_WEIGHTS: { value: Type; weight: number }[] = [
  { value: 'CMW', weight: 45 },
  { value: 'IMW', weight: 30 },
  { value: 'AMA_SE', weight: 15 },
  { value: 'AMA_WELZIJN', weight: 10 },
];

/** AMA is granted only through ICF (000 BA2); UKW gives a temporary CMW (000 BA5). */
const ROUTE_WEIGHTS: Record<Type, { value: Route; weight: number }[]> = {
  CMW: [
    { value: 'ATTEST', weight: 32 },
    { value: 'ICF', weight: 55 },
    { value: 'UKW', weight: 13 },
  ],
  IMW: [
    { value: 'ATTEST', weight: 35 },
    { value: 'ICF', weight: 65 },
  ],
  AMA_SE: [{ value: 'ICF', weight: 1 }],
  AMA_WELZIJN: [{ value: 'ICF', weight: 1 }],
};

/** Chosen so that about 75% of decisions grant: an attestation right is nearly automatic. */
const GRANT_RATE: Record<Route, number> = { ATTEST: 0.92, UKW: 0.85, ICF: 0.66 };
const SPOED_GRANT_RATE = 0.9;

const VALIDITY_YEARS: Record<Type, number> = {
  CMW: MAX_VALIDITY_YEARS,
  IMW: MAX_VALIDITY_YEARS,
  AMA_SE: 3,
  AMA_WELZIJN: 3,
};

/**
 * Attestations of the direct right (MB 20 Feb 2018). VAPH and the LED databank are linked; the
 * link with FOD SZ for IT/IVT is only planned (000 BA1), so those are always uploaded.
 */
const ATTEST_KINDS: {
  value: { kind: EnumValue<typeof AttestationKind>; source: EnumValue<typeof AttestationSource> };
  weight: number;
}[] = [
  { value: { kind: 'IT', source: 'FOD_SZ_DG_HAN' }, weight: 20 },
  { value: { kind: 'IVT', source: 'FOD_SZ_DG_HAN' }, weight: 15 },
  { value: { kind: 'VAPH_ERKENNING', source: 'VAPH' }, weight: 30 },
  { value: { kind: 'LED_ONDERWIJS', source: 'LED' }, weight: 25 },
  { value: { kind: 'OTHER_MB_2018', source: 'VDAB' }, weight: 10 },
];
const LINKED_SOURCES = new Set<EnumValue<typeof AttestationSource>>(['VAPH', 'LED', 'VDAB']);

const IMPAIRMENTS = [
  'Beperkte concentratie',
  'Verminderde fysieke belastbaarheid',
  'Visuele beperking',
  'Auditieve beperking',
  'Psychische kwetsbaarheid',
  'Leerstoornis',
  'Beperkte fijne motoriek',
  'Chronische vermoeidheid',
];
const ACTIVITY_LIMITATIONS = [
  'Moeite met plannen en organiseren',
  'Kan niet lang rechtstaan',
  'Moeite met zwaar tillen',
  'Beperkt werktempo',
  'Moeite met veranderingen in de routine',
  'Beperkte communicatie in groep',
  'Moeite met schriftelijke instructies',
];
const PERSONAL_AND_EXTERNAL_FACTORS = [
  'Langdurig zonder werk',
  'Laaggeletterd',
  'Beperkt sociaal netwerk',
  'Schuldenproblematiek',
  'Geen eigen vervoer',
  'Zorgtaken thuis',
  'Onstabiele huisvesting',
  'Sterk gemotiveerd om te werken',
];
const SUPPORT_NEEDS = [
  'Vaste structuur en duidelijke taakafspraken',
  'Stapsgewijze instructie met visuele ondersteuning',
  'Aangepast werktempo en regelmatige pauzes',
  'Vaste aanspreekpersoon op de werkvloer',
  'Werkpost zonder zware fysieke belasting',
  'Rustige werkomgeving met weinig prikkels',
  'Begeleiding bij het aanleren van nieuwe taken',
];
const CONCLUSIONS: Record<Type | 'REFUSED', string> = {
  CMW: 'Arbeidsbeperking met nood aan ondersteuning in een beschermde omgeving: collectief maatwerk aangewezen.',
  IMW: 'Arbeidsbeperking met ondersteuningsnood bij een werkgever naar keuze: individueel maatwerk aangewezen.',
  AMA_SE:
    'Betaald werk is nu niet haalbaar: arbeidsmatige activiteiten in de sociale economie aangewezen.',
  AMA_WELZIJN:
    'Betaald werk is nu niet haalbaar: arbeidsmatige activiteiten in de welzijnssector aangewezen.',
  REFUSED:
    'Geen arbeidsbeperking die maatwerk vereist; de reguliere dienstverlening van VDAB volstaat.',
};
const INCREASE_MOTIVATIONS = [
  'Meer begeleiding nodig na uitbreiding van de taken.',
  'Rendementsverlies groter dan ingeschat bij de start.',
  'Nieuwe werkpost vraagt intensievere opvolging door de jobcoach.',
];

interface Coverage {
  agreementId: string;
  intermunicipal: boolean;
}

interface Consultant {
  row: ConsultantRow;
  indicatorOrg: EnumValue<typeof IndicatorOrg>;
}

/** A request in the making, with what the later rows need to know about it. */
interface Planned {
  row: RequestRow;
  person: SeededPerson;
  granted: boolean | null;
  decidedOn: string | null;
  consultant: Consultant | null;
  /** The decision's advices and review, once decided. */
  decided?: Decided;
}

/** A step of a request's history: a move, a milestone, or the assessment that ends ICF. */
type Step = Status | Milestone;

/**
 * Walks a request through `steps` at their times, with the same transitions the mutations use,
 * as far as `until`; a step's time never precedes the one before.
 */
function walk(request: RequestRow, steps: [Step, Date][], until: string): RequestRow {
  let current = request;
  let clock = 0;
  for (const [step, planned] of steps) {
    if (isoDate(planned) > until) break;
    clock = Math.max(clock + 60_000, planned.getTime());
    const time = new Date(clock);
    current =
      step === 'ICF_ASSESSED'
        ? assessedRequest(current, time)
        : step in MILESTONES
          ? milestoneReached(current, step as Milestone, time)
          : movedRequest(current, step as Status, time);
  }
  return current;
}

/**
 * Indication requests with their attestations, ICF assessments, reviews and advices (each granted
 * CMW with its derived IMW, UKW as a temporary 2-year CMW), work support packages, evaluations and
 * the consultants' register; granted advices go to `ctx.world.advices` for referrals and
 * placements. Requests handled by an organisation open its INDICATION relation to the person.
 *
 * Fixed for the demo: IR-000001 of P-000001 (CMW by attestation, handled by IC-000001 of Gent,
 * granted, with the ICF assessment ICF-000001 of the work-relevant support needs) with AD-000001
 * (CMW, valid 5 years from 2024-05-01) and its derived IMW AD-000002;
 * IC-000001 (`lg:44021`, accredited, verdiepingsmodule) advises under CA-000002.
 */
export async function seedIndications(ctx: SeedContext): Promise<void> {
  const { faker, sizes, world } = ctx;
  // The world does not carry these facts of earlier steps yet, so they are read back, once each.
  const coverage = await adviesbevoegdheidCoverage(ctx);
  const attestConsents = await attestConsentsByPerson(ctx);

  const population = new Map(world.municipalities.map((m) => [m.nisCode, m.population]));
  const consultants = buildConsultants(faker, coverage, population);
  const localConsultants = new Map<string, Consultant[]>();
  for (const consultant of consultants) {
    const nisCode = consultant.row.org.includes(':') ? consultant.row.org.split(':')[1] : null;
    if (!nisCode || !consultant.row.accredited) continue;
    localConsultants.set(nisCode, [...(localConsultants.get(nisCode) ?? []), consultant]);
  }
  const vdabConsultants = consultants.filter((c) => c.row.org === 'vdab');
  const gtbConsultants = consultants.filter((c) => c.row.org === 'gtb');
  const experts = Array.from({ length: VDAB_EXPERTS }, () => faker.person.fullName());

  const spoedVacancies = world.vacancies.filter((v) => v.measure === 'IMW' || v.measure === 'CMW');
  const priorVacancies = world.vacancies.filter((v) => v.measure === 'CMW');

  const rows = {
    requests: [] as RequestRow[],
    attestations: [] as Insert<typeof attestations>[],
    assessments: [] as Insert<typeof icfAssessments>[],
    reviews: [] as Insert<typeof reviews>[],
    advices: [] as AdviceRow[],
    wops: [] as WopRow[],
    premiumIncreases: [] as Insert<typeof premiumIncreaseRequests>[],
    evaluations: [] as Insert<typeof evaluations>[],
    relations: [] as RelationRow[],
  };
  const planned: Planned[] = [];
  const adviceIndex = new Map<string, number>();
  const addAdvice = (...added: AdviceRow[]) => {
    for (const advice of added) {
      adviceIndex.set(advice.id, rows.advices.length);
      rows.advices.push(advice);
    }
  };
  const adviceById = { get: (id: string) => rows.advices[adviceIndex.get(id)!] };
  /** An advice after a change (an evaluation): rows and the IMW lookup see the new version. */
  const replaceAdvice = (advice: AdviceRow) => {
    rows.advices[adviceIndex.get(advice.id)!] = advice;
    if (advice.derivedFromId) imwByCmw.set(advice.derivedFromId, advice);
  };
  const nextId = {
    request: () => sequentialId('IR', rows.requests.length + 1),
    attestation: () => sequentialId('AT', rows.attestations.length + 1),
    advice: () => sequentialId('AD', rows.advices.length + 1),
    /** The ids of a decision's advice and, for a granted CMW, its derived IMW. */
    decision: (bringsImw: boolean) => ({
      advice: sequentialId('AD', rows.advices.length + 1),
      derivedImw: bringsImw ? sequentialId('AD', rows.advices.length + 2) : null,
    }),
    evaluation: () => sequentialId('EV', rows.evaluations.length + 1),
  };

  // The demo request first, so that it is IR-000001 with AD-000001 and AD-000002.
  const demoPerson = world.persons.find((p) => p.id === DEMO.personId);
  const demoConsultant = consultants.find((c) => c.row.id === DEMO.consultantId);
  const demoConsent = attestConsents.get(DEMO.personId);
  if (!demoPerson || !demoConsultant || !demoConsent) {
    throw new Error(
      `The indications demo needs ${DEMO.personId} with an ATTEST_DATAKOPPELING consent and the Gent SO adviesbevoegdheid ${DEMO.agreementId}.`,
    );
  }
  const demoDrafted = draftedRequest({
    id: nextId.request(),
    personId: DEMO.personId,
    requestedType: 'CMW',
    route: 'ATTEST',
    procedure: 'STANDAARD',
    origin: 'OCMW_CONSULTANT',
    signedFormAt: DEMO.signedFormAt,
    consentRef: demoConsent.id,
    vacancyId: null,
    indicatorOrg: demoConsultant.indicatorOrg,
    consultantId: DEMO.consultantId,
    municipalityNisCode: demoPerson.residenceNisCode,
  });
  const demoSteps: [Step, Date][] = [
    ['SUBMITTED', at(addDays(DEMO.signedFormAt, 1), 8)],
    ['ATTEST_RETRIEVAL', at(addDays(DEMO.signedFormAt, 1), 9)],
    ['INFORMATION_COMPLETE', at(addDays(DEMO.signedFormAt, 21), 9)],
    ['VALIDATED', at(addDays(DEMO.signedFormAt, 38), 10)],
  ];
  const demoDecided = decidedRequest(
    walk(demoDrafted, demoSteps, SEED_TODAY),
    'GRANTED',
    VALIDITY_YEARS.CMW,
    at(DEMO.validFrom, 11),
    nextId.decision(true),
  );
  addAdvice(...demoDecided.advices);
  const demoRequest = demoDecided.request;
  rows.requests.push(demoRequest);
  planned.push({
    row: demoRequest,
    person: demoPerson,
    granted: true,
    decidedOn: DEMO.validFrom,
    consultant: demoConsultant,
    decided: demoDecided,
  });
  // The consultant still maps the work-relevant support needs, which set the support package.
  rows.assessments.push(
    icfAssessmentOf(
      demoRequest,
      {
        consultantId: DEMO.consultantId,
        inputs: icfInputs(faker, 'STANDAARD', false),
        impairments: [IMPAIRMENTS[0]],
        activityLimitations: ACTIVITY_LIMITATIONS.slice(0, 2),
        personalAndExternalFactors: PERSONAL_AND_EXTERNAL_FACTORS.slice(0, 1),
        amaReasons: [],
        icfScore: 72,
        conclusion: CONCLUSIONS.CMW,
        workRelevantSupportNeeds: SUPPORT_NEEDS.slice(0, 2).join('; '),
      },
      at(addDays(DEMO.signedFormAt, 30), 10),
    ),
  );
  rows.attestations.push(
    attachedAttestation(demoRequest, {
      id: nextId.attestation(),
      kind: 'VAPH_ERKENNING',
      source: 'VAPH',
      obtainedVia: 'DATAKOPPELING',
      validFrom: '2019-06-12',
      validUntil: null,
    }),
  );

  // Who asks, and how many requests each: persons × the scale's average, over ~60% of persons.
  const requesters = world.persons.filter(
    (p) =>
      p.id !== DEMO.personId &&
      faker.number.float() < (p.ocmwNisCode ? REQUESTER_SHARE.ocmw : REQUESTER_SHARE.other),
  );
  const counts = requesters.map(() => 1);
  const total = Math.round(world.persons.length * sizes.indicationRequestsPerPerson) - 1;
  for (let extra = requesters.length; requesters.length > 0 && extra < total; extra += 1) {
    counts[faker.number.int({ min: 0, max: requesters.length - 1 })] += 1;
  }
  // The zittende doelgroep: their last request may be a prior routing to change employer (000 BA6).
  const legacyPersons = new Set(
    requesters.filter(() => faker.number.float() < LEGACY.share).map((p) => p.id),
  );

  const leadTime = (spoed: boolean) => {
    const normal =
      Math.sqrt(-2 * Math.log(1 - faker.number.float())) *
      Math.cos(2 * Math.PI * faker.number.float());
    const days = Math.min(LEAD_TIME.max, Math.exp(LEAD_TIME_MU + LEAD_TIME.sigma * normal));
    return Math.max(spoed ? 1 : 3, Math.round(days * (spoed ? LEAD_TIME.spoedFactor : 1)));
  };
  const windowDays = daysBetween(IM_START, SEED_TODAY);
  // Demand rises over the years (000 §1): the density of signing dates grows towards today.
  const signingDate = () =>
    addDays(SEED_TODAY, -Math.floor(windowDays * (1 - Math.sqrt(faker.number.float()))));

  requesters.forEach((person, index) => {
    const dates = Array.from({ length: counts[index] }, signingDate).sort();
    let previous: Planned | null = null;
    dates.forEach((signed, k) => {
      const last = k === dates.length - 1;
      const plan = planRequest(person, signed, previous, last && legacyPersons.has(person.id));
      planned.push(plan);
      rows.requests.push(plan.row);
      previous = plan;
    });
  });

  function planRequest(
    person: SeededPerson,
    signed: string,
    previous: Planned | null,
    priorRoutingCandidate: boolean,
  ): Planned {
    const doorstroom =
      previous?.granted === true &&
      previous.row.requestedType === 'AMA_SE' &&
      faker.number.float() < 0.6;
    const type: Type = doorstroom
      ? faker.helpers.arrayElement(['CMW', 'IMW'] as const)
      : faker.helpers.weightedArrayElement(TYPE_WEIGHTS);
    let procedure: Procedure = 'STANDAARD';
    let vacancy: SeededVacancy | null = null;
    if (priorRoutingCandidate && priorVacancies.length > 0 && faker.number.float() < 0.5) {
      procedure = 'PRIOR_INDICERINGSROUTING';
      vacancy = nearVacancy(faker, priorVacancies, person.residenceNisCode);
    } else if (
      (type === 'CMW' || type === 'IMW') &&
      spoedVacancies.length > 0 &&
      faker.number.float() < SPOED_SHARE
    ) {
      procedure = 'SPOED';
      vacancy = nearVacancy(faker, spoedVacancies, person.residenceNisCode);
    }
    const requestedType: Type = procedure === 'PRIOR_INDICERINGSROUTING' ? 'CMW' : type;
    // Prior routing is investigated by DGS, which assesses through ICF.
    const route: Route =
      procedure === 'PRIOR_INDICERINGSROUTING'
        ? 'ICF'
        : faker.helpers.weightedArrayElement(ROUTE_WEIGHTS[requestedType]);

    const locals = person.ocmwNisCode ? localConsultants.get(person.ocmwNisCode) : undefined;
    let consultant: Consultant | null = null;
    if (procedure === 'PRIOR_INDICERINGSROUTING') {
      consultant = faker.helpers.arrayElement(vdabConsultants);
    } else if (locals && faker.number.float() < (route === 'ICF' ? 0.55 : 0.35)) {
      // One-stop principle: the OCMW client's own local government indicates (000 BA4).
      consultant = faker.helpers.arrayElement(locals);
    } else if (route !== 'ATTEST') {
      consultant = faker.helpers.arrayElement(
        faker.number.float() < 0.12 ? gtbConsultants : vdabConsultants,
      );
    }
    const origin: EnumValue<typeof IndicationOrigin> =
      procedure === 'SPOED'
        ? 'EMPLOYER_SPOED'
        : procedure === 'PRIOR_INDICERINGSROUTING'
          ? 'EMPLOYER_PRIOR_ROUTING'
          : doorstroom
            ? 'AMA_DOORSTROOM'
            : consultant && consultant.row.org !== 'vdab'
              ? consultant.row.org === 'gtb'
                ? 'GTB'
                : 'OCMW_CONSULTANT'
              : person.registeredAtVdab && faker.number.float() < 0.45
                ? 'VDAB_BEMIDDELAAR'
                : 'CITIZEN_FORM';

    const lead = leadTime(procedure === 'SPOED');
    const decidedOn = addDays(signed, lead);
    const decided = decidedOn <= SEED_TODAY;
    const regime = reviewRegimeFor(decidedOn);
    const draft = !decided && daysBetween(signed, SEED_TODAY) < 21 && faker.number.float() < 0.2;
    const consent = attestConsents.get(person.id);
    const drafted = draftedRequest({
      id: nextId.request(),
      personId: person.id,
      requestedType,
      route,
      procedure,
      origin,
      signedFormAt: draft ? null : signed,
      consentRef:
        !draft && route !== 'ICF' && consent && consent.grantedOn <= signed ? consent.id : null,
      vacancyId: vacancy?.id ?? null,
      indicatorOrg: consultant?.indicatorOrg ?? 'VDAB',
      consultantId: draft ? null : (consultant?.row.id ?? null),
      municipalityNisCode: person.residenceNisCode,
    });
    if (draft) return { row: drafted, person, granted: null, decidedOn: null, consultant: null };

    // Phase days after signing; within one day the phases follow each other by the hour.
    const assessed = route !== 'ATTEST';
    const phases = assessed
      ? regime === 'VIER_OGEN'
        ? { info: 0.4, icf: 0.48, advice: 0.78, review: 0.94 }
        : { info: 0.42, icf: 0.5, advice: 0.9, review: null }
      : { info: 0.5, icf: null, advice: null, review: 0.85 };
    const dayAt = (fraction: number) => addDays(signed, Math.round(fraction * lead));
    const submitted = addDays(signed, Math.min(2, Math.floor(0.03 * lead)));
    const phaseStart = addDays(signed, Math.min(2, Math.floor(0.1 * lead)));
    const steps: [Step, Date][] = [
      ['SUBMITTED', at(submitted, 7)],
      [assessed ? 'INFO_GATHERING' : 'ATTEST_RETRIEVAL', at(phaseStart, 8)],
      ['INFORMATION_COMPLETE', at(dayAt(phases.info), 9)],
      ...(phases.icf === null ? [] : [['ICF_STARTED', at(dayAt(phases.icf), 10)] as [Step, Date]]),
      ...(phases.advice === null
        ? []
        : [['ICF_ASSESSED', at(dayAt(phases.advice), 11)] as [Step, Date]]),
      ...(phases.review === null
        ? []
        : [
            [assessed ? 'SECOND_REVIEW' : 'VALIDATED', at(dayAt(phases.review), 12)] as [
              Step,
              Date,
            ],
          ]),
    ];
    const row = walk(drafted, steps, SEED_TODAY);
    const granted =
      faker.number.float() < (procedure === 'SPOED' ? SPOED_GRANT_RATE : GRANT_RATE[route]);
    if (!decided) return { row, person, granted, decidedOn, consultant };
    const decision = decidedRequest(
      row,
      granted ? 'GRANTED' : 'REFUSED',
      VALIDITY_YEARS[requestedType],
      at(decidedOn, 14),
      nextId.decision(bringsDerivedImw(row, granted ? 'GRANTED' : 'REFUSED')),
    );
    addAdvice(...decision.advices);
    return { row: decision.request, person, granted, decidedOn, consultant, decided: decision };
  }

  for (const plan of planned) {
    if (plan.row.id === DEMO.requestId) continue;
    const { row, granted } = plan;
    if (row.status === 'DRAFT' || row.status === 'SUBMITTED') continue;
    if (row.route !== 'ICF') addAttestations(plan);
    if (row.consultantAdviceAt) {
      const ama = row.requestedType === 'AMA_SE' || row.requestedType === 'AMA_WELZIJN';
      const assessment = {
        consultantId: row.consultantId!,
        inputs: icfInputs(faker, row.procedure, ama),
        impairments: faker.helpers.arrayElements(IMPAIRMENTS, { min: 1, max: 2 }),
        activityLimitations: faker.helpers.arrayElements(ACTIVITY_LIMITATIONS, { min: 1, max: 3 }),
        personalAndExternalFactors: faker.helpers.arrayElements(PERSONAL_AND_EXTERNAL_FACTORS, {
          min: 1,
          max: 3,
        }),
        amaReasons: ama
          ? faker.helpers.arrayElements<EnumValue<typeof AmaReason>>(
              ['COGNITIEF', 'MEDISCH', 'PSYCHISCH', 'PSYCHIATRISCH', 'SOCIAAL'],
              { min: 1, max: 2 },
            )
          : [],
        icfScore: granted
          ? faker.number.int({ min: 45, max: 95 })
          : faker.number.int({ min: 12, max: 48 }),
        conclusion: CONCLUSIONS[granted ? row.requestedType : 'REFUSED'],
        workRelevantSupportNeeds: faker.helpers
          .arrayElements(SUPPORT_NEEDS, { min: 2, max: 3 })
          .join('; '),
      };
      rows.assessments.push(icfAssessmentOf(row, assessment, row.consultantAdviceAt));
    }
  }

  function addAttestations(plan: Planned) {
    const { row } = plan;
    const signed = row.signedFormAt!;
    const via = (source: EnumValue<typeof AttestationSource>) =>
      row.consentRef && LINKED_SOURCES.has(source)
        ? ('DATAKOPPELING' as const)
        : ('UPLOAD' as const);
    const add = (
      kind: EnumValue<typeof AttestationKind>,
      source: EnumValue<typeof AttestationSource>,
      validUntil: string | null,
      obtainedVia: EnumValue<typeof ObtainedVia> = via(source),
    ) =>
      rows.attestations.push(
        attachedAttestation(row, {
          id: nextId.attestation(),
          kind,
          source,
          obtainedVia,
          validFrom: addDays(signed, -faker.number.int({ min: 30, max: 3000 })),
          validUntil,
        }),
      );
    if (row.route === 'UKW') {
      // PMP indication AND (LIGO attestation OR proof of detention history) (000 BA5).
      const pmpUntil = addDays(signed, faker.number.int({ min: 180, max: 720 }));
      add('PMP_INDICATIE', 'VDAB', pmpUntil, 'DATAKOPPELING');
      if (faker.number.float() < 0.7) add('LIGO_OF_GELIJKWAARDIG', 'LED', null);
      else add('BEWIJS_DETENTIEVERLEDEN', 'VDAB', null, 'UPLOAD');
      return;
    }
    for (let n = faker.number.float() < 0.8 ? 1 : 2; n > 0; n -= 1) {
      const { kind, source } = faker.helpers.weightedArrayElement(ATTEST_KINDS);
      const open = kind === 'VAPH_ERKENNING' || kind === 'LED_ONDERWIJS';
      add(kind, source, open ? null : addDays(signed, faker.number.int({ min: 365, max: 2500 })));
    }
  }

  // Reviews of every decision, with the sample of two-eyes decisions that quality control checks
  // afterwards (000 BA3); work support packages for the granted CMW and IMW advices.
  const wopByAdvice = new Map<string, WopRow>();
  const imwByCmw = new Map<string, AdviceRow>();
  const requestById = new Map(planned.map((plan) => [plan.row.id, plan]));
  for (const plan of planned) {
    if (!plan.decided) continue;
    const {
      review,
      advices: [advice, derivedImw],
    } = plan.decided;
    const sampled = review.regime === 'TWEE_OGEN' && faker.number.float() < 0.1;
    const qcDay = sampled ? addDays(plan.decidedOn!, faker.number.int({ min: 5, max: 20 })) : null;
    const qcDone = qcDay !== null && qcDay <= SEED_TODAY;
    rows.reviews.push({
      ...review,
      sampledForQualityControl: sampled,
      qcOutcome: qcDone ? (faker.number.float() < 0.9 ? 'BEVESTIGD' : 'BIJGESTUURD') : null,
      reviewedAt: qcDone ? at(qcDay!, 13) : review.reviewedAt,
    });
    if (derivedImw) imwByCmw.set(advice.id, derivedImw);
    if (advice.decision === 'TOEGEKEND' && (advice.type === 'CMW' || advice.type === 'IMW')) {
      addWop(advice);
    }
  }

  // The zittende doelgroep of 2019: CMW rights without a request, lapsed on 31/12/2023 (000 BA6).
  for (const person of requesters) {
    if (!legacyPersons.has(person.id)) continue;
    const decidedOn = faker.date
      .between({ from: '2019-01-07', to: '2019-06-28' })
      .toISOString()
      .slice(0, 10);
    const advice: AdviceRow = {
      id: nextId.advice(),
      personId: person.id,
      requestId: null,
      type: 'CMW',
      basis: 'LEGACY_ZITTEND_2019',
      temporary: false,
      derivedFromId: null,
      decision: 'TOEGEKEND',
      decidedAt: at(decidedOn, 9),
      validFrom: LEGACY.validFrom,
      validUntil: LEGACY.validUntil,
      extensions: [],
      status: 'EXPIRED',
      endedAt: null,
      hiredAt: null,
    };
    addAdvice(advice);
    addWop(advice, 'L');
  }

  function addWop(advice: AdviceInsert, level?: EnumValue<typeof SupportPremiumLevel>) {
    const premiumLevel =
      level ??
      faker.helpers.weightedArrayElement([
        { value: 'A' as const, weight: 40 },
        { value: 'B' as const, weight: 32 },
        { value: 'C' as const, weight: 20 },
        { value: 'L' as const, weight: 8 },
      ]);
    // Two draws averaged: most packages start mid-range, few at 20% or 75%.
    const draw = () => faker.number.int({ min: WAGE_PREMIUM_PCT.min, max: WAGE_PREMIUM_PCT.max });
    const start = Math.round((draw() + draw()) / 2);
    const durationMonths = monthsBetween(advice.validFrom!, advice.validUntil!);
    const wop: WopRow = {
      id: advice.id.replace(/^AD-/, 'WOP-'),
      adviceId: advice.id,
      personId: advice.personId,
      wagePremiumPct: start,
      wagePremiumSchedule: degressiveSchedule(start, durationMonths),
      supportPremiumLevel: premiumLevel,
      supportPremiumCents: SUPPORT_PREMIUM_MONTHLY_CENTS[premiumLevel],
      intensity: { A: 4, B: 8, C: 12, L: 16 }[premiumLevel] + faker.number.int({ min: 0, max: 3 }),
      durationMonths,
    };
    const askedOn = addDays(advice.validFrom!, faker.number.int({ min: 60, max: 540 }));
    if (world.employers.length > 0 && askedOn <= SEED_TODAY && faker.number.float() < 0.06) {
      const decidedOn = addDays(askedOn, 30);
      const decided = decidedOn <= SEED_TODAY;
      const employerId = faker.helpers.arrayElement(world.employers).id;
      const motivation = faker.helpers.arrayElement(INCREASE_MOTIVATIONS);
      const outcome = decided ? (faker.number.float() < 0.7 ? 'ACCEPTED' : 'REFUSED') : 'PENDING';
      // An accepted increase brought the level the package has now, from the one below it.
      const levels = SupportPremiumLevel.values;
      const below = levels[Math.max(0, levels.indexOf(premiumLevel) - 1)];
      rows.premiumIncreases.push({
        id: `PIR-${String(rows.premiumIncreases.length + 1).padStart(6, '0')}`,
        packageId: wop.id,
        adviceId: advice.id,
        personId: advice.personId,
        employerId,
        requestedAt: askedOn,
        motivation,
        levelAtRequest: outcome === 'ACCEPTED' ? below : premiumLevel,
        requestedLevel: null,
        status: outcome,
        decidedAt: decided ? at(decidedOn, 10) : null,
        newLevel: outcome === 'ACCEPTED' ? premiumLevel : null,
        refusalReason:
          outcome === 'REFUSED' ? 'The support need does not call for a higher level.' : null,
      });
    }
    rows.wops.push(wop);
    wopByAdvice.set(advice.id, wop);
  }

  // Evaluations: the end of a temporary UKW advice, AMA SE moving on, and requests in between.
  const granted = rows.advices.filter(
    (a) =>
      a.decision === 'TOEGEKEND' &&
      a.derivedFromId === null &&
      a.basis !== 'LEGACY_ZITTEND_2019' &&
      a.id !== DEMO.cmwId,
  );
  for (const advice of granted) {
    const validFrom = advice.validFrom!;
    const validUntil = advice.validUntil!;
    if (advice.temporary) {
      const evaluatedAt = addDays(validUntil, -faker.number.int({ min: 20, max: 60 }));
      if (evaluatedAt > SEED_TODAY || faker.number.float() < 0.25) continue;
      evaluate(
        advice,
        'EINDE_TIJDELIJK_UKW',
        evaluatedAt,
        faker.number.float() < 0.6 ? 'VERLENGD' : 'BEEINDIGD',
      );
      continue;
    }
    const ageDays = daysBetween(validFrom, SEED_TODAY);
    if (advice.type === 'AMA_SE' && ageDays > 180 && faker.number.float() < 0.15) {
      const evaluatedAt = addDays(validFrom, faker.number.int({ min: 180, max: ageDays }));
      evaluate(advice, 'AMA_DOORSTROOM', evaluatedAt, 'OMGEZET_NAAR_ANDER_ADVIES');
      continue;
    }
    if (
      (advice.type === 'CMW' || advice.type === 'IMW') &&
      ageDays > 270 &&
      faker.number.float() < 0.06
    ) {
      const trigger = faker.helpers.weightedArrayElement<EnumValue<typeof EvaluationTrigger>>([
        { value: 'AANVRAAG_WERKGEVER', weight: 45 },
        { value: 'AANVRAAG_WERKNEMER', weight: 30 },
        { value: 'AANVRAAG_VDAB', weight: 25 },
      ]);
      const outcome = faker.helpers.weightedArrayElement<EnumValue<typeof EvaluationOutcome>>([
        { value: 'INTENSITEIT_HERZIEN', weight: 55 },
        { value: 'VERLENGD', weight: 20 },
        { value: 'BEEINDIGD', weight: 25 },
      ]);
      evaluate(
        advice,
        trigger,
        addDays(validFrom, faker.number.int({ min: 270, max: ageDays })),
        outcome,
      );
    }
  }

  /** An evaluation through the same transition the mutation uses; none once the advice lapsed. */
  function evaluate(
    evaluated: AdviceRow,
    trigger: EnumValue<typeof EvaluationTrigger>,
    evaluatedAt: string,
    outcome: EnumValue<typeof EvaluationOutcome>,
  ) {
    const advice = adviceById.get(evaluated.id)!;
    const expert = faker.helpers.arrayElement(experts);
    if (adviceStatusOn(advice, evaluatedAt) !== 'ACTIVE') return;
    const wop = wopByAdvice.get(advice.id);
    const result = evaluatedAdvice(
      advice,
      imwByCmw.get(advice.id) ?? null,
      {
        trigger,
        outcome,
        // Placements are seeded after this step, so seeded evaluations name none.
        placementId: null,
        expert,
        extensionYears: outcome === 'VERLENGD' ? (advice.temporary ? 3 : MAX_VALIDITY_YEARS) : null,
        intensity:
          outcome === 'INTENSITEIT_HERZIEN' && wop
            ? wop.intensity + faker.number.int({ min: 2, max: 6 })
            : null,
        convertTo: outcome === 'OMGEZET_NAAR_ANDER_ADVIES' ? 'IMW' : null,
      },
      evaluatedAt,
      {
        evaluation: nextId.evaluation(),
        converted: outcome === 'OMGEZET_NAAR_ANDER_ADVIES' ? nextId.advice() : null,
      },
    );
    rows.evaluations.push(result.evaluation);
    for (const changed of result.advices) replaceAdvice(changed);
    if (result.converted) addAdvice(result.converted as AdviceRow);
    if (wop && result.intensity !== null) wop.intensity = result.intensity;
  }

  // VDAB, which decides every request, and the organisation that handles it hold the file.
  for (const plan of planned) {
    if (plan.row.status === 'DRAFT') continue;
    rows.relations.push(...relationsOf(indicationFact(plan.row, plan.consultant?.row.org ?? null)));
  }

  // Every granted advice puts its holder in the employers' candidate pool, by the same rule.
  for (const advice of rows.advices) rows.relations.push(...relationsOf(candidatePoolFact(advice)));

  await ctx.insert(
    indicationConsultants,
    consultants.map((c) => c.row),
  );
  await ctx.insert(indicationRequests, rows.requests);
  await ctx.insert(attestations, rows.attestations);
  await ctx.insert(icfAssessments, rows.assessments);
  await ctx.insert(reviews, rows.reviews);
  // Derived IMWs point at their CMW, which the id order inserts first.
  await ctx.insert(advices, rows.advices);
  await ctx.insert(workSupportPackages, rows.wops);
  await ctx.insert(premiumIncreaseRequests, rows.premiumIncreases);
  await ctx.insert(evaluations, rows.evaluations);
  await seedDirectory(ctx.insert, { relations: rows.relations });
  await ctx.db.execute(
    sql`select setval('indications.request_numbers', ${rows.requests.length + 1}, false)`,
  );
  await ctx.db.execute(
    sql`select setval('indications.advice_numbers', ${rows.advices.length + 1}, false)`,
  );
  await ctx.db.execute(
    sql`select setval('indications.evaluation_numbers', ${rows.evaluations.length + 1}, false)`,
  );
  await ctx.db.execute(
    sql`select setval('indications.attestation_numbers', ${rows.attestations.length + 1}, false)`,
  );
  await ctx.db.execute(
    sql`select setval('indications.premium_increase_numbers', ${rows.premiumIncreases.length + 1}, false)`,
  );

  for (const advice of rows.advices) {
    if (advice.decision !== 'TOEGEKEND') continue;
    const request = advice.requestId ? requestById.get(advice.requestId)?.row : undefined;
    const main = advice.derivedFromId === null && advice.basis !== 'WERKVLOEREVALUATIE';
    world.advices.push({
      id: advice.id,
      personId: advice.personId,
      type: advice.type,
      decision: advice.decision,
      validFrom: advice.validFrom!,
      // An ended or replaced advice stops being usable the day before.
      validUntil: advice.endedAt ? addDays(advice.endedAt, -1) : advice.validUntil!,
      spoed: main && request?.procedure === 'SPOED',
      vacancyId: main ? (request?.vacancyId ?? null) : null,
    });
  }
}

/** The SO adviesbevoegdheid indicering covering each municipality, as the agreements step wrote it. */
async function adviesbevoegdheidCoverage(ctx: SeedContext): Promise<Map<string, Coverage>> {
  const rows = await ctx.db
    .select({
      agreementId: agreementCoverage.agreementId,
      nisCode: agreementCoverage.municipalityNisCode,
      intermunicipal: sql<boolean>`${exists(
        ctx.db
          .select({ one: sql`1` })
          .from(agreementParties)
          .where(
            and(
              eq(agreementParties.agreementId, agreementCoverage.agreementId),
              eq(agreementParties.kind, 'INTERMUNICIPAL_PARTNERSHIP'),
            ),
          ),
      )}`,
    })
    .from(agreementCoverage)
    .innerJoin(
      collaborationAgreements,
      eq(collaborationAgreements.id, agreementCoverage.agreementId),
    )
    .where(eq(collaborationAgreements.type, 'SO_ADVIESBEVOEGDHEID_INDICERING'))
    .orderBy(agreementCoverage.municipalityNisCode, agreementCoverage.agreementId);
  const coverage = new Map<string, Coverage>();
  for (const row of rows) {
    if (!coverage.has(row.nisCode)) {
      coverage.set(row.nisCode, {
        agreementId: row.agreementId,
        intermunicipal: row.intermunicipal,
      });
    }
  }
  return coverage;
}

/** Each person's standing ATTEST_DATAKOPPELING consent to VDAB, as the persons step wrote it. */
async function attestConsentsByPerson(
  ctx: SeedContext,
): Promise<Map<string, { id: string; grantedOn: string }>> {
  const rows = await ctx.db
    .select({ id: consents.id, personId: consents.personId, grantedAt: consents.grantedAt })
    .from(consents)
    .where(
      and(
        eq(consents.type, 'ATTEST_DATAKOPPELING'),
        eq(consents.grantedTo, 'vdab'),
        isNull(consents.revokedAt),
      ),
    );
  return new Map(
    rows.map((row) => [
      row.personId,
      { id: row.id, grantedOn: row.grantedAt.toISOString().slice(0, 10) },
    ]),
  );
}

/**
 * The register: IC-000001 in Gent, then about 116 accredited consultants over the ~93 local
 * governments with an SO adviesbevoegdheid, a few trainees, and the VDAB and GTB consultants.
 */
function buildConsultants(
  faker: Faker,
  coverage: Map<string, Coverage>,
  population: Map<string, number>,
): Consultant[] {
  const gent = coverage.get(GENT);
  if (gent?.agreementId !== DEMO.agreementId) {
    throw new Error(
      `The indications seed needs the SO adviesbevoegdheid ${DEMO.agreementId} covering Gent.`,
    );
  }
  const consultants: Consultant[] = [];
  const add = (org: string, accredited: boolean, training: 'BASIS' | 'VERDIEPINGSMODULE') => {
    const nisCode = org.includes(':') ? org.split(':')[1] : null;
    const covered = nisCode ? coverage.get(nisCode) : undefined;
    consultants.push({
      row: {
        id: sequentialId('IC', consultants.length + 1),
        org,
        name: faker.person.fullName(),
        accredited,
        training,
        soAdviesbevoegdheidId: covered?.agreementId ?? null,
      },
      indicatorOrg:
        org === 'vdab'
          ? 'VDAB'
          : org === 'gtb'
            ? 'GTB'
            : covered?.intermunicipal
              ? 'INTERGEMEENTELIJK'
              : 'OCMW',
    });
  };
  const training = () =>
    faker.number.float() < 0.6 ? ('VERDIEPINGSMODULE' as const) : ('BASIS' as const);
  const localOrg = (nisCode: string) =>
    faker.number.float() < 0.55 ? `lg:${nisCode}` : `ocmw:${nisCode}`;

  add(`lg:${GENT}`, true, 'VERDIEPINGSMODULE');
  const covered = [...coverage.keys()].sort();
  const others = covered.filter((nisCode) => nisCode !== GENT);
  for (const nisCode of others) add(localOrg(nisCode), true, training());
  // About 1.25 per local government: the second and third ones mostly in the larger ones.
  const bySize = covered.map((nisCode) => ({
    value: nisCode,
    weight: population.get(nisCode) ?? 1,
  }));
  while (consultants.length < LOCAL_CONSULTANTS) {
    add(localOrg(faker.helpers.weightedArrayElement(bySize)), true, training());
  }
  for (let n = 0; n < LOCAL_TRAINEES; n += 1) {
    add(localOrg(faker.helpers.arrayElement(covered)), false, 'BASIS');
  }
  for (let n = 0; n < VDAB_CONSULTANTS; n += 1) add('vdab', true, training());
  for (let n = 0; n < GTB_CONSULTANTS; n += 1) add('gtb', faker.number.float() < 0.9, training());
  return consultants;
}

/** A vacancy near the person when there is one: their own municipality, else anywhere. */
function nearVacancy(faker: Faker, vacancies: SeededVacancy[], nisCode: string): SeededVacancy {
  const near = vacancies.filter((v) => v.municipalityNisCode === nisCode);
  return faker.helpers.arrayElement(
    near.length > 0 && faker.number.float() < 0.7 ? near : vacancies,
  );
}

function icfInputs(faker: Faker, procedure: Procedure, ama: boolean): EnumValue<typeof IcfInput>[] {
  const inputs = new Set<EnumValue<typeof IcfInput>>(
    faker.helpers.arrayElements(['WORKFLOOR_OBSERVATION', 'BVS_REPORT', 'ASSESSMENT'] as const, {
      min: 1,
      max: 2,
    }),
  );
  if (procedure !== 'STANDAARD') inputs.add('EMPLOYER_INFO');
  if (ama) inputs.add('INTERMEDIARY_INFO');
  return [...inputs];
}

/** Down 5 points a year from the starting premium, never under the 20% floor. */
function degressiveSchedule(start: number, durationMonths: number) {
  const steps: { fromMonth: number; pct: number }[] = [];
  for (let month = 1, pct = start; month <= durationMonths; month += 12, pct -= 5) {
    steps.push({ fromMonth: month, pct: Math.max(WAGE_PREMIUM_PCT.min, pct) });
    if (pct <= WAGE_PREMIUM_PCT.min) break;
  }
  return steps;
}

/** An instant on a date at a whole hour (UTC), within Belgian working hours. */
function at(isoDate: string, hourUtc: number): Date {
  return new Date(`${isoDate}T${String(hourUtc).padStart(2, '0')}:00:00Z`);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

function monthsBetween(from: string, until: string): number {
  const [fy, fm] = from.split('-').map(Number);
  const [uy, um] = until.split('-').map(Number);
  return Math.max(1, (uy - fy) * 12 + (um - fm) + 1);
}
