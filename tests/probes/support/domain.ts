/**
 * The probes' own reading of DOMAIN.md, written by hand from the text (A.2, A.3, B.2, B.4 and its
 * notes 1–14, B.7.10, B.7.11) and NOT from common/access: a second opinion on who may read what.
 *
 * Three tables:
 *  - CATEGORY_MAP: for every field of a type that holds personal data (and every field of another
 *    type that leads into one), the B.4 column it belongs to and the notes whose minimised subset
 *    includes it;
 *  - ACCESS: role × column → full / minimal (with the note that defines the subset) / consent /
 *    none / aggregate, copied cell by cell from the B.4 matrix;
 *  - NOTES: what each note says, for the failure messages.
 */

/** Columns a–r of B.4, plus SELF for what only the citizen may see of their own file (A.2.6). */
export type Category =
  | 'a'
  | 'b'
  | 'c'
  | 'd'
  | 'e'
  | 'f'
  | 'g'
  | 'h'
  | 'i'
  | 'j'
  | 'k'
  | 'l'
  | 'm'
  | 'n'
  | 'o'
  | 'p'
  | 'q'
  | 'r'
  | 'SELF';

export const CATEGORY_NAMES: Record<Category, string> = {
  a: 'identity and contact',
  b: 'residence municipality',
  c: 'assistance status',
  d: 'exemption reason and review date',
  e: 'VDAB registration and category',
  f: 'trajectory actions and regie',
  g: 'transmissions and sanctions',
  h: 'attestations',
  i: 'ICF detail',
  j: 'advice type, status, validity',
  k: 'WOP/premiums',
  l: 'matching profile',
  m: 'vacancies',
  n: 'referral, placement, feedback',
  o: 'agreements and action plans',
  p: 'pact settlement',
  q: 'municipal aggregates',
  r: 'provincial/Flemish aggregates',
  SELF: 'the citizen’s own access log (A.2.6: only the citizen)',
};

/**
 * A note number whose minimised subset includes a field. 0 is "an unnumbered r cell": DOMAIN gives
 * no subset (k for the LG ICF consultant), so the schema's own `-minimal` tags are taken as the
 * subset there.
 */
export type Note = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14;

export const NOTES: Record<string, string> = {
  '1': 'B.4 note 1: status flag only (category 05, eq. leefloon, temporary protection until a date); no amounts or household data',
  '2': 'B.4 note 2: "exempt until" date only; a health reason is never shown',
  '3': 'B.4 note 3: attestation kind and validity; the content only with consent',
  '4': 'B.4 note 4: ICF conclusion and work-relevant support needs; no diagnoses',
  '5': 'B.4 note 5: only the vacancy linked to a spoed or prior-routing request',
  '6': 'B.4 note 6: workplace information needed for an evaluation',
  '7': 'B.4 note 7: OCMW reads VDAB steps for shared clients',
  '8': 'B.4 note 8: OCMW receives transmissions, writes feedback and sanctions',
  '9': 'B.4 note 9: advice type and validity, to support referral',
  '10': 'B.4 note 10: start, end and work outcome only, as "outflow"',
  '11': 'B.4 note 11: identity only after VDAB referral, direct application or opt-in; otherwise region, activities of interest, availability, languages, education level',
  '12': 'B.4 note 12: the work-relevant support-needs summary only',
  '13': 'B.4 note 13: "holds a valid CMW/IMW ticket until <date>"; never the route or the attestation type',
  '14': 'B.4 note 14: own employees and assigned workers only',
  'B.7.10':
    'B.7.10: OCMW sovereignty; VDAB users must not edit exemptions or sanctions; health-based exemption reasons stay at the OCMW',
  'B.7.11':
    'B.7.11: employer views are minimal; never the attestation source, leefloon status or sanctions (so no consents, OCMW mandates, TWE_OCMW or other code revealing assistance status)',
  'A.2.3':
    'A.2.3: a field outside the mandate is null with FORBIDDEN at its path; the rest still arrives; introspection hides what may never be read',
  'A.2.4':
    'A.2.4: rows outside the reference directory do not exist for the caller (NOT_FOUND, never a hint)',
  'A.2.5': 'A.2.5: aggregates only for city monitors, the department and sector federations',
  'A.2.6': 'A.2.6: only the citizen reads who consulted their file',
  'I13.8':
    'issue 13 item 8: a filter, an ordering or a count over a field is a read of its category',
  'I13.9':
    'issue 13 item 9 / A.2.4: an SO adviesbevoegdheid opens the OCMW clients of the municipalities it covers',
};

export interface FieldClass {
  category: Category;
  /** Notes whose minimised subset holds the field (empty: only a full read shows it). */
  minimalIn: Note[];
  /** Why, where the reading is not obvious (and where the schema is disagreed with). */
  why?: string;
}

const f = (category: Category, minimalIn: Note[] = [], why?: string): FieldClass => ({
  category,
  minimalIn,
  why,
});

/**
 * Object types that hold data about one citizen. Every other object type of the schema must be in
 * NON_PERSONAL_TYPES, so a new type has to be classified the day it appears.
 */
export const PERSONAL_TYPES = [
  'Person',
  'VdabRegistration',
  'SocialAssistanceRecord',
  'Sanction',
  'TemporaryProtection',
  'Trajectory',
  'TrajectoryAction',
  'Transmission',
  'Handover',
  'Consent',
  'EmploymentOutcome',
  'AccessLogEntry',
  'IndicationRequest',
  'IndicationFiling',
  'Attestation',
  'IcfAssessment',
  'Review',
  'Advice',
  'AdviceExtension',
  'WorkSupportPackage',
  'WagePremiumStep',
  'PremiumIncreaseRequest',
  'Evaluation',
  'Referral',
  'FailureFeedback',
  'Placement',
  'SupportPlan',
  'GuideDutyArrangement',
  'ColleagueCoachDutyArrangement',
  'IntroductionRequest',
  'VacancyCandidate',
  'VacancyMatch',
] as const;

export const NON_PERSONAL_TYPES = [
  'Query',
  'Mutation',
  'AccessLogConnection',
  'AccessLogEdge',
  'ActionPlan',
  'ActionPlanConnection',
  'ActionPlanEdge',
  'ActivationPactParticipation',
  'ActivationPactParticipationConnection',
  'ActivationPactParticipationEdge',
  'ActivationStatistics',
  'AdviceConnection',
  'AdviceEdge',
  'AgreementAction',
  'AgreementContact',
  'AgreementParty',
  'AgreementRubrics',
  'AgreementStatistics',
  'CollaborationAgreement',
  'CollaborationAgreementConnection',
  'CollaborationAgreementEdge',
  'Contingent',
  'Employer',
  'EmployerConnection',
  'EmployerEdge',
  'Figure',
  'FigurePart',
  'Flanders',
  'IndicationConsultant',
  'IndicationConsultantConnection',
  'IndicationConsultantEdge',
  'IndicationFilingConnection',
  'IndicationFilingEdge',
  'IndicationRequestConnection',
  'IndicationRequestEdge',
  'IndicationStatistics',
  'IntermunicipalPartnership',
  'IntermunicipalPartnershipConnection',
  'IntermunicipalPartnershipEdge',
  'MaatwerkStatistics',
  'Mandate',
  'MandateConnection',
  'MandateEdge',
  'Municipality',
  'MunicipalityConnection',
  'MunicipalityEdge',
  'PactSettlementStatistics',
  'PageInfo',
  'Period',
  'PersonConnection',
  'PersonEdge',
  'PlacementConnection',
  'PlacementEdge',
  'PremiumIncreaseRequestConnection',
  'PremiumIncreaseRequestEdge',
  'Province',
  'ReferenceRegion',
  'ReferenceRegionConnection',
  'ReferenceRegionEdge',
  'ReferralConnection',
  'ReferralEdge',
  'Regiegebied',
  'RegiegebiedConnection',
  'RegiegebiedEdge',
  'SocialAssistanceRecordConnection',
  'SocialAssistanceRecordEdge',
  'CandidateProfileConnection',
  'CandidateProfileEdge',
  'IntroductionRequestConnection',
  'IntroductionRequestEdge',
  'Vacancy',
  'VacancyConnection',
  'VacancyEdge',
  'CandidateProfile',
  'CandidateRegion',
  'CandidateLanguage',
  'CandidateRemovalConnection',
  'CandidateRemovalEdge',
  'CandidateRemoval',
  'VacancyCandidateConnection',
  'VacancyCandidateEdge',
  'VacancyMatchConnection',
  'VacancyMatchEdge',
] as const;

/**
 * Every field of a personal type, and every field elsewhere that leads into one (a link reveals
 * that the records behind it exist, so it carries a category of its own). `id` fields are the key
 * and follow the row scope (A.2.4), not a column; they are left out.
 */
// prettier-ignore
export const CATEGORY_MAP: Record<string, FieldClass> = {
  // ── Person (B.2.1) ────────────────────────────────────────────────────────────────────────────
  'Person.insz': f('a'),
  'Person.firstName': f('a'),
  'Person.lastName': f('a'),
  'Person.birthDate': f('a'),
  'Person.gender': f('a'),
  'Person.ageBand': f('a', [], 'B.2.1 lists the ageBand under Identity, beside birthDate; note 11 (the pseudonymous profile) does not list it. Schema: l-minimal'),
  'Person.educationLevel': f('l', [11]),
  'Person.dutchLevel': f('l', [11], 'note 11: languages'),
  'Person.englishLevel': f('l', [11], 'note 11: languages'),
  'Person.activityPreferences': f('l', [11], 'note 11: activities of interest'),
  'Person.mobility': f('l', [], 'B.2.1 "Matching"; note 11 lists region, activities, availability, languages, education level, not mobility. Schema: l-minimal'),
  'Person.occupationCluster': f('l', [], 'B.2.1 "Matching"; not in the note 11 list. Schema: l-minimal'),
  'Person.labourMarketStatus': f('e'),
  'Person.monthsWithoutRegularPaidJob': f('e'),
  'Person.neet': f('e'),
  'Person.inburgeraar': f('l', [], 'a civic-integration flag (B.2.1 "Flags") is not identity or contact; it is profile data for matching (language/integration needs), outside the note 11 subset, so no employer sees it. Schema: a'),
  'Person.detentionHistory': f('h', [], 'B.2.1 "sensitive"; proof of detention history is an attestation kind (BEWIJS_DETENTIEVERLEDEN)'),
  'Person.accessLog': f('SELF', [], 'A.2.6: only the citizen reads who consulted their file. Schema: a (which the mediator, OCMW, … hold in full)'),
  'Person.residence': f('b'),
  'Person.vdabRegistration': f('e'),
  'Person.vdabRegistrations': f('e'),
  'Person.socialAssistance': f('c', [1], 'the link is the "leefloon client" status flag of note 1'),
  'Person.temporaryProtections': f('c', [1], 'note 1: temporary protection until a date'),
  'Person.trajectories': f('f'),
  'Person.consents': f('a', [], 'a consent is part of the citizen’s own file; B.7.11 keeps it from employers and job coaches (see OVERRIDES)'),
  'Person.employmentOutcomes': f('n', [10], 'note 10: work outcome as outflow'),
  'Person.advices': f('j', [9, 13]),
  'Person.indicationRequests': f('j'),
  'Person.supportNeedsSummary': f('i', [4, 12]),
  'Person.referrals': f('n'),
  'Person.placements': f('n', [6, 10]),

  // ── VdabRegistration (e) ───────────────────────────────────────────────────────────────────────
  'VdabRegistration.registered': f('e'),
  'VdabRegistration.category': f('e'),
  'VdabRegistration.since': f('e'),
  'VdabRegistration.until': f('e'),
  'VdabRegistration.mediator': f('e'),
  'VdabRegistration.partnerOrg': f('e'),
  'VdabRegistration.onSamenwerkingslijn': f('e'),

  // ── SocialAssistanceRecord (c, d, g) ───────────────────────────────────────────────────────────
  'SocialAssistanceRecord.ocmwNisCode': f('c', [1], 'the same fact as `ocmw` (which the schema tags c-minimal); two fields, one fact, one category. Schema: c'),
  'SocialAssistanceRecord.ocmw': f('c', [1], 'which OCMW to hand over to / send transmissions to'),
  'SocialAssistanceRecord.type': f('c', [1], 'note 1: the status flag (leefloon, eq. leefloon, …)'),
  'SocialAssistanceRecord.person': f('c', [1]),
  'SocialAssistanceRecord.gpmi': f('c'),
  'SocialAssistanceRecord.grantedAt': f('c'),
  'SocialAssistanceRecord.endedAt': f('c'),
  'SocialAssistanceRecord.clientStatus': f('c', [], 'the leefloon lifecycle reveals EXEMPT, NON_COMPLIANCE, TWE_OCMW: more than a flag'),
  'SocialAssistanceRecord.spiExemption': f('c'),
  'SocialAssistanceRecord.spiExemptionFrom': f('c'),
  'SocialAssistanceRecord.spiExemptionUntil': f('c'),
  'SocialAssistanceRecord.lastSocialInvestigation': f('c'),
  'SocialAssistanceRecord.registrationDuty': f('d', [2], 'note 2 / B.4 actors: "whether … exempt (not why)"'),
  'SocialAssistanceRecord.exemptionReviewDue': f('d', [2], 'note 2: the "exempt until" date'),
  'SocialAssistanceRecord.exemptionReason': f('d', [], 'note 2 / B.7.10: the reason stays at the OCMW'),
  'SocialAssistanceRecord.workReadiness': f('d', [], 'B.2.1: workReadinessJudgement, OCMW only'),
  'SocialAssistanceRecord.sanctions': f('g'),
  'Sanction.kind': f('g'),
  'Sanction.imposedAt': f('g'),
  'Sanction.until': f('g'),
  'Sanction.motivation': f('g'),

  // ── TemporaryProtection (c) ────────────────────────────────────────────────────────────────────
  'TemporaryProtection.dvzRegisteredAt': f('c'),
  'TemporaryProtection.validUntil': f('c', [1]),
  'TemporaryProtection.equivalentLeefloon': f('c', [1]),

  // ── Trajectory (f, g) ──────────────────────────────────────────────────────────────────────────
  'Trajectory.regie': f('f'),
  'Trajectory.startedAt': f('f'),
  'Trajectory.endedAt': f('f'),
  'Trajectory.actions': f('f'),
  'Trajectory.handovers': f('f'),
  'Trajectory.transmissions': f('g'),
  'TrajectoryAction.instrument': f('f'),
  'TrajectoryAction.provider': f('f'),
  'TrajectoryAction.startDate': f('f'),
  'TrajectoryAction.endDate': f('f'),
  'TrajectoryAction.outcome': f('f'),
  'Handover.fromRegie': f('f'),
  'Handover.toRegie': f('f'),
  'Handover.handedOverAt': f('f'),
  'Handover.note': f('f'),
  'Transmission.kind': f('g'),
  'Transmission.sentAt': f('g'),
  'Transmission.description': f('g'),
  'Transmission.ocmwFeedback': f('g'),
  'Transmission.feedbackAt': f('g'),
  'Transmission.awaitingFeedback': f('g'),

  // ── Consent (a, with the B.7.11 override) ──────────────────────────────────────────────────────
  'Consent.type': f('a'),
  'Consent.grantedTo': f('a'),
  'Consent.scope': f('a'),
  'Consent.grantedAt': f('a'),
  'Consent.revokedAt': f('a'),

  // ── EmploymentOutcome (n, note 10) ─────────────────────────────────────────────────────────────
  'EmploymentOutcome.referenceDate': f('n', [10]),
  'EmploymentOutcome.employed': f('n', [10]),
  'EmploymentOutcome.employmentType': f('n', [10]),

  // ── AccessLogEntry (SELF) ──────────────────────────────────────────────────────────────────────
  'AccessLogEntry.at': f('SELF', [], 'A.2.6. Schema: no category at all'),
  'AccessLogEntry.organisation': f('SELF', [], 'A.2.6. Schema: no category at all'),
  'AccessLogEntry.purpose': f('SELF', [], 'A.2.6. Schema: no category at all'),
  'AccessLogEntry.sources': f('SELF', [], 'A.2.6. Schema: no category at all'),

  // ── IndicationRequest (j; links into b, h, i, m) ───────────────────────────────────────────────
  'IndicationRequest.requestedType': f('j'),
  'IndicationRequest.route': f('j', [], 'note 13: never the route'),
  'IndicationRequest.procedure': f('j'),
  'IndicationRequest.origin': f('j'),
  'IndicationRequest.signedFormAt': f('j'),
  'IndicationRequest.consentRef': f('j'),
  'IndicationRequest.indicatorOrg': f('j'),
  'IndicationRequest.submittedAt': f('j'),
  'IndicationRequest.infoCompleteAt': f('j'),
  'IndicationRequest.icfStartedAt': f('j'),
  'IndicationRequest.consultantAdviceAt': f('j'),
  'IndicationRequest.reviewedAt': f('j'),
  'IndicationRequest.decidedAt': f('j'),
  'IndicationRequest.status': f('j'),
  'IndicationRequest.person': f('j'),
  'IndicationRequest.municipality': f('b'),
  'IndicationRequest.vacancy': f('m', [5], 'note 5: the vacancy linked to a spoed / prior-routing request'),
  'IndicationRequest.consultant': f('j'),
  'IndicationRequest.attestations': f('h', [3], 'the link to kind and validity (note 3)'),
  'IndicationRequest.icfAssessment': f('i', [4, 12], 'the link to the conclusion / support needs'),
  'IndicationRequest.review': f('j'),
  'IndicationRequest.advices': f('j'),
  'IndicationRequest.employerInformation': f('j', [], 'the employer’s registration form, for VDAB'),
  'IndicationRequest.filedBy': f('j'),
  // An employer's own spoed / prior-routing filing (issue 14): what it filed and how it ended,
  // in its note-13 view; never the route, the phases or the attestations.
  'IndicationFiling.procedure': f('j', [13], 'the employer’s own filing'),
  'IndicationFiling.requestedType': f('j', [13], 'the ticket asked: the vacancy’s measure'),
  'IndicationFiling.signedFormAt': f('j', [13], 'the employer’s own filing'),
  'IndicationFiling.submittedAt': f('j', [13], 'the employer’s own filing'),
  'IndicationFiling.decidedAt': f('j', [13], 'the employer’s own filing'),
  'IndicationFiling.status': f('j', [13], 'in progress, granted or refused: no phase (note 13)'),
  'IndicationFiling.person': f('j', [13]),
  'IndicationFiling.ticketValidUntil': f('j', [13], 'note 13: "until <date>"'),
  'IndicationFiling.openHireObligation': f('j', [13], 'the employer’s own hiring obligation (000 BA6)'),
  'IndicationFiling.vacancy': f('m', [5], 'note 5: the vacancy linked to a spoed / prior-routing request'),

  // ── Attestation (h) ────────────────────────────────────────────────────────────────────────────
  'Attestation.kind': f('h', [3]),
  'Attestation.validFrom': f('h', [3]),
  'Attestation.validUntil': f('h', [3]),
  'Attestation.source': f('h', [], 'note 3 (content) / B.7.11: IT/IVT/VAPH source'),
  'Attestation.obtainedVia': f('h'),

  // ── IcfAssessment (i) ──────────────────────────────────────────────────────────────────────────
  'IcfAssessment.inputs': f('i'),
  'IcfAssessment.impairments': f('i', [], 'note 4: no diagnoses'),
  'IcfAssessment.activityLimitations': f('i'),
  'IcfAssessment.personalAndExternalFactors': f('i'),
  'IcfAssessment.amaReasons': f('i'),
  'IcfAssessment.icfScore': f('i'),
  'IcfAssessment.conclusion': f('i', [4], 'note 4 only; note 12 gives the employer the support needs alone'),
  'IcfAssessment.workRelevantSupportNeeds': f('i', [4, 12]),
  'IcfAssessment.assessedAt': f('i'),
  'IcfAssessment.consultant': f('i'),

  // ── Review (j) ─────────────────────────────────────────────────────────────────────────────────
  'Review.regime': f('j'),
  'Review.secondReviewer': f('j'),
  'Review.sampledForQualityControl': f('j'),
  'Review.qcOutcome': f('j'),
  'Review.reviewedAt': f('j'),

  // ── Advice (j; link into k) ────────────────────────────────────────────────────────────────────
  'Advice.type': f('j', [9, 13]),
  'Advice.status': f('j', [9, 13], 'note 13: "holds a valid ticket"'),
  'Advice.validUntil': f('j', [9, 13], 'note 13: "until <date>"'),
  'Advice.validFrom': f('j', [9], 'note 9: validity; note 13 gives only "until <date>"'),
  'Advice.person': f('j', [9, 13]),
  'Advice.basis': f('j', [], 'note 13: never the route (ATTEST reveals an attestation)'),
  'Advice.temporary': f('j', [], 'a temporary advice reveals the UKW (extremely vulnerable) status'),
  'Advice.decision': f('j'),
  'Advice.decidedAt': f('j'),
  'Advice.extensions': f('j'),
  'Advice.endedAt': f('j'),
  'Advice.hiredAt': f('j'),
  'Advice.request': f('j'),
  'Advice.openHireObligation': f('j'),
  'Advice.workSupportPackage': f('k', [0]),
  'Advice.evaluations': f('j'),
  'Advice.derivedFrom': f('j'),
  'Advice.derivedAdvices': f('j'),
  'AdviceExtension.extendedAt': f('j', [], 'Schema: no category at all'),
  'AdviceExtension.previousValidUntil': f('j', [], 'Schema: no category at all'),
  'AdviceExtension.newValidUntil': f('j', [], 'Schema: no category at all'),
  'AdviceExtension.evaluationId': f('j', [], 'Schema: no category at all'),

  // ── WorkSupportPackage (k) ─────────────────────────────────────────────────────────────────────
  'WorkSupportPackage.wagePremiumPct': f('k', [0]),
  'WorkSupportPackage.wagePremiumSchedule': f('k'),
  'WorkSupportPackage.supportPremiumLevel': f('k', [0]),
  'WorkSupportPackage.supportPremiumCents': f('k'),
  'WorkSupportPackage.intensity': f('k', [0]),
  'WorkSupportPackage.durationMonths': f('k', [0]),
  'WorkSupportPackage.increaseRequests': f('k'),
  'WagePremiumStep.fromMonth': f('k', [], 'Schema: no category at all'),
  'WagePremiumStep.pct': f('k', [], 'Schema: no category at all'),
  'PremiumIncreaseRequest.requestedAt': f('k', [], 'Schema: no category at all'),
  'PremiumIncreaseRequest.motivation': f('k', [], 'Schema: no category at all'),
  'PremiumIncreaseRequest.outcome': f('k', [], 'Schema: no category at all'),
  'PremiumIncreaseRequest.employer': f('k', [], 'Schema: no category at all'),
  'PremiumIncreaseRequest.levelAtRequest': f('k'),
  'PremiumIncreaseRequest.requestedLevel': f('k'),
  'PremiumIncreaseRequest.status': f('k'),
  'PremiumIncreaseRequest.decidedAt': f('k'),
  'PremiumIncreaseRequest.newLevel': f('k'),
  'PremiumIncreaseRequest.refusalReason': f('k'),
  'PremiumIncreaseRequest.advice': f('k', [], 'the package the request is about: premiums (k)'),

  // ── Evaluation (j; placement link n) ───────────────────────────────────────────────────────────
  'Evaluation.trigger': f('j'),
  'Evaluation.expert': f('j'),
  'Evaluation.evaluatedAt': f('j'),
  'Evaluation.outcome': f('j'),
  'Evaluation.placementId': f('n', [6], 'where the person works (workplace-dependent evaluation)'),

  // ── Referral (n) ───────────────────────────────────────────────────────────────────────────────
  'Referral.origin': f('n', [], 'value OCMW reveals an OCMW client (B.7.11)'),
  'Referral.matchBasis': f('n'),
  'Referral.status': f('n'),
  'Referral.proposedAt': f('n'),
  'Referral.statusChangedAt': f('n'),
  'Referral.person': f('n'),
  'Referral.vacancy': f('n'),
  'Referral.employer': f('n'),
  'Referral.placement': f('n'),
  'Referral.failureFeedback': f('n'),
  'FailureFeedback.reasonCode': f('n'),
  'FailureFeedback.text': f('n'),
  'FailureFeedback.givenAt': f('n'),

  // ── Placement (n; wopRef k) ────────────────────────────────────────────────────────────────────
  'Placement.type': f('n', [6], 'note 6: workplace information; note 10 gives the OCMW start, end and outcome only'),
  'Placement.startDate': f('n', [6, 10]),
  'Placement.endDate': f('n', [6, 10]),
  'Placement.status': f('n', [6, 10]),
  'Placement.endReason': f('n', [6, 10], 'note 10: the work outcome'),
  'Placement.sustained': f('n', [6, 10], 'note 10: the work outcome'),
  'Placement.fte': f('n', [6], 'workplace information; not in note 10'),
  'Placement.person': f('n', [6, 10]),
  'Placement.employer': f('n', [6], 'workplace information; not in note 10 ("only")'),
  'Placement.hostEmployer': f('n', [6], 'for an enclave the host IS the workplace (note 6). Schema: n'),
  'Placement.wopRef': f('k', [], 'the id of the work support package: reveals premiums (k). Schema: n'),
  'Placement.qualifiedGuide': f('n'),
  'Placement.colleagueCoach': f('n'),
  'Placement.jobCoach': f('n'),
  'Placement.unpaid': f('n'),
  'Placement.advice': f('n'),
  'Placement.referral': f('n'),
  'Placement.supportPlan': f('n'),
  'SupportPlan.drawnUpAt': f('n'),
  'SupportPlan.guideIsDirectColleague': f('n'),
  'SupportPlan.reviewDates': f('n'),
  'SupportPlan.guideDuties': f('n'),
  'SupportPlan.colleagueCoachDuties': f('n'),
  'GuideDutyArrangement.duty': f('n'),
  'GuideDutyArrangement.description': f('n'),
  'GuideDutyArrangement.arrangement': f('n'),
  'ColleagueCoachDutyArrangement.duty': f('n'),
  'ColleagueCoachDutyArrangement.description': f('n'),
  'ColleagueCoachDutyArrangement.arrangement': f('n'),

  // ── CandidateProfile (l, note 11: the pseudonymous profile before any referral) ───────────────
  'CandidateProfile.pseudonym': f('l', [11], 'issue 14: the name an employer knows a pool member by'),
  'CandidateProfile.region': f('l', [11], 'note 11: region (generalised to k-anonymity)'),
  'CandidateProfile.ageBand': f('l', [11], 'issue 14: a quasi-identifier generalised to k-anonymity, not the birth date'),
  'CandidateProfile.activityPreferences': f('l', [11], 'note 11: activities of interest'),
  'CandidateProfile.availableFrom': f('l', [11], 'note 11: availability'),
  'CandidateProfile.languages': f('l', [11], 'note 11: languages'),
  'CandidateProfile.educationLevel': f('l', [11], 'note 11: education level'),
  'CandidateProfile.mobility': f('l', [11], 'issue 14 puts mobility in the profile; one of four travel modes, no place'),
  'CandidateProfile.measure': f('j', [13], 'note 13: holds a valid ticket of a type'),
  'CandidateProfile.ticketValidUntil': f('j', [13], 'note 13: … until <date>'),
  'CandidateProfile.score': f('l', [11], 'computed from the profile as shown'),
  'CandidateProfile.why': f('l', [11], 'computed from the profile as shown'),
  'CandidateRegion.level': f('l', [11]),
  'CandidateRegion.code': f('l', [11]),
  'CandidateRegion.name': f('l', [11]),
  'CandidateLanguage.language': f('l', [11]),
  'CandidateLanguage.level': f('l', [11]),
  'CandidateProfile.identityOpen': f('l', [11], 'issue 14: that a referral, application, opt-in or employment opened the identity; says no more than the row scope'),

  // ── IntroductionRequest (n: a step towards a referral, issue 14 / note 11) ────────────────────
  'IntroductionRequest.pseudonym': f('n', [], 'the employer’s own name for the candidate'),
  'IntroductionRequest.status': f('n'),
  'IntroductionRequest.requestedAt': f('n'),
  'IntroductionRequest.answeredAt': f('n'),
  'IntroductionRequest.answeredBy': f('n'),
  'IntroductionRequest.refusalReason': f('n', [], 'VDAB’s feedback to the employer on a refused match, like a referral’s'),
  'IntroductionRequest.referralId': f('n'),
  'IntroductionRequest.vacancy': f('n'),
  'IntroductionRequest.person': f('n', [], 'the link; the person’s own fields carry their categories and the reader’s row scope'),

  // ── links from other types into personal data ──────────────────────────────────────────────────
  'Query.me': f('SELF', [], 'A.2.6 / issue 13 item 8: the citizen’s own view. Schema: a'),
  'Query.person': f('a'),
  'Query.persons': f('a'),
  'Query.advices': f('j', [9, 13]),
  'Query.advice': f('j', [9, 13]),
  'Query.indicationRequests': f('j'),
  'Query.indicationRequest': f('j'),
  'Query.indicationFilings': f('j', [13], 'an employer’s own spoed / prior-routing filings'),
  'Query.premiumIncreaseRequests': f('k'),
  'Query.placements': f('n', [6, 10]),
  'Query.placement': f('n', [6, 10]),
  'Query.referrals': f('n'),
  'Query.referral': f('n'),
  'Query.socialAssistanceRecords': f('c', [1]),
  'Query.candidates': f('l', [11], 'issue 14: the employers’ pseudonymous pool'),
  'Query.introductionRequests': f('n', [], 'issue 14: the employer’s own requests, VDAB’s caseload'),
  'Query.personByPseudonym': f('a', [], 'note 11: the identity, once a referral, application or opt-in opened it'),
  'Municipality.residents': f('b', [], 'listing the persons who live somewhere is a read of where they live (b), a filter on residence (issue 13 item 8). Schema: a'),
  'Employer.placements': f('n'),
  'Vacancy.referrals': f('n'),
  'Query.candidatesRemoved': f('l', [11], 'issue 14: the pseudonyms that left an employer’s pool, for its nightly sync'),
  'CandidateRemoval.pseudonym': f('l', [11], 'issue 14: the name an employer knows a pool member by'),

  // ── Matching for VDAB and GTB (issue 14: the pool's ranking, with identities, in the caseload) ─
  'Vacancy.candidates': f('l', [], 'issue 14: the matching profile in full (R/W for VDAB and GTB), not note 11’s pseudonymous subset'),
  'Person.matchingVacancies': f('l', [], 'issue 14: vacancies ranked by the person’s matching profile'),
  'VacancyCandidate.person': f('l', [], 'the link from a match to the person: the match is their matching profile'),
  'VacancyCandidate.score': f('l'),
  'VacancyCandidate.why': f('l'),
  'VacancyCandidate.availableFrom': f('l', [], 'note 11: availability (here with the identity)'),
  'VacancyCandidate.measure': f('j', [], 'the advice type of the ticket matched'),
  'VacancyCandidate.ticketValidUntil': f('j', [], 'the validity of the ticket matched'),
  'VacancyMatch.vacancy': f('l', [], 'which vacancies fit a person says what their profile is'),
  'VacancyMatch.score': f('l'),
  'VacancyMatch.why': f('l'),
  'VacancyMatch.measure': f('j', [], 'the advice type of the ticket matched'),
};

/**
 * Filter arguments of list fields that select on a personal attribute: a filter is a read of that
 * attribute's category (issue 13 item 8). Keyed `Type.field(argument)`.
 */
// prettier-ignore
export const FILTER_MAP: Record<string, FieldClass> = {
  'Query.persons(residenceNisCode)': f('b'),
  'Query.candidates(vacancyId)': f('l', [11]),
  'Query.candidates(changedSince)': f('l', [11]),
  'Query.candidatesRemoved(vacancyId)': f('l', [11]),
  'Query.candidatesRemoved(changedSince)': f('l', [11]),
  'Query.persons(validAdvice)': f('j', [9], 'issue 14: holds a valid advice; type and validity are note 9’s view for an OCMW'),
  'Query.persons(measure)': f('j', [9], 'issue 14: the type of a valid advice'),
  'Query.persons(activity)': f('l', [11], 'note 11: activities of interest'),
  'Query.persons(mobility)': f('l', [], 'B.2.1 "Matching"; not in note 11'),
  'Query.persons(region)': f('b', [], 'residence, by the area that holds it'),
  'Query.vacancies(changedSince)': f('m'),
  'Query.referrals(changedSince)': f('n'),
  'Query.placements(changedSince)': f('n', [6, 10], 'when a placement last changed: start, end (note 10) or workplace (note 6)'),
  'Query.persons(labourMarketStatus)': f('e'),
  'Query.persons(registeredAtVdab)': f('e'),
  'Query.socialAssistanceRecords(ocmwNisCode)': f('c', [1]),
  'Query.socialAssistanceRecords(type)': f('c', [1]),
  'Query.socialAssistanceRecords(clientStatus)': f('c'),
  'Query.advices(type)': f('j', [9, 13]),
  'Query.advices(status)': f('j', [9, 13]),
  'Query.advices(validOn)': f('j', [9, 13]),
  'Query.indicationRequests(status)': f('j'),
  'Query.indicationRequests(requestedType)': f('j'),
  'Query.indicationRequests(route)': f('j'),
  'Query.indicationRequests(procedure)': f('j'),
  'Query.indicationRequests(decidedFrom)': f('j'),
  'Query.indicationRequests(decidedTo)': f('j'),
  'Query.indicationFilings(vacancyId)': f('j', [13], 'the employer’s own filings on its vacancy'),
  'Query.premiumIncreaseRequests(status)': f('k'),
  'Query.placements(employerId)': f('n', [6]),
  'Query.placements(status)': f('n', [6, 10]),
  'Query.placements(type)': f('n', [6]),
  'Query.referrals(employerId)': f('n'),
  'Query.referrals(vacancyId)': f('n'),
  'Query.referrals(status)': f('n'),
  'Query.introductionRequests(status)': f('n'),
};

/** Arguments of list fields that pick rows by key or page through them: no category of their own. */
export const NEUTRAL_ARGUMENTS = new Set([
  'first',
  'after',
  'personId',
  'id',
  'nisCode',
  'period',
  // The employer's own key for a candidate (issue 14), looked up within its row scope.
  'pseudonym',
]);

// ── B.4, the matrix, cell by cell ──────────────────────────────────────────────────────────────────

export type Role =
  | 'CITIZEN'
  | 'VDAB_MEDIATOR'
  | 'VDAB_ICF_CONSULTANT'
  | 'GTB_COUNSELLOR'
  | 'OCMW_SOCIAL_WORKER'
  | 'LG_ICF_CONSULTANT'
  | 'EMPLOYER'
  | 'JOB_COACH'
  | 'CITY_MONITOR'
  | 'DEPARTMENT_ANALYST'
  | 'SECTOR_FEDERATION';

/**
 * One cell. `full`: R, W, R/W. `minimal`: r with the note that gives the subset. `consent`: C, R·C,
 * W·C: the level `with` when the person gave the caller's organisation a consent of `consentType`,
 * else `without`. `ownEmployees`: note 14 (R¹⁴), full for persons with a running placement at the
 * caller's employer, else none. `aggregate`: A (no person-level field). `none`: –.
 */
export type Cell =
  | { level: 'full' }
  | { level: 'minimal'; note: Note }
  | { level: 'consent'; consentType: string; with: Cell; without: Cell }
  | { level: 'ownEmployees' }
  | { level: 'aggregate' }
  | { level: 'none' };

const R: Cell = { level: 'full' };
const N: Cell = { level: 'none' };
const A: Cell = { level: 'aggregate' };
const r = (note: Note): Cell => ({ level: 'minimal', note });
const C = (consentType: string, without: Cell = N, withConsent: Cell = R): Cell => ({
  level: 'consent',
  consentType,
  with: withConsent,
  without,
});

type Row = Record<Exclude<Category, 'SELF'>, Cell>;
const row = (cells: Cell[]): Row => {
  const keys = 'abcdefghijklmnopqr'.split('') as Exclude<Category, 'SELF'>[];
  return Object.fromEntries(keys.map((k, i) => [k, cells[i]])) as Row;
};

/**
 * B.4 "Proposed access matrix", its [proposal] cells taken as decisions (A.3). Unnumbered r cells:
 * l of the OCMW follows note 11 (the only subset DOMAIN defines for l); k of the LG ICF consultant
 * and o/p cells have no subset in DOMAIN (note 0: the schema's minimal tags). The employer's a
 * (C¹¹) is met for every person in its row scope, since the referral, the direct application or the
 * opt-in that opens the row is what note 11 names; its b (r) is "region" (note 11), which no field
 * of the schema gives, so `residence` is refused.
 */
// prettier-ignore
export const ACCESS: Record<Role, Row> = {
  //                     a  b  c     d     e                                  f  g  h                                        i     j      k                      l      m     n      o     p     q  r
  CITIZEN:            row([R, R, R,    R,    R,                                 R, R, R,                                       R,    R,     R,                     R,     R,    R,     N,    N,    A, A]),
  VDAB_MEDIATOR:      row([R, R, r(1), r(2), R,                                 R, R, C('ATTEST_DATAKOPPELING', r(3)),         r(4), R,     R,                     R,     R,    R,     r(0), N,    A, A]),
  VDAB_ICF_CONSULTANT:row([R, R, r(1), N,    R,                                 R, N, C('ATTEST_DATAKOPPELING'),               R,    R,     R,                     R,     r(5), r(6),  N,    N,    A, A]),
  GTB_COUNSELLOR:     row([R, R, r(1), r(2), R,                                 R, R, C('ATTEST_DATAKOPPELING'),               r(4), R,     R,                     R,     R,    R,     N,    N,    A, A]),
  OCMW_SOCIAL_WORKER: row([R, R, R,    R,    C('OCMW_INSCHRIJVINGSMANDAAT'),    R, R, N,                                       N,    r(9),  N,                     r(11), R,    r(10), R,    r(0), R, A]),
  LG_ICF_CONSULTANT:  row([R, R, R,    r(2), R,                                 R, N, C('ATTEST_DATAKOPPELING'),               R,    R,     r(0),                  R,     N,    N,     r(0), N,    A, A]),
  EMPLOYER:           row([R, r(11), N, N,   N,                                 N, N, N,                                       r(12),r(13), { level: 'ownEmployees' }, r(11), R, R,     N,    N,    N, A]),
  JOB_COACH:          row([R, N, N,    N,    N,                                 N, N, N,                                       r(12),r(13), N,                     N,     N,    R,     N,    N,    N, N]),
  CITY_MONITOR:       row([N, N, N,    N,    N,                                 N, N, N,                                       N,    N,     N,                     N,     N,    N,     R,    R,    R, A]),
  DEPARTMENT_ANALYST: row([N, N, N,    N,    N,                                 N, N, N,                                       N,    N,     N,                     N,     N,    N,     R,    R,    A, A]),
  SECTOR_FEDERATION:  row([N, N, N,    N,    N,                                 N, N, N,                                       N,    N,     N,                     N,     N,    N,     N,    N,    A, A]),
};

/** The cell for a category, SELF included (the citizen only). */
export function cellFor(role: Role, category: Category): Cell {
  if (category === 'SELF') return role === 'CITIZEN' ? R : N;
  return ACCESS[role][category];
}

/**
 * Field-level exceptions to the matrix that DOMAIN states elsewhere, keyed `Type.field` (or
 * `Type.*` for every field of a type).
 */
export const OVERRIDES: { key: string; roles: Role[]; note: string; why: string }[] = [
  {
    key: 'Person.consents',
    roles: ['EMPLOYER', 'JOB_COACH'],
    note: 'B.7.11',
    why: 'consents show an OCMW_INSCHRIJVINGSMANDAAT: OCMW-client status',
  },
  {
    key: 'Consent.*',
    roles: ['EMPLOYER', 'JOB_COACH'],
    note: 'B.7.11',
    why: 'consents show an OCMW_INSCHRIJVINGSMANDAAT: OCMW-client status',
  },
];

/**
 * Enum values an employer or job coach never receives, whatever field they arrive in: they reveal
 * assistance status (B.7.11) or the route / attestation type (note 13). Keyed by enum type.
 */
export const EMPLOYER_NEVER_VALUES: Record<string, { values: string[] | '*'; note: string }> = {
  ClientStatus: { values: '*', note: 'B.7.11' },
  AssistanceType: { values: '*', note: 'B.7.11' },
  RegistrationDuty: { values: '*', note: 'B.7.11' },
  ExemptionReason: { values: '*', note: 'B.7.11' },
  SanctionKind: { values: '*', note: 'B.7.11' },
  TransmissionKind: { values: '*', note: 'B.7.11' },
  ConsentType: { values: ['OCMW_INSCHRIJVINGSMANDAAT'], note: 'B.7.11' },
  EmploymentType: { values: ['TWE_OCMW'], note: 'B.7.11' },
  PlacementType: { values: ['TWE_OCMW'], note: 'B.7.11' },
  Instrument: { values: ['TWE_OCMW'], note: 'B.7.11' },
  ReferralOrigin: { values: ['OCMW'], note: 'B.7.11' },
  IndicationOrigin: { values: ['OCMW_CONSULTANT'], note: 'B.7.11' },
  IndicatorOrg: { values: ['OCMW'], note: 'B.7.11' },
  RegistrationCategory: { values: ['CAT_05_OCMW'], note: 'B.7.11' },
  AttestationSource: { values: '*', note: '13' },
  AttestationKind: { values: '*', note: '13' },
  AdviceBasis: { values: '*', note: '13' },
  IndicationRoute: { values: '*', note: '13' },
};

/** The demo personas of A.3, by hand. */
export const PERSONA_ROLES: Record<string, Role> = {
  citizen: 'CITIZEN',
  'vdab-mediator': 'VDAB_MEDIATOR',
  'vdab-icf-consultant': 'VDAB_ICF_CONSULTANT',
  'gtb-counsellor': 'GTB_COUNSELLOR',
  'ocmw-gent': 'OCMW_SOCIAL_WORKER',
  'ocmw-antwerpen': 'OCMW_SOCIAL_WORKER',
  'icf-consultant-gent': 'LG_ICF_CONSULTANT',
  'employer-1': 'EMPLOYER',
  'job-coach-1': 'JOB_COACH',
  'monitor-gent': 'CITY_MONITOR',
  'monitor-antwerpen': 'CITY_MONITOR',
  'department-analyst': 'DEPARTMENT_ANALYST',
  'sector-federation': 'SECTOR_FEDERATION',
};

export const AGGREGATE_ROLES: Role[] = ['CITY_MONITOR', 'DEPARTMENT_ANALYST', 'SECTOR_FEDERATION'];

export const PERSONAS = Object.keys(PERSONA_ROLES);
