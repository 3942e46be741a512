import DataLoader from 'dataloader';

import { queryPeer } from '../../common/peers';
import type { MaatwerkContext } from './loaders';

const ADVICES = `query ReachableAdvices($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Advice { id } }
}`;

const perRequest = new WeakMap<MaatwerkContext, DataLoader<string, boolean>>();

/**
 * Whether the caller reaches an advice, asked of the indications subgraph, which owns the rule
 * (an employer reaches a valid CMW/IMW ticket only, note 13), in one peer call per request.
 * Callers who reach every advice of the persons they reach are not asked about.
 */
export function reachesAdvice(context: MaatwerkContext, adviceId: string): Promise<boolean> {
  if (!context.policy.rows.advicesNarrowed()) return Promise.resolve(true);
  let loader = perRequest.get(context);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const answer = await queryPeer<{ _entities: ({ id: string } | null)[] }>(
        context,
        'indications',
        ADVICES,
        { representations: ids.map((id) => ({ __typename: 'Advice', id })) },
        { categories: ['j'] },
      );
      const reached = new Set(
        (answer.data?._entities ?? []).flatMap((entity) => (entity ? [entity.id] : [])),
      );
      return ids.map((id) => reached.has(id));
    });
    perRequest.set(context, loader);
  }
  return loader.load(adviceId);
}
