import type { Role } from './caller';
import type { DataCategory } from './categories';

interface Writers {
  /** The category the mutation changes (B.4 column). */
  category: DataCategory;
  /** The roles that may call it: the W cells of B.4, narrowed where a mutation's rule is. */
  roles: readonly Role[];
}

const CONSULTANTS = ['VDAB_ICF_CONSULTANT', 'LG_ICF_CONSULTANT'] as const;
/** Consultants, and the partners who file requests for the clients they guide. */
const FILERS = [...CONSULTANTS, 'VDAB_MEDIATOR', 'GTB_COUNSELLOR'] as const;
const VDAB_GUIDANCE = ['VDAB_MEDIATOR', 'GTB_COUNSELLOR'] as const;
const OCMW = ['OCMW_SOCIAL_WORKER'] as const;
/**
 * Agreements and action plans are kept by the regisseur or VDAB network manager of the area (the
 * CITY_MONITOR role of A.3). B.4 names no owner for column o, so this is a decision: each keeps
 * the agreements that cover their own municipality.
 */
const KEEPERS = ['CITY_MONITOR'] as const;

/**
 * Who may change what: every mutation of every subgraph, by name, with the category it changes
 * and the roles that may call it (DOMAIN B.4's W cells). A mutation missing here fails the
 * schema build, so a new one cannot be callable by everyone.
 */
export const MUTATION_WRITERS: Readonly<Record<string, Writers>> = {
  // persons: the leefloon client (OCMW sovereignty over assistance, exemptions, sanctions: B.7.10)
  grantSocialAssistance: { category: 'c', roles: OCMW },
  moveClient: { category: 'c', roles: OCMW },
  decideRegistrationDuty: { category: 'd', roles: OCMW },
  imposeSanction: { category: 'g', roles: OCMW },
  // The OCMW registers its client at VDAB with the client's mandate (004 p12).
  registerAtVdab: { category: 'e', roles: OCMW },
  // persons: trajectory
  startTrajectory: { category: 'f', roles: ['OCMW_SOCIAL_WORKER', 'VDAB_MEDIATOR'] },
  endTrajectory: { category: 'f', roles: ['OCMW_SOCIAL_WORKER', 'VDAB_MEDIATOR'] },
  handOverRegie: { category: 'f', roles: ['OCMW_SOCIAL_WORKER', 'VDAB_MEDIATOR'] },
  addTrajectoryAction: { category: 'f', roles: [...VDAB_GUIDANCE, ...OCMW] },
  endTrajectoryAction: { category: 'f', roles: [...VDAB_GUIDANCE, ...OCMW] },
  sendTransmission: { category: 'g', roles: VDAB_GUIDANCE },
  answerTransmission: { category: 'g', roles: OCMW },
  // persons: consents are the citizen's own
  grantConsent: { category: 'a', roles: ['CITIZEN'] },
  revokeConsent: { category: 'a', roles: ['CITIZEN'] },
  // persons: from profile to person (issue 14, note 11). The employer asks VDAB for an
  // introduction; the mediator or the partner guiding the person answers it (n: W for both).
  requestIntroduction: { category: 'n', roles: ['EMPLOYER'] },
  answerIntroductionRequest: { category: 'n', roles: VDAB_GUIDANCE },
  // indications
  createIndicationRequest: { category: 'j', roles: FILERS },
  moveIndicationRequest: { category: 'j', roles: FILERS },
  recordIndicationMilestone: { category: 'j', roles: CONSULTANTS },
  attachAttestation: { category: 'h', roles: CONSULTANTS },
  recordIcfAssessment: { category: 'i', roles: CONSULTANTS },
  decideIndicationRequest: { category: 'j', roles: CONSULTANTS },
  evaluateAdvice: { category: 'j', roles: CONSULTANTS },
  // The employer's hire fulfils a spoed advice's hiring obligation (000 BA6).
  recordSpoedHire: { category: 'j', roles: ['EMPLOYER'] },
  // The employer registers its candidate against its open vacancy: spoed or prior routing
  // (000 BA6, B.2.2 origins EMPLOYER_SPOED and EMPLOYER_PRIOR_ROUTING); VDAB handles it.
  fileEmployerIndicationRequest: { category: 'j', roles: ['EMPLOYER'] },
  // The support premium can be raised at the employer's request (003); VDAB, which sets the
  // work support package (W on k), decides.
  requestPremiumIncrease: { category: 'k', roles: ['EMPLOYER'] },
  decidePremiumIncrease: { category: 'k', roles: ['VDAB_ICF_CONSULTANT'] },
  // maatwerk
  openVacancy: { category: 'm', roles: ['EMPLOYER'] },
  moveVacancy: { category: 'm', roles: ['EMPLOYER'] },
  // VDAB and its partners refer (toeleiding); employers receive referrals and give feedback.
  proposeReferral: { category: 'n', roles: VDAB_GUIDANCE },
  moveReferral: { category: 'n', roles: [...VDAB_GUIDANCE, 'EMPLOYER'] },
  // A holder of a right applies to a maatwerkbedrijf directly (B.3): the citizen's own referral.
  applyToVacancy: { category: 'n', roles: ['CITIZEN'] },
  // …or applies to the employer, who registers it once the candidate's opt-in shows them to it.
  registerDirectApplicant: { category: 'n', roles: ['EMPLOYER'] },
  hireCandidate: { category: 'n', roles: ['EMPLOYER'] },
  endPlacement: { category: 'n', roles: ['EMPLOYER'] },
  assignJobCoach: { category: 'n', roles: ['EMPLOYER'] },
  drawUpSupportPlan: { category: 'n', roles: ['EMPLOYER'] },
  reviewSupportPlan: { category: 'n', roles: ['EMPLOYER', 'JOB_COACH'] },
  // agreements
  draftCollaborationAgreement: { category: 'o', roles: KEEPERS },
  writeAgreementRubrics: { category: 'o', roles: KEEPERS },
  moveCollaborationAgreement: { category: 'o', roles: KEEPERS },
  addActionPlan: { category: 'o', roles: KEEPERS },
  addAgreementAction: { category: 'o', roles: KEEPERS },
  moveAgreementAction: { category: 'o', roles: KEEPERS },
  invitePactParticipation: { category: 'p', roles: ['DEPARTMENT_ANALYST'] },
  movePactParticipation: { category: 'p', roles: ['DEPARTMENT_ANALYST'] },
};
