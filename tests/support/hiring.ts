import type { TestStack } from './stack';

/**
 * The path to a hire through the gateway, shared by the tests that need a candidate at intake:
 * the employer (employer-1, E-000001) opens a vacancy, VDAB refers the person, the employer
 * contacts them and holds the intake.
 */
export async function openVacancy(
  stack: TestStack,
  fields: Record<string, unknown> = {},
): Promise<string> {
  const { body } = await stack.query(
    `mutation($input: OpenVacancyInput!) { openVacancy(input: $input) { id } }`,
    {
      input: {
        measure: 'CMW',
        jobTitle: 'Magazijnier',
        activity: 'logistiek',
        municipalityNisCode: '44021',
        hoursPerWeek: 38,
        languageRequirement: 'A1',
        ...fields,
      },
    },
    { persona: 'employer-1' },
  );
  if (body.errors) throw new Error(`openVacancy: ${JSON.stringify(body.errors)}`);
  return body.data.openVacancy.id;
}

/** A referral of `personId` to `vacancyId`, moved to `status` (PROPOSED or INTAKE). */
export async function referralAt(
  stack: TestStack,
  personId: string,
  vacancyId: string,
  status: 'PROPOSED' | 'INTAKE' = 'INTAKE',
): Promise<string> {
  const proposed = await stack.query(
    `mutation($input: ProposeReferralInput!) { proposeReferral(input: $input) { id } }`,
    { input: { personId, vacancyId, matchBasis: ['interests'] } },
    { persona: 'vdab-mediator' },
  );
  if (proposed.body.errors)
    throw new Error(`proposeReferral: ${JSON.stringify(proposed.body.errors)}`);
  const referralId = proposed.body.data.proposeReferral.id;
  for (const step of status === 'INTAKE' ? ['CONTACTED', 'INTAKE'] : []) {
    const moved = await stack.query(
      `mutation($input: MoveReferralInput!) { moveReferral(input: $input) { id } }`,
      { input: { referralId, status: step } },
      { persona: 'employer-1' },
    );
    if (moved.body.errors)
      throw new Error(`moveReferral ${step}: ${JSON.stringify(moved.body.errors)}`);
  }
  return referralId;
}
