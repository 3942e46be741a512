import type { EnumValue } from '../../common/enums';
import type { AdviceInsert } from './tables';
import type {
  AdviceDecision,
  AdviceStatus,
  IndicationProcedure,
  ReviewRegime,
  SupportPremiumLevel,
} from './types/enums';

/**
 * The day decisions switch from the four-eyes review (Team TOM/DGS after the consultant) to the
 * two-eyes review with sample-based quality control (DOMAIN A.6, 000 BA3). 004 §4.3 still asks
 * for four eyes, so the cut-over lives here and nowhere else.
 */
export const TWO_EYES_FROM = '2025-09-01';

/** The regime a decision taken on `decidedOn` (an ISO date) falls under. */
export function reviewRegimeFor(decidedOn: string): EnumValue<typeof ReviewRegime> {
  return decidedOn >= TWO_EYES_FROM ? 'TWEE_OGEN' : 'VIER_OGEN';
}

/** An advice is valid for at most 5 years, extendable after an evaluation (003). */
export const MAX_VALIDITY_YEARS = 5;
/** The temporary CMW advice of an extremely vulnerable jobseeker (UKW) runs 2 years (000 BA5). */
export const UKW_VALIDITY_YEARS = 2;

/** The wage premium is 20% to 75% of the capped reference wage, degressive (003). */
export const WAGE_PREMIUM_PCT = { min: 20, max: 75 } as const;

/**
 * Monthly support premium per level, in euro cents. The documents name only level L, so the
 * amounts are configuration (DOMAIN A.6), not law.
 */
export const SUPPORT_PREMIUM_MONTHLY_CENTS: Record<
  EnumValue<typeof SupportPremiumLevel>,
  number
> = {
  A: 25_000,
  B: 45_000,
  C: 65_000,
  L: 90_000,
};

/** Adds calendar months to an ISO date; a day past the month's end falls on its last day. */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * The last day of a validity of `years` starting on `validFrom`, the day before its anniversary:
 * 2024-05-01 + 5 → 2029-04-30, and 2024-02-29 + 2 → 2026-02-28.
 */
export function validityEnd(validFrom: string, years: number): string {
  const dayBefore = new Date(`${validFrom}T00:00:00Z`);
  dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
  return addMonths(dayBefore.toISOString().slice(0, 10), 12 * years);
}

interface StoredAdvice {
  decision: EnumValue<typeof AdviceDecision>;
  status: EnumValue<typeof AdviceStatus> | null;
  validUntil: string | null;
}

/**
 * The status an advice reads as on `today`: a stored ACTIVE advice past its validity is EXPIRED
 * without anyone having to write that. A refused advice never took effect and has no status.
 */
export function adviceStatusOn(
  advice: StoredAdvice,
  today: string,
): EnumValue<typeof AdviceStatus> | null {
  if (advice.decision === 'GEWEIGERD') return null;
  if (advice.status === 'ACTIVE' && advice.validUntil !== null && advice.validUntil < today) {
    return 'EXPIRED';
  }
  return advice.status;
}

/**
 * Spoed carries a hiring obligation (000 BA6, DOMAIN B.7.5): a granted advice from a spoed
 * request stays open until a hire is recorded. It rests on the advice that was asked for, not on
 * the IMW derived from a CMW, so one spoed request counts once in SpoedHireCompliance.
 */
export function hasOpenHireObligation(
  advice: StoredAdvice & { derivedFromId: string | null; hiredAt: string | null },
  procedure: EnumValue<typeof IndicationProcedure> | null,
): boolean {
  return (
    procedure === 'SPOED' &&
    advice.decision === 'TOEGEKEND' &&
    advice.derivedFromId === null &&
    advice.hiredAt === null
  );
}

/**
 * The IMW that a granted CMW brings with it (000 BA1): same person, request, basis, decision
 * moment and validity. Refusing a CMW creates no IMW. Ending a CMW leaves its IMW in force,
 * because individual maatwerk is workplace-independent and open to any employer; the IMW ends
 * only through its own evaluation or validity.
 */
export function derivedImwOf<Advice extends AdviceInsert>(cmw: Advice, id: string): Advice {
  if (cmw.type !== 'CMW' || cmw.decision !== 'TOEGEKEND') {
    throw new Error(`Only a granted CMW brings an IMW; ${cmw.id} is ${cmw.type} ${cmw.decision}`);
  }
  return { ...cmw, id, type: 'IMW', derivedFromId: cmw.id, extensions: [], hiredAt: null };
}
