import type { Area } from '../../../common/statistics/area-table';
import { areaStatisticsResolvers } from '../../../common/statistics/area-fields';
import { countFigure, partFigures, ratioFigure } from '../../../common/statistics/figure';
import type { Period } from '../../../common/statistics/period';
import {
  activationTables,
  ASSISTANCE_TYPES,
  oneYearBefore,
  type ActivationTables,
} from '../statistics';
import { Flanders, Province, ReferenceRegion } from '../types/areas';
import { Municipality } from '../types/municipality';
import { ActivationStatistics } from '../types/statistics';

export function activationFigures(
  tables: ActivationTables,
  area: Area,
  period: Period,
  asOf: string,
): ActivationStatistics {
  const { clients, outflow } = tables;
  const onLastDay = (who: string) => `${who} on ${period.until}`;
  /** One side of a ratio of two counts of the clients table. */
  const side = (key: string, who: string) => ({ table: clients, key, definition: onLastDay(who) });
  const count = (key: string, who: string) => countFigure(clients, area, key, onLastDay(who), asOf);
  const share = (numerator: ReturnType<typeof side>, denominator: ReturnType<typeof side>) =>
    ratioFigure({ numerator, denominator }, area, asOf);

  const CLIENTS = 'persons with a running social-assistance record';
  const RMI = 'persons with a running leefloon or RMI_TEWERKSTELLING record';
  const GPMI = 'persons with a running GPMI contract';
  const UKRAINIANS = 'persons under temporary protection with a running equivalent-leefloon record';
  const LEEFLOON = 'persons with a running leefloon record';
  const start = oneYearBefore(period);
  const cohort = `persons with a running social-assistance record and a VDAB registration on ${start}`;

  return {
    period,
    clients: count('ALL', CLIENTS),
    clientsByAssistanceType: partFigures(ASSISTANCE_TYPES, (type) =>
      count(type, `persons with a running ${type} record, each under the first type they have`),
    ),
    rmiClients: count('RMI', RMI),
    gpmiClients: count('GPMI', GPMI),
    ukrainianClients: count('UKRAINIAN', UKRAINIANS),
    reachRmi: share(
      side('RMI_CATEGORY_05', `${RMI} and a VDAB registration in category 05`),
      side('RMI', RMI),
    ),
    reachGpmi: share(
      side('GPMI_REGISTERED', `${GPMI} and a VDAB registration`),
      side('GPMI', GPMI),
    ),
    reachUkrainian: share(
      side('UKRAINIAN_REGISTERED', `${UKRAINIANS} and a VDAB registration`),
      side('UKRAINIAN', UKRAINIANS),
    ),
    outflowToWorkAfterOneYear: ratioFigure(
      {
        numerator: {
          table: outflow,
          key: 'WORKING',
          definition: `${cohort} whose employment outcome of ${period.until} says working`,
        },
        denominator: { table: outflow, key: 'COHORT', definition: cohort },
      },
      area,
      asOf,
    ),
    tweShare: share(side('RMI_IN_TWE', `${RMI} and a TWE-OCMW action running`), side('RMI', RMI)),
    exemptionShare: share(
      side('LEEFLOON_EXEMPTED', `${LEEFLOON} exempted from registering at VDAB`),
      side('LEEFLOON', LEEFLOON),
    ),
  };
}

export const ActivationStatisticsResolvers = areaStatisticsResolvers({
  name: 'activationStatistics',
  type: ActivationStatistics,
  description:
    'Activation figures of DOMAIN B.5 (reach, outflow to work, TWE and exemption shares) for this area and a quarter or year.',
  entities: { Municipality, Province, ReferenceRegion, Flanders },
  tables: activationTables,
  figures: activationFigures,
});
