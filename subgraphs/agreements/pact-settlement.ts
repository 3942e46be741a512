/**
 * Settlement of the local activation pact (DOMAIN B.5, A.6), per local government i and year:
 *
 *   w_i        = RMI_i + UKR_i
 *   Max_i      = budget × w_i / Σ_{j ∈ participants} w_j
 *   Floor_i    = ⌈rate × Base_i⌉          (Base_i: the leefloon population)
 *   Eligible_i = max(0, ActivatedRegisteredVDAB_i − Floor_i)
 *   Payout_i   = min(amountPerActivation × Eligible_i, Max_i)
 *
 * Pure functions over integers (euro cents), so the seed and any future settlement run agree to
 * the cent. The documents fix neither the base nor the rounding of the floor: both are inputs.
 */

export type FloorRounding = 'ceil' | 'round' | 'floor';

export interface PactSettlementConfig {
  /** Yearly budget over all participants, in euro cents (€10,000,000). */
  budgetCents: number;
  /** Paid per activation above the floor, in euro cents (€1,000). */
  amountPerActivationCents: number;
  /** The Flemish baseline activation rate (22.5%, KSZ DWH AM&SB). */
  baselineRate: number;
  floorRounding: FloorRounding;
}

export const PACT_SETTLEMENT: PactSettlementConfig = {
  budgetCents: 1_000_000_000,
  amountPerActivationCents: 100_000,
  baselineRate: 0.225,
  floorRounding: 'ceil',
};

export interface PactWeightInput {
  rmiCount: number;
  ukrCount: number;
}

export interface PactResultInput {
  floor: number;
  maxAmountCents: number;
  activatedRegistered: number;
}

export interface PactSettlement {
  eligible: number;
  payoutCents: number;
}

/** Rates are decimals with a few places: counting in millionths keeps 0.225 × 1,000 at exactly 225. */
const RATE_SCALE = 1_000_000;

export function pactWeight({ rmiCount, ukrCount }: PactWeightInput): number {
  return rmiCount + ukrCount;
}

/** Activations a local government must reach before any is paid. */
export function activationFloor(
  leefloonBase: number,
  config: Pick<PactSettlementConfig, 'baselineRate' | 'floorRounding'> = PACT_SETTLEMENT,
): number {
  const scaled = Math.round(config.baselineRate * RATE_SCALE) * leefloonBase;
  const whole = Math.floor(scaled / RATE_SCALE);
  const remainder = scaled - whole * RATE_SCALE;
  if (remainder === 0) return whole;
  if (config.floorRounding === 'ceil') return whole + 1;
  if (config.floorRounding === 'round') return remainder * 2 >= RATE_SCALE ? whole + 1 : whole;
  return whole;
}

/**
 * The drawing right of each participant, in the order given, in euro cents. The shares of
 * non-participants are redistributed simply by leaving them out of `participants`. Rounded down,
 * so the rights never add up to more than the budget.
 */
export function maximumAmounts(
  participants: PactWeightInput[],
  config: Pick<PactSettlementConfig, 'budgetCents'> = PACT_SETTLEMENT,
): number[] {
  const weights = participants.map(pactWeight);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total === 0) return weights.map(() => 0);
  return weights.map((weight) => Math.floor((config.budgetCents * weight) / total));
}

export function eligibleActivations(activatedRegistered: number, floor: number): number {
  return Math.max(0, activatedRegistered - floor);
}

/** What a participant is paid once its result period is over. */
export function settle(
  { floor, maxAmountCents, activatedRegistered }: PactResultInput,
  config: Pick<PactSettlementConfig, 'amountPerActivationCents'> = PACT_SETTLEMENT,
): PactSettlement {
  const eligible = eligibleActivations(activatedRegistered, floor);
  return {
    eligible,
    payoutCents: Math.min(eligible * config.amountPerActivationCents, maxAmountCents),
  };
}
