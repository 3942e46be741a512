import { domainError, ErrorCode } from '../../common/errors';
import { queryPeer } from '../../common/peers';
import type { Area } from '../../common/statistics/area-table';
import { areaRepresentation } from '../../common/statistics/areas';
import type { Period } from '../../common/statistics/period';
import type { MaatwerkContext } from './loaders';

/** A published figure as the indications subgraph sends it. */
export interface PeerFigure {
  value: number | null;
  suppressed: boolean;
  asOf: string;
}

const HOLDERS = `validRightHoldersByAdviceType { key figure { value suppressed asOf } }`;
const RIGHT_HOLDERS = `query RightHolders($representations: [_Any!]!, $period: PeriodInput!) {
  _entities(representations: $representations) {
    ... on Municipality { indicationStatistics(period: $period) { ${HOLDERS} } }
    ... on Province { indicationStatistics(period: $period) { ${HOLDERS} } }
    ... on ReferenceRegion { indicationStatistics(period: $period) { ${HOLDERS} } }
    ... on Flanders { indicationStatistics(period: $period) { ${HOLDERS} } }
  }
}`;

type Answer = {
  _entities: ({
    indicationStatistics: {
      validRightHoldersByAdviceType: { key: string; figure: PeerFigure }[];
    } | null;
  } | null)[];
};

const PARTNER_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * The persons with a valid right on the period's last day, per advice type, as the indications
 * subgraph publishes them for this area: asked as the same caller, so the caller reads no figure
 * it could not read there, suppressed as it is there. A refusal or failure there is this
 * figure's error, with the peer's code.
 */
export async function rightHoldersByAdviceType(
  context: MaatwerkContext,
  area: Area,
  period: Period,
): Promise<Map<string, PeerFigure>> {
  const answer = await queryPeer<Answer>(
    context,
    'indications',
    RIGHT_HOLDERS,
    {
      representations: [areaRepresentation(area)],
      period: { year: period.year, quarter: period.quarter },
    },
    { categories: ['q', 'r'] },
  );
  const holders = answer.data?._entities[0]?.indicationStatistics?.validRightHoldersByAdviceType;
  if (answer.errors.length > 0 || !holders) {
    const [error] = answer.errors;
    const code = error?.extensions?.code;
    throw domainError(
      code && PARTNER_CODES.has(code) ? (code as ErrorCode) : ErrorCode.SUBGRAPH_UNAVAILABLE,
      `The indications subgraph gave no right holders for ${area.code}: ${error?.message ?? 'no answer'}`,
    );
  }
  return new Map(holders.map((part) => [part.key, part.figure]));
}
