/**
 * Purposes a mandate can grant and a request can declare (DOMAIN A.2.2). A relation in the
 * reference directory is held for one purpose, so a VDAB mediator's caseload and a VDAB ICF
 * consultant's indication files are distinct sets even within one organisation.
 */
export const Purpose = {
  OWN_FILE: 'OWN_FILE',
  TRAJECTORY_GUIDANCE: 'TRAJECTORY_GUIDANCE',
  INDICATION: 'INDICATION',
  SOCIAL_INTEGRATION: 'SOCIAL_INTEGRATION',
  EMPLOYMENT: 'EMPLOYMENT',
  /** A referred candidate's file, at the employer it is referred to (B.4 note 11). */
  CANDIDACY: 'CANDIDACY',
  /** A former employee's file, kept for the days after the placement ends (note 14). */
  FORMER_EMPLOYMENT: 'FORMER_EMPLOYMENT',
  MONITORING: 'MONITORING',
  PACT_SETTLEMENT: 'PACT_SETTLEMENT',
} as const;
export type Purpose = (typeof Purpose)[keyof typeof Purpose];

/** The legal bases a mandate rests on (DOMAIN A.2.2). */
export const LEGAL_BASES = ['CONSENT', 'SO', 'PROTOCOL', 'DECREE', 'KSZ_AUTHORISATION'] as const;

/**
 * A job coach reaches the workers assigned to them (note 14): the relation is their employer's,
 * for the purpose of coaching by that coach, e.g. `COACHING:job-coach-1`.
 */
export const coachingPurpose = (coachSub: string) => `COACHING:${coachSub}`;

/** The purposes an employer's mandate for EMPLOYMENT reaches persons by (note 11, note 14). */
export const EMPLOYER_PURPOSES: readonly string[] = [
  Purpose.EMPLOYMENT,
  Purpose.CANDIDACY,
  Purpose.FORMER_EMPLOYMENT,
];

/** Relations created by a consent carry the consent type as their purpose, e.g. `CONSENT:ATTEST_DATAKOPPELING`. */
export const consentPurpose = (consentType: string) => `CONSENT:${consentType}`;

/**
 * The candidate's opt-in (B.4 note 11): a `PROFILE_VISIBLE_TO_EMPLOYERS` consent opens their
 * identity and profile to the one employer it is given to (`employer:E-000001`), or to every
 * employer when it is given to `employers`.
 */
export const EMPLOYER_OPT_IN = consentPurpose('PROFILE_VISIBLE_TO_EMPLOYERS');
export const ALL_EMPLOYERS = 'employers';

/**
 * The candidate pool (issue 14): the holders of a valid advice, per advice type, as relations of
 * the reference directory under an organisation no caller has. Only the pool's own reader
 * (common/access/candidate-pool.ts) reads them.
 */
export const CANDIDATE_POOL_ORG = 'pool';
export const candidatePoolPurpose = (adviceType: string) => `CANDIDATE_POOL:${adviceType}`;
/** A person who asked to be left out of every employer's pool. */
export const CANDIDATE_POOL_OPT_OUT = 'CANDIDATE_POOL:OPT_OUT';
