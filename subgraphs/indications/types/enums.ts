import { domainEnum } from '../../../common/enums';

export const AdviceType = domainEnum(
  'AdviceType',
  ['CMW', 'IMW', 'AMA_SE', 'AMA_WELZIJN'],
  'Collective or individual maatwerk, or work-like activities in the social economy or welfare.',
);
export const IndicationRoute = domainEnum(
  'IndicationRoute',
  ['ATTEST', 'ICF', 'UKW'],
  'Attestation right (MB 20 Feb 2018), an ICF assessment, or the extremely-vulnerable-jobseeker status.',
);
export const IndicationProcedure = domainEnum(
  'IndicationProcedure',
  ['STANDAARD', 'SPOED', 'PRIOR_INDICERINGSROUTING'],
  'SPOED and prior routing start from an employer with an open vacancy and a candidate.',
);
export const IndicationOrigin = domainEnum('IndicationOrigin', [
  'CITIZEN_FORM',
  'VDAB_BEMIDDELAAR',
  'GTB',
  'OCMW_CONSULTANT',
  'EMPLOYER_SPOED',
  'EMPLOYER_PRIOR_ROUTING',
  'AMA_DOORSTROOM',
]);
export const IndicatorOrg = domainEnum(
  'IndicatorOrg',
  ['VDAB', 'GTB', 'OCMW', 'INTERGEMEENTELIJK'],
  'The kind of organisation that indicates.',
);
export const IndicationStatus = domainEnum(
  'IndicationStatus',
  [
    'DRAFT',
    'SUBMITTED',
    'ATTEST_RETRIEVAL',
    'VALIDATED',
    'INFO_GATHERING',
    'ICF_ASSESSED',
    'SECOND_REVIEW',
    'GRANTED',
    'REFUSED',
  ],
  'Indication state machine (DOMAIN B.2.2); SECOND_REVIEW only under the four-eyes regime.',
);
export const IndicationDecision = domainEnum(
  'IndicationDecision',
  ['GRANTED', 'REFUSED'],
  'The decision that ends an indication request.',
);
export const AttestationKind = domainEnum('AttestationKind', [
  'IT',
  'IVT',
  'VAPH_ERKENNING',
  'LED_ONDERWIJS',
  'LIGO_OF_GELIJKWAARDIG',
  'BEWIJS_DETENTIEVERLEDEN',
  'PMP_INDICATIE',
  'WERKVLOEREVALUATIEVERSLAG',
  'OTHER_MB_2018',
]);
export const AttestationSource = domainEnum('AttestationSource', [
  'FOD_SZ_DG_HAN',
  'VAPH',
  'LED',
  'VDAB',
]);
export const ObtainedVia = domainEnum(
  'ObtainedVia',
  ['DATAKOPPELING', 'UPLOAD'],
  'Pulled from the source with the citizen’s consent, or uploaded.',
);
export const IcfInput = domainEnum('IcfInput', [
  'WORKFLOOR_OBSERVATION',
  'BVS_REPORT',
  'ASSESSMENT',
  'EMPLOYER_INFO',
  'INTERMEDIARY_INFO',
]);
export const AmaReason = domainEnum('AmaReason', [
  'COGNITIEF',
  'MEDISCH',
  'PSYCHISCH',
  'PSYCHIATRISCH',
  'SOCIAAL',
]);
export const ReviewRegime = domainEnum(
  'ReviewRegime',
  ['VIER_OGEN', 'TWEE_OGEN'],
  'Four eyes: a second review by Team TOM or DGS. Two eyes: the consultant’s advice is final, with sample-based quality control.',
);
export const SecondReviewer = domainEnum('SecondReviewer', ['TEAM_TOM', 'DGS']);
export const QualityControlOutcome = domainEnum(
  'QualityControlOutcome',
  ['BEVESTIGD', 'BIJGESTUURD'],
  'Outcome of the sample-based quality control: the advice confirmed or corrected.',
);
export const AdviceBasis = domainEnum('AdviceBasis', [
  'ATTEST',
  'ICF',
  'UKW',
  'WERKVLOEREVALUATIE',
  'LEGACY_ZITTEND_2019',
]);
export const AdviceDecision = domainEnum('AdviceDecision', ['TOEGEKEND', 'GEWEIGERD']);
export const AdviceStatus = domainEnum('AdviceStatus', [
  'ACTIVE',
  'EXPIRED',
  'ENDED',
  'SUPERSEDED',
]);
export const EvaluationTrigger = domainEnum('EvaluationTrigger', [
  'MAX_5_JAAR',
  'AANVRAAG_WERKNEMER',
  'AANVRAAG_WERKGEVER',
  'AANVRAAG_VDAB',
  'EINDE_TIJDELIJK_UKW',
  'AMA_DOORSTROOM',
]);
export const EvaluationOutcome = domainEnum('EvaluationOutcome', [
  'VERLENGD',
  'INTENSITEIT_HERZIEN',
  'BEEINDIGD',
  'OMGEZET_NAAR_ANDER_ADVIES',
]);
export const ConsultantTraining = domainEnum(
  'ConsultantTraining',
  ['BASIS', 'VERDIEPINGSMODULE'],
  'ICF training followed, up to and including the verdiepingsmodule.',
);
export const SupportPremiumLevel = domainEnum(
  'SupportPremiumLevel',
  ['A', 'B', 'C', 'L'],
  'Support-premium level; the monthly amounts are configurable (DOMAIN A.6).',
);
export const PremiumIncreaseStatus = domainEnum(
  'PremiumIncreaseStatus',
  ['PENDING', 'ACCEPTED', 'REFUSED'],
  'An employer’s request to raise a support premium: waiting for VDAB, accepted with a new level, or refused with a reason.',
);
export const FilingStatus = domainEnum(
  'FilingStatus',
  ['IN_PROGRESS', 'GRANTED', 'REFUSED'],
  'Where an employer’s spoed or prior-routing filing stands, without the phases (they would tell the route, B.4 note 13).',
);
