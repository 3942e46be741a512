/**
 * Codes that tell whoever reads them that a person is an OCMW client, and the neutral code a
 * reader without assistance status (category c: an employer, a job coach) sees instead (B.7.11).
 * The neutral code is one that other persons have too, so it says nothing on its own: a TWE
 * contract is social-economy work, and an OCMW's referral reaches the employer as a toeleiding.
 * Keyed by GraphQL enum type, so a new field of one of these types is covered the day it appears.
 */
export const NEUTRAL_CODES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  EmploymentType: { TWE_OCMW: 'SOCIAL_ECONOMY' },
  ReferralOrigin: { OCMW: 'VDAB_TOELEIDING' },
};

/** The value as a reader without category c may see it: each revealing code replaced. */
export function neutralised(value: unknown, codes: Readonly<Record<string, string>>): unknown {
  if (Array.isArray(value)) return value.map((one) => neutralised(one, codes));
  return typeof value === 'string' && value in codes ? codes[value] : value;
}
