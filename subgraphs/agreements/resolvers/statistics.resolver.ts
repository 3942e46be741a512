import type { Area, AreaTable } from '../../../common/statistics/area-table';
import { areaStatisticsResolvers } from '../../../common/statistics/area-fields';
import {
  countFigure,
  partFigures,
  ratioFigure,
  type Figure,
} from '../../../common/statistics/figure';
import type { Period } from '../../../common/statistics/period';
import { ACTION_STATUSES, agreementTables, type AgreementTables } from '../statistics';
import { Flanders, Municipality, Province, ReferenceRegion } from '../types/geography';
import { AgreementStatistics, type PactSettlementStatistics } from '../types/statistics';

const ACTIONS = "actions of the action plans of the period's year, once per municipality covered";

/** A sum of euro cents, published in euros. */
function euroFigure(
  table: AreaTable,
  area: Area,
  key: string,
  definition: string,
  asOf: string,
): Figure {
  const cents = countFigure(table, area, key, definition, asOf, 'EURO');
  const euros = (value: number | null) => (value === null ? null : value / 100);
  return { ...cents, value: euros(cents.value), numerator: euros(cents.numerator) };
}

/** A figure computed from counts of persons, hidden wherever one of them is: it would give it away. */
function hiddenWith(figure: Figure, ...counts: Figure[]): Figure {
  return counts.some((count) => count.suppressed)
    ? { ...figure, value: null, numerator: null, suppressed: true }
    : figure;
}

function pactFigures(
  { pact, pactPersons }: AgreementTables,
  area: Area,
  period: Period,
  asOf: string,
): PactSettlementStatistics {
  const inPact = `in the pact of ${period.year}, not declined`;
  const activated = countFigure(
    pactPersons,
    area,
    'ACTIVATED',
    `activated leefloon recipients registered at VDAB, reported by the local governments ${inPact}`,
    asOf,
  );
  const floor = countFigure(
    pactPersons,
    area,
    'FLOOR',
    `activation floors (⌈0.225 × leefloon base⌉) of the local governments ${inPact}`,
    asOf,
  );
  return {
    pactYear: period.year,
    participants: countFigure(
      pact,
      area,
      'PARTICIPANTS',
      `local governments ${inPact}`,
      asOf,
      'RECORDS',
    ),
    payout: hiddenWith(
      euroFigure(
        pact,
        area,
        'PAYOUT_CENTS',
        `payouts in euros of the participations ${inPact} that are settled (SETTLED or PAID)`,
        asOf,
      ),
      activated,
      floor,
    ),
    maximum: euroFigure(
      pact,
      area,
      'MAXIMUM_CENTS',
      `drawing rights in euros of the local governments ${inPact}`,
      asOf,
    ),
    activated,
    floor,
  };
}

export function agreementFigures(
  tables: AgreementTables,
  area: Area,
  period: Period,
  asOf: string,
): AgreementStatistics {
  const { coverage, actions } = tables;
  return {
    period,
    soCoverage: ratioFigure(
      {
        numerator: {
          table: coverage,
          key: 'SO_COVERED',
          definition: `municipalities covered by an SO VDAB–local government in force on ${period.until}`,
        },
        denominator: {
          table: coverage,
          key: 'ALL',
          definition: 'municipalities (2024 boundaries)',
        },
        target: 0.9,
      },
      area,
      asOf,
    ),
    actions: countFigure(actions, area, 'ALL', ACTIONS, asOf, 'RECORDS'),
    actionStatus: partFigures(ACTION_STATUSES, (status) =>
      countFigure(actions, area, status, `${ACTIONS}, with status ${status}`, asOf, 'RECORDS'),
    ),
    pactSettlement: pactFigures(tables, area, period, asOf),
  };
}

export const AgreementStatisticsResolvers = areaStatisticsResolvers({
  name: 'agreementStatistics',
  type: AgreementStatistics,
  description:
    'Agreement and pact figures of DOMAIN B.5 for this area and a quarter or year: SO coverage, action status, pact settlement.',
  entities: { Municipality, Province, ReferenceRegion, Flanders },
  tables: agreementTables,
  figures: agreementFigures,
});
