import { fakerNL_BE, type Faker } from '@faker-js/faker';
import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

import type { Database } from '../common/db/connection';
import type { MunicipalitySeed } from '../common/geography/municipalities';

export type ScaleName = 'small' | 'demo' | 'large';

/** How much of everything a scale generates (DOMAIN A.5). */
export interface ScaleSizes {
  persons: number;
  /** Indication requests per person on average (large: ≥ 200,000 requests for 100,000 persons). */
  indicationRequestsPerPerson: number;
  employers: number;
  vacanciesPerEmployer: number;
}

export const SCALES: Record<ScaleName, ScaleSizes> = {
  small: { persons: 400, indicationRequestsPerPerson: 2, employers: 40, vacanciesPerEmployer: 3 },
  demo: { persons: 4000, indicationRequestsPerPerson: 2, employers: 200, vacanciesPerEmployer: 4 },
  large: {
    persons: 100_000,
    indicationRequestsPerPerson: 2.1,
    employers: 2500,
    vacanciesPerEmployer: 5,
  },
};

/** The date the demo world is generated "as of": fixed, so every run produces the same data. */
export const SEED_TODAY = '2025-10-01';

/** Facts one seed step produces that later steps build on (persons before their advices, …). */
export interface SeedWorld {
  municipalities: MunicipalitySeed[];
  persons: SeededPerson[];
  advices: SeededAdvice[];
  employers: SeededEmployer[];
  vacancies: SeededVacancy[];
}

export interface SeededPerson {
  id: string;
  residenceNisCode: string;
  birthDate: string;
  /** NIS code of the OCMW granting social assistance, if any. */
  ocmwNisCode: string | null;
  registeredAtVdab: boolean;
  ukrainian: boolean;
}

export interface SeededAdvice {
  id: string;
  personId: string;
  type: 'CMW' | 'IMW' | 'AMA_SE' | 'AMA_WELZIJN';
  decision: 'TOEGEKEND' | 'GEWEIGERD';
  validFrom: string | null;
  validUntil: string | null;
  spoed: boolean;
  vacancyId: string | null;
}

export interface SeededEmployer {
  id: string;
  municipalityNisCode: string;
  type: string;
}

export interface SeededVacancy {
  id: string;
  employerId: string;
  measure: string;
  municipalityNisCode: string;
}

export interface SeedContext {
  db: Database;
  scale: ScaleName;
  sizes: ScaleSizes;
  /** Seeded faker (Flemish locale): the only source of randomness, so a SEED gives one world. */
  faker: Faker;
  world: SeedWorld;
  /** Inserts rows in chunks that stay under PostgreSQL's parameter limit. */
  insert<Table extends PgTable>(table: Table, rows: Table['$inferInsert'][]): Promise<void>;
}

const MAX_PARAMETERS = 60_000;

export function createSeedContext(db: Database, scale: ScaleName, seed: number): SeedContext {
  fakerNL_BE.seed(seed);
  return {
    db,
    scale,
    sizes: SCALES[scale],
    faker: fakerNL_BE,
    world: { municipalities: [], persons: [], advices: [], employers: [], vacancies: [] },
    async insert(table, rows) {
      if (rows.length === 0) return;
      // Drizzle binds every column of the table (defaults included), not just the keys given.
      const columns = Object.keys(getTableColumns(table)).length;
      const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
      for (let start = 0; start < rows.length; start += chunk) {
        await db.insert(table).values(rows.slice(start, start + chunk));
      }
    },
  };
}

/** `P-000042`-style ids: readable in demos, sortable, fixed width for keyset pagination. */
export function sequentialId(prefix: string, n: number, width = 6): string {
  return `${prefix}-${String(n).padStart(width, '0')}`;
}

export { addDays } from '../common/dates';
