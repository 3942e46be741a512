import { LEGAL_BASES } from '../../../common/access/purposes';
import { domainEnum } from '../../../common/enums';

export const AgreementType = domainEnum(
  'AgreementType',
  [
    'SO_VDAB_LOKAAL_BESTUUR',
    'SO_ADVIESBEVOEGDHEID_INDICERING',
    'VDAB_VVSG_PARTNERSCHAP',
    'WERKINGSKADER',
    'VL_FED_SAMENWERKINGSAKKOORD',
    'PROTOCOL_VDAB_MAATWERKSECTOR',
    'LOKAAL_PARTNERSCHAP',
  ],
  'The kind of collaboration agreement. The SO adviesbevoegdheid indicering is distinct from the general SO.',
);
export const AgreementStatus = domainEnum(
  'AgreementStatus',
  ['DRAFT', 'SIGNED', 'ACTIVE', 'EVALUATION', 'RENEWED', 'EXPIRED'],
  'Agreement lifecycle (DOMAIN B.2.4).',
);
export const AgreementTargetGroup = domainEnum(
  'AgreementTargetGroup',
  ['WZW_MULTI', 'LEEFLOON_EQ', 'NBAZU', 'NBA_MET_UITKERING'],
  'Jobseekers with multiple problems, (equivalent) leefloon recipients, non-active persons without and with a benefit.',
);
export const ActionStatus = domainEnum('ActionStatus', [
  'PLANNED',
  'IN_PROGRESS',
  'DONE',
  'DELAYED',
  'CANCELLED',
]);
export const PactStatus = domainEnum(
  'PactStatus',
  [
    'INVITED',
    'CONFIRMED',
    'PLAN_ALIGNED',
    'RESULT_PERIOD',
    'REPORTED',
    'SETTLED',
    'PAID',
    'DECLINED',
  ],
  'Lifecycle of a local activation pact participation (DOMAIN B.2.4).',
);
export const PartyKind = domainEnum('PartyKind', [
  'VDAB',
  'MUNICIPALITY',
  'INTERMUNICIPAL_PARTNERSHIP',
  'REGIEGEBIED',
  'VVSG',
  'MAATWERKSECTOR',
  'OTHER',
]);
export const PartnershipKind = domainEnum(
  'PartnershipKind',
  ['SE_EN_WERK', 'LOKAAL_PARTNERSCHAP', 'OTHER'],
  'An intermunicipal body for social economy and work, or an ESF-funded local partnership (2024-2029).',
);
// The values are the access schema's own pg enum, so the view can never drift from the table.
export const LegalBasis = domainEnum(
  'LegalBasis',
  LEGAL_BASES,
  'The legal ground of a data-sharing mandate.',
);
