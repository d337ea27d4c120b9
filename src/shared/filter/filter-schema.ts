import { z } from 'zod';
import { isFilterNode, type FilterNode } from './filter-tree.js';

/** A filter tree in a request body (its fields, operators and values are then checked by `validateFilter`). */
export const filterNodeSchema = z.custom<FilterNode>((value) => isFilterNode(value), {
  message: 'must be a filter: a condition or an and / or / not group',
});
