import { domainEnum } from '../../../common/enums';

export const Gender = domainEnum('Gender', ['F', 'M', 'X']);
export const EducationLevel = domainEnum(
  'EducationLevel',
  ['KORT', 'MIDDEN', 'HOOG'],
  'Low, middle or high qualified.',
);
export const LanguageLevel = domainEnum(
  'LanguageLevel',
  ['NONE', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'],
  'CEFR level.',
);
export const Mobility = domainEnum(
  'Mobility',
  ['CAR', 'PUBLIC_TRANSPORT', 'BICYCLE_OR_WALKING', 'LIMITED'],
  'How far and how a person can travel to work (VDAB matching uses proximity).',
);
export const OccupationCluster = domainEnum('OccupationCluster', [
  'BOUW_EN_HOUT',
  'DIENSTEN_AAN_PERSONEN_EN_BEDRIJVEN',
  'BUSINESS_SUPPORT_RETAIL_ICT',
  'INDUSTRIE',
  'TRANSPORT_EN_LOGISTIEK',
  'ZORG_EN_ONDERWIJS',
]);
export const LabourMarketStatus = domainEnum('LabourMarketStatus', [
  'NWWZ',
  'WZW_MULTIPROBLEMATIEK',
  'NBA_MET_UITKERING',
  'NBA_ZONDER_UITKERING',
  'WERKEND',
  'INTERIM',
]);
export const RegistrationCategory = domainEnum('RegistrationCategory', [
  'CAT_05_OCMW',
  'VRIJE_WERKZOEKENDE',
  'BEROEPSINSCHAKELINGSTIJD',
  'OTHER',
]);
export const AssistanceType = domainEnum('AssistanceType', [
  'LEEFLOON',
  'EQUIVALENT_LEEFLOON',
  'RMI_TEWERKSTELLING',
  'MAATSCHAPPELIJKE_HULP',
]);
export const SpiExemption = domainEnum(
  'SpiExemption',
  ['STUDIETRAJECT', 'STARTPERIODE_TEWERKSTELLING'],
  'Socio-professional income disregard, at most 3 years within 6.',
);
export const RegistrationDuty = domainEnum('RegistrationDuty', ['VERPLICHT', 'VRIJGESTELD']);
export const ExemptionReason = domainEnum('ExemptionReason', [
  'BILLIJKHEID',
  'GEZONDHEID',
  'NIET_ARBEIDSRIJP',
]);
export const WorkReadiness = domainEnum(
  'WorkReadiness',
  ['ARBEIDSRIJP', 'NIET_ARBEIDSRIJP', 'IN_ONDERZOEK'],
  "The OCMW's own judgement; only the OCMW decides it.",
);
export const ClientStatus = domainEnum(
  'ClientStatus',
  [
    'RMI_GRANTED',
    'SOCIAL_INVESTIGATION',
    'EXEMPT',
    'REGISTRATION_REQUIRED',
    'REGISTERED_VDAB',
    'IN_TRAJECTORY',
    'TWE_OCMW',
    'WORK',
    'NON_COMPLIANCE',
    'EXIT',
  ],
  'Lifecycle of a leefloon client (DOMAIN B.2.1).',
);
export const SanctionKind = domainEnum('SanctionKind', [
  'SCHORSING_LEEFLOON',
  'WAARSCHUWING',
  'OTHER',
]);
export const Regie = domainEnum('Regie', ['OCMW', 'VDAB'], 'Who directs the trajectory.');
export const Instrument = domainEnum('Instrument', [
  'BVS',
  'IBO',
  'OS',
  'BIS',
  'WES',
  'WIJK_WERKEN',
  'TWE_OCMW',
  'AMA_SE',
  'TRAINING',
  'NT2',
  'MENTORING',
  'JOB_SUGGESTION',
]);
export const ActionOutcome = domainEnum('ActionOutcome', [
  'ONGOING',
  'COMPLETED',
  'STOPPED_EARLY',
  'NOT_STARTED',
]);
export const TransmissionKind = domainEnum('TransmissionKind', [
  'NIET_NAKOMEN_AFSPRAKEN',
  'WERKONWILLIGHEID',
]);
export const ConsentType = domainEnum('ConsentType', [
  'ATTEST_DATAKOPPELING',
  'OCMW_INSCHRIJVINGSMANDAAT',
  'PARTNER_DOSSIER_SHARING',
  'PROFILE_VISIBLE_TO_EMPLOYERS',
]);
export const EmploymentType = domainEnum('EmploymentType', [
  'NONE',
  'REGULAR',
  'SOCIAL_ECONOMY',
  'TWE_OCMW',
  'INTERIM',
  'SELF_EMPLOYED',
]);
export const IntroductionStatus = domainEnum(
  'IntroductionStatus',
  ['REQUESTED', 'ACCEPTED', 'REFUSED'],
  'An employer’s request to be introduced to a pseudonymous candidate: waiting for VDAB, accepted (a referral follows) or refused with a reason.',
);
