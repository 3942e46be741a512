import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { domainError, ErrorCode } from '../../../common/errors';
import { areaStatisticsResolvers } from '../../../common/statistics/area-fields';
import type { Area } from '../../../common/statistics/area-table';
import {
  countFigure,
  Figure,
  FigurePart,
  partFigures,
  ratioFigure,
  shareFigure,
} from '../../../common/statistics/figure';
import type { Period } from '../../../common/statistics/period';
import type { MaatwerkContext } from '../loaders';
import { rightHoldersByAdviceType, type PeerFigure } from '../right-holders';
import {
  CONTINGENT_MEASURES,
  FAILURE_REASONS,
  maatwerkTables,
  VACANCY_MEASURES,
  type MaatwerkTables,
} from '../statistics';
import { Flanders, Municipality, Province, ReferenceRegion } from '../types/external';
import { MaatwerkStatistics } from '../types/statistics';
import { HIRE_BY_MEASURE } from '../workflow/hire';

const DECIDED = 'referrals decided in the period: hired, or failed with the employer’s reason';
const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

export function maatwerkFigures(
  tables: MaatwerkTables,
  area: Area,
  period: Period,
  asOf: string,
): MaatwerkStatistics {
  const { vacancies, contingents, decisions, placements } = tables;
  const vacancyCount = (key: string, definition: string) =>
    countFigure(vacancies, area, key, definition, asOf, 'RECORDS');
  const decisionCount = (key: string, definition: string) =>
    countFigure(decisions, area, key, definition, asOf, 'RECORDS');
  const placementCount = (key: string, definition: string) =>
    countFigure(placements, area, key, definition, asOf, 'RECORDS');
  return {
    area,
    period,
    openVacancies: vacancyCount('OPEN', 'vacancies open on the last day of the period'),
    openVacanciesByMeasure: partFigures(VACANCY_MEASURES, (measure) =>
      vacancyCount(measure, `${measure} vacancies open on the last day of the period`),
    ),
    filledVacancies: vacancyCount('FILLED', 'vacancies filled during the period'),
    occupancy: partFigures(CONTINGENT_MEASURES, (measure) => {
      const figure = ratioFigure(
        {
          numerator: {
            table: contingents,
            key: `FILLED_${measure}`,
            definition: `FTE filled in the ${measure} contingents of ${period.year}`,
          },
          denominator: {
            table: contingents,
            key: `ALLOTTED_${measure}`,
            definition: `FTE allotted in the ${measure} contingents of ${period.year}`,
          },
        },
        area,
        asOf,
      );
      // FTE carry one decimal; the sums over many municipalities must not show float noise.
      return {
        ...figure,
        numerator: round1(figure.numerator),
        denominator: round1(figure.denominator),
      };
    }),
    referrals: countFigure(
      tables.referrals,
      area,
      'ALL',
      'referrals proposed in the period',
      asOf,
      'RECORDS',
    ),
    hires: decisionCount('HIRED', 'referrals that ended in a hire during the period'),
    failedReferrals: decisionCount(
      'FAILED',
      'referrals that ended in a failed match during the period',
    ),
    failureReasons: partFigures(FAILURE_REASONS, (reason) =>
      decisionCount(`FAILED_${reason}`, `failed matches of the period with reason ${reason}`),
    ),
    referralConversion: ratioFigure(
      {
        numerator: { table: decisions, key: 'HIRED', definition: 'referrals hired in the period' },
        denominator: { table: decisions, key: 'DECIDED', definition: DECIDED },
      },
      area,
      asOf,
    ),
    placementsStarted: placementCount('STARTED', 'placements that started during the period'),
    placementsActive: placementCount('ACTIVE', 'placements running on the last day of the period'),
  };
}

export const MaatwerkStatisticsResolvers = areaStatisticsResolvers({
  name: 'maatwerkStatistics',
  type: MaatwerkStatistics,
  description: 'Maatwerk figures of DOMAIN B.5 for this area and a quarter or year.',
  entities: { Municipality, Province, ReferenceRegion, Flanders },
  tables: maatwerkTables,
  figures: maatwerkFigures,
});

/** The vacancy measures a right gives access to, each with its advice type (B.2.3, B.3). */
const RIGHT_OF_MEASURE = VACANCY_MEASURES.flatMap((measure) => {
  const advice = HIRE_BY_MEASURE[measure]?.advice;
  return advice ? [{ measure, advice }] : [];
});

/**
 * WaitingRatio(g) of B.5: persons holding a valid right / vacancies open for it, both on the
 * period's last day. Hidden when the count of persons is (the ratio and the open vacancies beside
 * it would give it away); null, not hidden, without open vacancies.
 */
function waitingRatioFigure(
  holders: PeerFigure,
  open: Figure,
  measure: string,
  advice: string,
): Figure {
  return shareFigure(
    {
      numerator: {
        count: holders.suppressed ? null : holders.value,
        definition: `persons holding a valid ${advice} advice on the last day of the period, where they lived when they applied (indications subgraph)`,
      },
      denominator: {
        count: open.value,
        definition: `${measure} vacancies open on the last day of the period, at their workplace`,
      },
    },
    holders.asOf < open.asOf ? holders.asOf : open.asOf,
  );
}

@Resolver(() => MaatwerkStatistics)
export class MaatwerkStatisticsResolver {
  /*
   * Its own field, so that when the indications subgraph fails or refuses, only this figure
   * carries the error and the rest of the statistics still arrive.
   */
  @FieldResolver(() => [FigurePart], {
    nullable: true,
    description:
      'Waiting ratio per vacancy measure that a right gives access to (CMW, IMW, AMA_SE_PLAATS): persons with a valid advice of the matching type / vacancies of the measure open, both on the last day of the period (Gent CMW, Sep 2021: 450 / 51 ≈ 8.8). The persons count where they lived when they applied, the vacancies at their workplace. LDE and BVS places match no advice type and get no ratio.',
  })
  async waitingRatio(
    @Root() statistics: MaatwerkStatistics,
    @Ctx() context: MaatwerkContext,
  ): Promise<FigurePart[]> {
    const holders = await rightHoldersByAdviceType(context, statistics.area, statistics.period);
    const open = new Map(statistics.openVacanciesByMeasure.map((part) => [part.key, part.figure]));
    return RIGHT_OF_MEASURE.map(({ measure, advice }) => {
      const holdersOfAdvice = holders.get(advice);
      if (!holdersOfAdvice) {
        throw domainError(
          ErrorCode.SUBGRAPH_UNAVAILABLE,
          `The indications subgraph gave no right holders of ${advice} for ${statistics.area.code}.`,
        );
      }
      return {
        key: measure,
        figure: waitingRatioFigure(holdersOfAdvice, open.get(measure)!, measure, advice),
      };
    });
  }
}
