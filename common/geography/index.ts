import {
  municipalities as municipalityData,
  provinces as provinceData,
  type MunicipalitySeed,
  type ProvinceCode,
} from './municipalities';

export type { MunicipalitySeed, ProvinceCode };
export { CENTRUMSTEDEN, GROOTSTEDEN } from './municipalities';

/**
 * Flemish geography as reference data: the 300 municipalities (REFNIS), their provinces and the
 * reference regions of 004 §9. Every subgraph groups its own figures by these areas, so the
 * areas come from one place rather than from another subgraph's tables.
 */
export const MUNICIPALITIES: readonly MunicipalitySeed[] = [...municipalityData].sort((a, b) =>
  a.nisCode.localeCompare(b.nisCode),
);
export const PROVINCES = provinceData;

/**
 * At most 15 reference regions (004 §9), built from arrondissements (the first two digits of the
 * arrondissement's NIS code). Liedekerke and Affligem look to the Dender towns, so their region
 * spans provinces.
 */
const REGION_DEFINITIONS: { name: string; arrondissements: string[]; extra?: string[] }[] = [
  { name: 'Antwerpen', arrondissements: ['11'] },
  { name: 'Mechelen-Rupel', arrondissements: ['12'] },
  { name: 'Kempen', arrondissements: ['13'] },
  { name: 'Halle-Vilvoorde', arrondissements: ['23'] },
  { name: 'Oost-Brabant', arrondissements: ['24'] },
  { name: 'Noord-West-Vlaanderen', arrondissements: ['31', '35'] },
  { name: 'Westhoek', arrondissements: ['32', '33', '38'] },
  { name: 'Zuid-West-Vlaanderen', arrondissements: ['34'] },
  { name: 'Midden-West-Vlaanderen', arrondissements: ['36', '37'] },
  { name: 'Dender', arrondissements: ['41'], extra: ['23044', '23105'] },
  { name: 'Waas en Schelde-Durme', arrondissements: ['42', '46'] },
  { name: 'Gent en Meetjesland', arrondissements: ['43', '44'] },
  { name: 'Vlaamse Ardennen', arrondissements: ['45'] },
  { name: 'Midden- en Zuid-Limburg', arrondissements: ['71', '73'] },
  { name: 'Noord-Limburg', arrondissements: ['72'] },
];

export interface ReferenceRegionDefinition {
  /** `RR-000001`…, in the order of 004 §9's list. */
  id: string;
  name: string;
  municipalityNisCodes: readonly string[];
}

export const REFERENCE_REGIONS: readonly ReferenceRegionDefinition[] = (() => {
  const moved = new Set(REGION_DEFINITIONS.flatMap((region) => region.extra ?? []));
  const regions = REGION_DEFINITIONS.map((region, i) => ({
    id: `RR-${String(i + 1).padStart(6, '0')}`,
    name: region.name,
    municipalityNisCodes: MUNICIPALITIES.filter((m) =>
      moved.has(m.nisCode)
        ? region.extra?.includes(m.nisCode)
        : region.arrondissements.includes(m.arrondissementNis.slice(0, 2)),
    ).map((m) => m.nisCode),
  }));
  const placed = new Set(regions.flatMap((region) => region.municipalityNisCodes));
  const homeless = MUNICIPALITIES.find((m) => !placed.has(m.nisCode));
  if (homeless) throw new Error(`No reference region for ${homeless.name} (${homeless.nisCode})`);
  return regions;
})();

const municipalityByNis = new Map(MUNICIPALITIES.map((m) => [m.nisCode, m]));
const regionByNis = new Map(
  REFERENCE_REGIONS.flatMap((region) =>
    region.municipalityNisCodes.map((nisCode) => [nisCode, region.id] as const),
  ),
);

export function municipalityNamed(nisCode: string): MunicipalitySeed | undefined {
  return municipalityByNis.get(nisCode);
}

/**
 * The municipalities of an area named by a NIS code (a municipality, an arrondissement or a
 * province) or by a province code (`OVL`); undefined for a code of no Flemish area.
 */
export function municipalitiesIn(code: string): string[] | undefined {
  if (municipalityByNis.has(code)) return [code];
  const province = PROVINCES.find((p) => p.nisCode === code || p.code === code);
  const inArea = MUNICIPALITIES.filter((m) =>
    province ? m.province === province.code : m.arrondissementNis === code,
  );
  return inArea.length ? inArea.map((m) => m.nisCode) : undefined;
}

export function provinceOf(nisCode: string): ProvinceCode | undefined {
  return municipalityByNis.get(nisCode)?.province;
}

export function referenceRegionOf(nisCode: string): string | undefined {
  return regionByNis.get(nisCode);
}
