import type { Area } from '../../../common/statistics/area-table';
import { areaStatisticsResolvers } from '../../../common/statistics/area-fields';
import {
  countFigure,
  meanFigure,
  partFigures,
  quantileFigure,
  ratioFigure,
} from '../../../common/statistics/figure';
import type { Period } from '../../../common/statistics/period';
import {
  ADVICE_TYPES,
  indicationTables,
  LEAD_TIME_BUCKETS,
  PHASES,
  ROUTES,
  type IndicationTables,
} from '../statistics';
import { Flanders, Municipality, Province, ReferenceRegion } from '../types/external';
import { IndicationStatistics } from '../types/statistics';

const DECIDED = 'requests decided (granted or refused) in the period';

export function indicationFigures(
  tables: IndicationTables,
  area: Area,
  period: Period,
  asOf: string,
): IndicationStatistics {
  const { requests, decisions, durations, phases, spoed, rightHolders } = tables;
  const requestCount = (key: string, definition: string) =>
    countFigure(requests, area, key, definition, asOf);
  const decisionCount = (key: string, definition: string) =>
    countFigure(decisions, area, key, definition, asOf);
  const leadTime = {
    count: { table: decisions, key: 'DECIDED', definition: DECIDED },
    unit: 'DAYS' as const,
  };
  const leadTimes = tables.leadTimes.in(area);
  const outcomeParts = (outcome: 'GRANTED' | 'REFUSED') => ({
    byAdviceType: partFigures(ADVICE_TYPES, (type) =>
      decisionCount(`${outcome}_${type}`, `${outcome.toLowerCase()} ${type} requests`),
    ),
    byRoute: partFigures(ROUTES, (route) =>
      decisionCount(`${outcome}_ROUTE_${route}`, `${outcome.toLowerCase()} requests via ${route}`),
    ),
  });
  const granted = outcomeParts('GRANTED');
  const refused = outcomeParts('REFUSED');
  return {
    period,
    requests: requestCount('ALL', 'requests with the signed form dated in the period'),
    requestsByAdviceType: partFigures(ADVICE_TYPES, (type) =>
      requestCount(type, `requests for ${type}`),
    ),
    requestsByRoute: partFigures(ROUTES, (route) =>
      requestCount(`ROUTE_${route}`, `requests via ${route}`),
    ),
    granted: decisionCount('GRANTED', 'requests granted in the period'),
    grantedByAdviceType: granted.byAdviceType,
    grantedByRoute: granted.byRoute,
    refused: decisionCount('REFUSED', 'requests refused in the period'),
    refusedByAdviceType: refused.byAdviceType,
    refusedByRoute: refused.byRoute,
    derivedImwGranted: countFigure(
      tables.derivedImw,
      area,
      'ALL',
      'IMW advices derived from a granted CMW, decided in the period',
      asOf,
    ),
    grantRate: ratioFigure(
      {
        numerator: { table: decisions, key: 'GRANTED', definition: 'requests granted' },
        denominator: { table: decisions, key: 'DECIDED', definition: DECIDED },
      },
      area,
      asOf,
    ),
    leadTimeMeanDays: meanFigure(
      {
        sum: {
          table: durations,
          key: 'LEAD_DAYS',
          definition: 'days from the signed form to the decision, summed',
        },
        ...leadTime,
      },
      area,
      asOf,
    ),
    leadTimeMedianDays: quantileFigure(
      leadTimes,
      0.5,
      { ...leadTime, definition: 'median days from the signed form to the decision' },
      area,
      asOf,
    ),
    leadTimeP80Days: quantileFigure(
      leadTimes,
      0.8,
      { ...leadTime, definition: '80th percentile of days from the signed form to the decision' },
      area,
      asOf,
    ),
    leadTimeDistribution: partFigures(
      LEAD_TIME_BUCKETS.map((bucket) => bucket.key),
      (key) => decisionCount(key, `decisions with a lead time of ${key}`),
    ),
    decidedWithin3Months: ratioFigure(
      {
        numerator: {
          table: decisions,
          key: 'WITHIN_3M',
          definition: 'decisions dated at most 3 calendar months after the signed form',
        },
        denominator: { table: decisions, key: 'DECIDED', definition: DECIDED },
        target: 0.8,
      },
      area,
      asOf,
    ),
    backlogOver3Months: countFigure(
      tables.backlog,
      area,
      'ALL',
      'requests undecided on the last day of the period, signed more than 3 months before it',
      asOf,
    ),
    phaseDurations: partFigures(
      PHASES.map((phase) => phase.key),
      (key) =>
        meanFigure(
          {
            sum: { table: durations, key, definition: `days of ${key}, summed` },
            count: {
              table: phases,
              key,
              definition: `requests decided in the period that went through ${key}`,
            },
            unit: 'DAYS',
          },
          area,
          asOf,
        ),
    ),
    spoedHireCompliance: ratioFigure(
      {
        numerator: {
          table: spoed,
          key: 'SPOED_HIRED',
          definition: 'granted spoed advices followed by a hire',
        },
        denominator: {
          table: spoed,
          key: 'SPOED_GRANTED',
          definition: 'spoed advices granted in the period',
        },
        target: 1,
      },
      area,
      asOf,
    ),
    validRightHolders: countFigure(
      rightHolders,
      area,
      'ALL',
      'persons with a valid advice on the last day of the period',
      asOf,
    ),
    validRightHoldersByAdviceType: partFigures(ADVICE_TYPES, (type) =>
      countFigure(
        rightHolders,
        area,
        type,
        `persons with a valid ${type} advice on the last day of the period`,
        asOf,
      ),
    ),
  };
}

export const IndicationStatisticsResolvers = areaStatisticsResolvers({
  name: 'indicationStatistics',
  type: IndicationStatistics,
  description: 'Indication figures of DOMAIN B.5 for this area and a quarter or year.',
  entities: { Municipality, Province, ReferenceRegion, Flanders },
  tables: indicationTables,
  figures: indicationFigures,
});
