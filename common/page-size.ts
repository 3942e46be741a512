import { config } from './config';
import { badUserInput } from './errors';

/**
 * A connection's page when a caller leaves `first` out. Apart from the connection types
 * (common/pagination.ts) so that the gateway, which loads no subgraph code, counts a page as the
 * subgraphs read it.
 */
export const DEFAULT_PAGE_SIZE = 50;

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > config.CONNECTION_FIRST_MAX) {
    throw badUserInput('first', `must be between 1 and ${config.CONNECTION_FIRST_MAX}`);
  }
  return first;
}
