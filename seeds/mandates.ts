import type { Role } from '../common/access/caller';
import type { DataCategory } from '../common/access/categories';
import { ACCESS_MATRIX } from '../common/access/matrix';
import { Purpose } from '../common/access/purposes';
import type { MandateInsert } from '../common/access/mandates';

type LegalBasis = MandateInsert['legalBasis'];

/** What grounds the mandates: the agreements in force, per municipality and per sector. */
export interface MandateGrounds {
  municipalities: string[];
  /** SO VDAB–local government covering a municipality. */
  soByMunicipality: Map<string, string>;
  /** SO adviesbevoegdheid indicering covering a municipality. */
  adviesbevoegdheidByMunicipality: Map<string, string>;
  /** The protocol VDAB–maatwerksector. */
  sectorProtocolId: string | null;
  employerIds: string[];
  validFrom: string;
}

/** A role's mandate grants the categories its row of the access matrix opens (B.4). */
function categoriesOf(role: Role): DataCategory[] {
  return (Object.entries(ACCESS_MATRIX[role]) as [DataCategory, string][])
    .filter(([, level]) => level !== 'none')
    .map(([category]) => category);
}

/**
 * The mandates of every partner organisation, each on its legal basis (DOMAIN A.2.2): decrees
 * for VDAB and the department, the SO agreements for local governments, the sector protocol for
 * employers and federations, the GDPR right of access for citizens.
 */
export function buildMandates(grounds: MandateGrounds): MandateInsert[] {
  const rows: MandateInsert[] = [];
  const add = (
    org: string,
    role: Role,
    purpose: string,
    legalBasis: LegalBasis,
    agreementId: string | null,
    description: string,
  ) =>
    rows.push({
      id: `M-${String(rows.length + 1).padStart(6, '0')}`,
      org,
      role,
      purpose,
      legalBasis,
      agreementId,
      categories: categoriesOf(role),
      validFrom: grounds.validFrom,
      description,
    });

  add(
    'citizen',
    'CITIZEN',
    Purpose.OWN_FILE,
    'DECREE',
    null,
    'Right of access to one’s own file (GDPR art. 15)',
  );
  add(
    'vdab',
    'VDAB_MEDIATOR',
    Purpose.TRAJECTORY_GUIDANCE,
    'DECREE',
    null,
    'VDAB decree: mediation and trajectory guidance',
  );
  add(
    'vdab',
    'VDAB_ICF_CONSULTANT',
    Purpose.INDICATION,
    'DECREE',
    null,
    'Decrees on collective and individual maatwerk: indication',
  );
  add(
    'gtb',
    'GTB_COUNSELLOR',
    Purpose.TRAJECTORY_GUIDANCE,
    'PROTOCOL',
    null,
    'Partnership VDAB–GTB for jobseekers with a work disability',
  );
  add(
    'department:wewis',
    'DEPARTMENT_ANALYST',
    Purpose.MONITORING,
    'DECREE',
    null,
    'Monitoring of indication and activation, pact settlement',
  );
  for (const federation of ['federation:groep-maatwerk', 'federation:herwin']) {
    add(
      federation,
      'SECTOR_FEDERATION',
      Purpose.MONITORING,
      'PROTOCOL',
      grounds.sectorProtocolId,
      'Sector aggregates under the protocol VDAB–maatwerksector',
    );
  }
  for (const nisCode of grounds.municipalities) {
    const so = grounds.soByMunicipality.get(nisCode) ?? null;
    add(
      `ocmw:${nisCode}`,
      'OCMW_SOCIAL_WORKER',
      Purpose.SOCIAL_INTEGRATION,
      so ? 'SO' : 'KSZ_AUTHORISATION',
      so,
      'Right to social integration: the OCMW’s own clients',
    );
    add(
      `municipality:${nisCode}`,
      'CITY_MONITOR',
      Purpose.MONITORING,
      so ? 'SO' : 'DECREE',
      so,
      'Local dashboard of the municipality',
    );
    const advies = grounds.adviesbevoegdheidByMunicipality.get(nisCode);
    if (advies) {
      add(
        `lg:${nisCode}`,
        'LG_ICF_CONSULTANT',
        Purpose.INDICATION,
        'SO',
        advies,
        'SO adviesbevoegdheid indicering',
      );
    }
  }
  for (const employerId of grounds.employerIds) {
    for (const role of ['EMPLOYER', 'JOB_COACH'] as const) {
      add(
        `employer:${employerId}`,
        role,
        Purpose.EMPLOYMENT,
        'PROTOCOL',
        grounds.sectorProtocolId,
        'Referred candidates, own vacancies and placements',
      );
    }
  }
  return rows;
}
