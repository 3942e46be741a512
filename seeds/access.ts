import { and, eq, inArray } from 'drizzle-orm';

import { delegationsOf, seedDirectory } from '../common/access/directory';

import { seedMandateRows } from '../common/access/mandates';
import { agreementCoverage, collaborationAgreements } from '../subgraphs/agreements/tables';
import type { SeedContext } from './context';
import { buildMandates } from './mandates';

/** Mandates start with the current legislature's agreements. */
const MANDATES_VALID_FROM = '2025-01-01';

/** First agreement (lowest id) of a type that covers each municipality. */
async function coverageOf(
  ctx: SeedContext,
  type: 'SO_VDAB_LOKAAL_BESTUUR' | 'SO_ADVIESBEVOEGDHEID_INDICERING',
): Promise<Map<string, string>> {
  const rows = await ctx.db
    .select({
      agreementId: agreementCoverage.agreementId,
      nisCode: agreementCoverage.municipalityNisCode,
    })
    .from(agreementCoverage)
    .innerJoin(
      collaborationAgreements,
      eq(collaborationAgreements.id, agreementCoverage.agreementId),
    )
    .where(
      and(eq(collaborationAgreements.type, type), eq(collaborationAgreements.status, 'ACTIVE')),
    )
    .orderBy(agreementCoverage.agreementId);
  const byMunicipality = new Map<string, string>();
  for (const row of rows) {
    if (!byMunicipality.has(row.nisCode)) byMunicipality.set(row.nisCode, row.agreementId);
  }
  return byMunicipality;
}

/**
 * The mandates of every partner, grounded in the agreements just seeded: a municipality's OCMW and
 * monitor rest on its SO, its ICF consultants on an SO adviesbevoegdheid, employers on the protocol.
 */
export async function seedMandates(ctx: SeedContext): Promise<void> {
  const [protocol] = await ctx.db
    .select({ id: collaborationAgreements.id })
    .from(collaborationAgreements)
    .where(
      and(
        eq(collaborationAgreements.type, 'PROTOCOL_VDAB_MAATWERKSECTOR'),
        eq(collaborationAgreements.status, 'ACTIVE'),
      ),
    )
    .orderBy(collaborationAgreements.id)
    .limit(1);
  const rows = buildMandates({
    municipalities: ctx.world.municipalities.map((municipality) => municipality.nisCode),
    soByMunicipality: await coverageOf(ctx, 'SO_VDAB_LOKAAL_BESTUUR'),
    adviesbevoegdheidByMunicipality: await coverageOf(ctx, 'SO_ADVIESBEVOEGDHEID_INDICERING'),
    sectorProtocolId: protocol?.id ?? null,
    employerIds: ctx.world.employers.map((employer) => employer.id),
    validFrom: MANDATES_VALID_FROM,
  });
  await seedMandateRows(ctx.insert, rows);
}

/** Agreements that came into force: their delegations held over their period (A.2.4). */
const IN_FORCE_ONCE = ['ACTIVE', 'EVALUATION', 'RENEWED', 'EXPIRED'] as const;

/**
 * The delegations of the SOs adviesbevoegdheid indicering: each opens the OCMW clients of the
 * municipalities it covers to those municipalities' ICF consultants, over its period.
 */
export async function seedDelegations(ctx: SeedContext): Promise<void> {
  const rows = await ctx.db
    .select({
      id: collaborationAgreements.id,
      periodStart: collaborationAgreements.periodStart,
      periodEnd: collaborationAgreements.periodEnd,
      nisCode: agreementCoverage.municipalityNisCode,
    })
    .from(collaborationAgreements)
    .innerJoin(agreementCoverage, eq(agreementCoverage.agreementId, collaborationAgreements.id))
    .where(
      and(
        eq(collaborationAgreements.type, 'SO_ADVIESBEVOEGDHEID_INDICERING'),
        inArray(collaborationAgreements.status, [...IN_FORCE_ONCE]),
      ),
    )
    .orderBy(collaborationAgreements.id, agreementCoverage.municipalityNisCode);
  const byAgreement = new Map<string, { period: [string, string | null]; covered: string[] }>();
  for (const row of rows) {
    const agreement = byAgreement.get(row.id) ?? {
      period: [row.periodStart, row.periodEnd],
      covered: [],
    };
    agreement.covered.push(row.nisCode);
    byAgreement.set(row.id, agreement);
  }
  const delegations = [...byAgreement].flatMap(([id, { period, covered }]) =>
    delegationsOf({ id, coveredNisCodes: covered, validFrom: period[0], validUntil: period[1] }),
  );
  await seedDirectory(ctx.insert, { relations: [], delegations });
}
