import { z } from 'zod';

import type { DirectoryFact } from '../../../common/access/directory';

import type { EnumValue } from '../../../common/enums';
import { idempotencyKeyRule, idRule } from '../../../common/workflow/input';
import { Lifecycle } from '../../../common/workflow/lifecycle';
import type { ConsentRow } from '../tables';
import { ConsentType } from '../types/enums';

type Type = EnumValue<typeof ConsentType>;

/** To whom each kind of consent can be given (DOMAIN B.2.1, B.4 principles). */
const RECIPIENTS: Record<Type, { pattern: RegExp; example: string }> = {
  // Attestations are pulled by the indicating organisation: VDAB, GTB or a local government.
  ATTEST_DATAKOPPELING: { pattern: /^(vdab|gtb|lg:\d{5})$/, example: 'vdab, gtb or lg:44021' },
  // The citizen mandates the OCMW social worker to register them at VDAB (004 p12).
  OCMW_INSCHRIJVINGSMANDAAT: { pattern: /^ocmw:\d{5}$/, example: 'ocmw:44021' },
  PARTNER_DOSSIER_SHARING: { pattern: /^(vdab|gtb|ocmw:\d{5})$/, example: 'gtb or ocmw:44021' },
  // The candidate's opt-in (note 11): to every employer, or to one.
  PROFILE_VISIBLE_TO_EMPLOYERS: {
    pattern: /^(employers|employer:E-\d{6})$/,
    example: 'employers (every employer) or employer:E-000001 (one)',
  },
};

export const grantConsentRule = z
  .object({
    type: z.enum(ConsentType.values),
    grantedTo: z.string().trim(),
    scope: z.string().trim().min(3, 'must say what the consent covers').max(500),
    idempotencyKey: idempotencyKeyRule,
  })
  .superRefine((consent, context) => {
    const { pattern, example } = RECIPIENTS[consent.type];
    if (!pattern.test(consent.grantedTo)) {
      context.addIssue({
        code: 'custom',
        path: ['grantedTo'],
        message: `cannot receive ${consent.type}; give it to ${example}`,
      });
    }
  });

export const revokeConsentRule = z.object({
  consentId: idRule,
  idempotencyKey: idempotencyKeyRule,
});

/** A consent holds from the moment it is given until the citizen takes it back. */
export const CONSENT_LIFECYCLE = new Lifecycle<'GIVEN' | 'REVOKED'>('Consent', {
  GIVEN: ['REVOKED'],
  REVOKED: [],
});

/** A consent the citizen gives at `at`, as `grantConsent` writes it and the seeds generate it. */
export function givenConsent(
  fields: Pick<ConsentRow, 'id' | 'personId' | 'type' | 'grantedTo' | 'scope'>,
  at: Date,
): ConsentRow {
  return { ...fields, grantedAt: at, revokedAt: null };
}

/** The consent taken back at `at`; refuses one already revoked (INVALID_TRANSITION). */
export function revokedConsent(consent: ConsentRow, at: Date): ConsentRow {
  CONSENT_LIFECYCLE.assertMove(consent.id, consent.revokedAt ? 'REVOKED' : 'GIVEN', 'REVOKED');
  return { ...consent, revokedAt: at };
}

/**
 * The fact the reference directory reads off a consent: it opens what it names to the
 * organisation it is given to, from the day it is given until the day it is taken back.
 */
export function consentFact(
  consent: Pick<ConsentRow, 'id' | 'personId' | 'type' | 'grantedTo'>,
  days: { grantedOn: string; revokedOn: string | null },
): DirectoryFact {
  const { id, personId, type, grantedTo } = consent;
  return { kind: 'consent', id, personId, type, grantedTo, ...days };
}
