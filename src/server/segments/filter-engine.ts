import type { FilterNode } from '../../shared/filter/filter-tree.js';
import { AppError, invalid } from '../http/errors.js';

/** What segments and saved searches need of the filter engine (FilterService, `services.filters`). */
export interface FilterEngine {
  /** The filter checked against the workspace's fields; a 400 AppError naming the field when it is not valid. */
  checkFilter(workspaceId: string, raw: unknown): Promise<FilterNode>;
  /** How many contacts of the workspace match. */
  countMatching(workspaceId: string, filter: FilterNode): Promise<number>;
  /** The ids of the matching contacts, a page at a time, in ascending id order. */
  matchingIdPages(workspaceId: string, filter: FilterNode, pageSize: number): AsyncGenerator<string[]>;
}

/** Moves a filter issue's path (`filter.and.0.value`, or a path within the tree) under the body's `path`. */
function underPath(path: string, issuePath: string): string {
  const within = issuePath === 'filter' ? '' : issuePath.replace(/^filter\./, '');
  return within ? `${path}.${within}` : path;
}

/** Checks a filter given in a request body under `path`, so that a bad one is a 400 naming `<path>.…`. */
export async function checkBodyFilter(
  engine: Pick<FilterEngine, 'checkFilter'>,
  workspaceId: string,
  raw: unknown,
  path = 'filter',
): Promise<FilterNode> {
  if (raw === undefined || raw === null) throw invalid([{ path, message: 'is required' }]);
  try {
    return await engine.checkFilter(workspaceId, raw);
  } catch (error) {
    if (!(error instanceof AppError) || error.status !== 400 || !error.errors) throw error;
    throw invalid(error.errors.map((e) => ({ path: underPath(path, e.path), message: e.message })));
  }
}
