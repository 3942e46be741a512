import { domainEnum } from '../../../common/enums';

export const EmployerType = domainEnum(
  'EmployerType',
  [
    'MAATWERKBEDRIJF',
    'MAATWERKAFDELING',
    'SOCIALE_TEWERKSTELLINGSONDERNEMING',
    'LDE_ORGANISATIE',
    'REGULIERE_WERKGEVER',
    'INTERIMKANTOOR',
    'ZELFSTANDIGE',
    'LOKAAL_BESTUUR',
  ],
  'Under individual maatwerk every employer is eligible, temp agencies and self-employed included. MAATWERKAFDELING is legacy (replaced by IM from 2023).',
);
export const Federation = domainEnum(
  'Federation',
  ['GROEP_MAATWERK', 'HERWIN', 'KOEPEL_LDE', 'NONE'],
  'The sector federation an employer belongs to.',
);
export const BelgianRegion = domainEnum(
  'BelgianRegion',
  ['VLAANDEREN', 'BRUSSEL', 'WALLONIE'],
  'Region of a municipality, read from its NIS code. Brussels employers may join IM.',
);
export const ContingentMeasure = domainEnum(
  'ContingentMeasure',
  ['CMW', 'LDE'],
  'Measures financed by a capped contingent of full-time equivalents.',
);
export const VacancyMeasure = domainEnum('VacancyMeasure', [
  'CMW',
  'IMW',
  'LDE',
  'AMA_SE_PLAATS',
  'BVS_PLAATS',
]);
export const VacancyStatus = domainEnum('VacancyStatus', ['OPEN', 'FILLED', 'CLOSED', 'CANCELLED']);
export const DutchRequirement = domainEnum(
  'DutchRequirement',
  ['NONE', 'A1', 'A2', 'B1', 'B2', 'C1'],
  'Minimum Dutch (CEFR) a vacancy asks; NONE means no Dutch is required.',
);
export const ReferralOrigin = domainEnum('ReferralOrigin', [
  'VDAB_TOELEIDING',
  'DIRECT_BY_CITIZEN',
  'SPOED',
  'PRIOR_ROUTING',
  'OCMW',
]);
export const ReferralStatus = domainEnum(
  'ReferralStatus',
  [
    'PROPOSED',
    'CONTACTED',
    'INTAKE',
    'BVS',
    'HIRED',
    'REJECTED_BY_EMPLOYER',
    'DECLINED_BY_CANDIDATE',
    'WITHDRAWN',
  ],
  'REJECTED_BY_EMPLOYER, DECLINED_BY_CANDIDATE and WITHDRAWN are failed matches and always carry failure feedback.',
);
export const FailureReason = domainEnum(
  'FailureReason',
  [
    'SKILLS_MISMATCH',
    'SUPPORT_NEED_TOO_HIGH',
    'MOBILITY',
    'HEALTH',
    'CANDIDATE_DECLINED',
    'NO_SHOW',
    'CONTRACT_TERMS',
    'JOB_NO_LONGER_AVAILABLE',
    'OTHER',
  ],
  'Why a match failed or did not last (mandatory feedback to VDAB); OTHER needs a text.',
);
export const PlacementType = domainEnum(
  'PlacementType',
  ['CMW', 'IMW', 'ENCLAVE', 'AMA_SE', 'BVS', 'TWE_OCMW', 'IBO', 'OS', 'BIS', 'WES', 'WIJK_WERKEN'],
  'ENCLAVE: paid by a maatwerkbedrijf, working inside a host company. AMA_SE is unpaid and carries no premiums.',
);
export const PlacementStatus = domainEnum('PlacementStatus', ['ACTIVE', 'ENDED']);
export const PlacementEndReason = domainEnum(
  'PlacementEndReason',
  ['DOORSTROOM_REGULIER', 'TERUGKEER_CM', 'EINDE_CONTRACT', 'ONTSLAG', 'OTHER'],
  'TERUGKEER_CM is the return guarantee from individual to collective maatwerk.',
);
export const GuideDuty = domainEnum(
  'GuideDuty',
  [
    'PRACTICAL_GUIDANCE',
    'ON_THE_JOB_COACHING',
    'WORKPLACE_ADJUSTMENTS',
    'ADAPTED_ONBOARDING',
    'COMMUNICATION',
    'ADVICE_BEYOND_WORK',
    'FOLLOW_UP',
    'INFORMATION_FOR_VDAB',
  ],
  'The eight mandatory duties of the qualified workplace guide (individual maatwerk).',
);
export const ColleagueCoachDuty = domainEnum(
  'ColleagueCoachDuty',
  ['WORKFLOOR_INTEGRATION', 'DAILY_COACHING', 'FIRST_POINT_OF_CONTACT', 'SIGNALLING'],
  'The four duties of a colleague-coach, appointed when the guide is not a direct colleague.',
);
