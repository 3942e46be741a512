import { z } from 'zod';

import { today } from '../../../common/clock';
import type { EnumValue } from '../../../common/enums';
import { calendarDateRule, idempotencyKeyRule, idRule } from '../../../common/workflow/input';
import type { AdviceRow, IndicationRequestRow } from '../tables';
import type {
  AdviceType,
  FilingStatus,
  IndicationOrigin,
  IndicationProcedure,
} from '../types/enums';

type Procedure = EnumValue<typeof IndicationProcedure>;
type Type = EnumValue<typeof AdviceType>;

/** The procedures that start from an employer's open vacancy and candidate (B.2.2). */
export const EMPLOYER_PROCEDURES = ['SPOED', 'PRIOR_INDICERINGSROUTING'] as const;
export type EmployerProcedure = (typeof EMPLOYER_PROCEDURES)[number];

/** The origin a request of each employer procedure carries (B.2.2 origins). */
export const ORIGIN_OF_PROCEDURE: Record<EmployerProcedure, EnumValue<typeof IndicationOrigin>> = {
  SPOED: 'EMPLOYER_SPOED',
  PRIOR_INDICERINGSROUTING: 'EMPLOYER_PRIOR_ROUTING',
};

/**
 * Social-economy enterprises, which may use the spoed procedure (B.1: the sociale
 * tewerkstellingsonderneming "can use the fast-track procedure"; 000 BA6: a social-economy
 * enterprise with an open vacancy and a candidate). A regular employer's IMW vacancy goes the
 * standard way.
 */
export const SPOED_EMPLOYERS: readonly string[] = [
  'MAATWERKBEDRIJF',
  'MAATWERKAFDELING',
  'SOCIALE_TEWERKSTELLINGSONDERNEMING',
  'LDE_ORGANISATIE',
];

/**
 * What each employer procedure asks of its vacancy: spoed is kept for IMW and aligned for CMW
 * (000 BA6), so it asks the advice of the vacancy's own measure; prior routing is the route of a
 * new maatwerk employer (B.1, 000 BA6: the zittende doelgroep changing employer), so a CMW
 * vacancy of a maatwerkbedrijf.
 */
const VACANCY_RULES: Record<
  EmployerProcedure,
  { measures: readonly Type[]; employers: readonly string[] }
> = {
  SPOED: { measures: ['CMW', 'IMW'], employers: SPOED_EMPLOYERS },
  PRIOR_INDICERINGSROUTING: { measures: ['CMW'], employers: ['MAATWERKBEDRIJF'] },
};

/** A vacancy as a spoed or prior-routing rule reads it (maatwerk subgraph, as the caller). */
export interface LinkedVacancy {
  id: string;
  status: string;
  measure: string;
  employer: { id: string; type: string } | null;
}

/**
 * Why a vacancy cannot carry a request of this procedure and type, or undefined: it must be
 * open, of a measure the procedure serves and equal to the advice asked, at an employer the
 * procedure is for. The same rule for the employer's own filing and for VDAB filing on its behalf.
 */
export function vacancyProblem(
  procedure: Procedure,
  requestedType: Type,
  vacancy: LinkedVacancy | null,
): string | undefined {
  if (!vacancy) return 'is not a vacancy you may see';
  if (vacancy.status !== 'OPEN') return `is ${vacancy.status}, not OPEN`;
  if (procedure === 'STANDAARD') return undefined;
  const rule = VACANCY_RULES[procedure];
  const name = procedure === 'SPOED' ? 'a spoed request' : 'a prior-routing request';
  if (!(rule.measures as readonly string[]).includes(vacancy.measure)) {
    return `is a ${vacancy.measure} vacancy: ${name} is made for a ${rule.measures.join(' or ')} vacancy`;
  }
  if (vacancy.measure !== requestedType) {
    return `is a ${vacancy.measure} vacancy: ${name} on it asks a ${vacancy.measure} advice, not ${requestedType}`;
  }
  if (vacancy.employer && !rule.employers.includes(vacancy.employer.type)) {
    return `belongs to a ${vacancy.employer.type}: ${name} is for a ${rule.employers.join(', ')}`;
  }
  return undefined;
}

export const fileRequestRule = z
  .object({
    procedure: z.enum(EMPLOYER_PROCEDURES, {
      message:
        'must be SPOED or PRIOR_INDICERINGSROUTING: a STANDAARD request is filed by the person’s counsellor or consultant',
    }),
    personId: idRule,
    vacancyId: idRule,
    signedFormAt: calendarDateRule().refine(
      (day) => day <= today(),
      'must not be in the future: the day the candidate signed the request form',
    ),
    workplaceInformation: z
      .string()
      .trim()
      .min(
        30,
        'must describe the job, the workplace and the support you offer (at least 30 characters): VDAB handles a complete form only (000 BA6)',
      )
      .max(4000, 'must be at most 4000 characters'),
    acceptsHiringObligation: z.boolean().nullish(),
    idempotencyKey: idempotencyKeyRule,
  })
  .superRefine((filing, context) => {
    if (filing.procedure === 'SPOED' && filing.acceptsHiringObligation !== true) {
      context.addIssue({
        code: 'custom',
        path: ['acceptsHiringObligation'],
        message:
          'must be true for SPOED: every granted spoed advice must lead to the hire on this vacancy (000 BA6)',
      });
    }
  });

/**
 * The employer's filing as a request of its procedure, submitted at once: the registration form
 * is the employer's, the signed request form the candidate's, so VDAB (DGS for prior routing)
 * takes it from there. The route is ICF (the form is workplace information for the assessment,
 * and DGS investigates a prior routing through ICF); the residence is copied when VDAB takes the
 * request in hand, since the employer may not read it (B.4 b, note 11).
 */
export function filedRequest(
  fields: Pick<IndicationRequestRow, 'id' | 'personId' | 'vacancyId' | 'signedFormAt'> & {
    procedure: EmployerProcedure;
    requestedType: Type;
    filedBy: string;
    employerInformation: string;
  },
  at: Date,
): IndicationRequestRow {
  return {
    ...fields,
    route: 'ICF',
    origin: ORIGIN_OF_PROCEDURE[fields.procedure],
    consentRef: null,
    indicatorOrg: 'VDAB',
    consultantId: null,
    municipalityNisCode: null,
    status: 'SUBMITTED',
    submittedAt: at,
    infoCompleteAt: null,
    icfStartedAt: null,
    consultantAdviceAt: null,
    reviewedAt: null,
    decidedAt: null,
  };
}

/** Where a filing stands for its employer: the phases would tell the route (note 13). */
export function filingStatus(
  request: Pick<IndicationRequestRow, 'status'>,
): EnumValue<typeof FilingStatus> {
  if (request.status === 'GRANTED' || request.status === 'REFUSED') return request.status;
  return 'IN_PROGRESS';
}

/** The advice a filing asked for, once granted: not the IMW a granted CMW brings along. */
export function askedAdvice(
  request: Pick<IndicationRequestRow, 'requestedType'>,
  advices: readonly AdviceRow[],
): AdviceRow | undefined {
  return advices.find(
    (advice) =>
      advice.derivedFromId === null &&
      advice.type === request.requestedType &&
      advice.decision === 'TOEGEKEND',
  );
}
