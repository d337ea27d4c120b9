import { exampleValue } from './example-value.js';
import { operationName, type Operation } from './openapi-operations.js';

/** One concrete request for a documented operation. */
export interface RouteCall {
  operation: Operation;
  path: string;
  body: unknown;
  /** Path parameters that name a resource of the workspace walked (not enums such as presets). */
  resourceParams: string[];
}

/** The collection a path parameter names: `{id}` after `/tags`, or `{tagId}` anywhere, both mean tags. */
function collectionOf(path: string, param: string): string {
  const segments = path.split('/');
  if (param !== 'id') return `${param.replace(/Id$/, '')}s`;
  return segments[segments.indexOf('{id}') - 1] ?? '';
}

/** Calls for an operation: resources from `primary` (and, with several, each alone from `primary`); throws when a parameter names no fixture. */
export function planRouteCalls(
  operation: Operation,
  primary: Record<string, string>,
  secondary: Record<string, string>,
  bodies: Record<string, unknown>,
): RouteCall[] {
  const name = operationName(operation);
  const fixed: Record<string, string> = {};
  const resources: Array<{ param: string; collection: string }> = [];
  for (const { name: param, schema } of operation.pathParams) {
    if (Array.isArray(schema.enum)) {
      fixed[param] = String(schema.enum[0]);
      continue;
    }
    const collection = collectionOf(operation.path, param);
    if (!(collection in primary) || !(collection in secondary))
      throw new Error(`${name}: no fixture for {${param}} (collection "${collection}")`);
    resources.push({ param, collection });
  }
  const query = operation.requiredQuery
    .map(({ name: param, schema }) => `${param}=${encodeURIComponent(String(exampleValue(schema)))}`)
    .join('&');
  const body = name in bodies ? bodies[name] : operation.bodySchema && exampleValue(operation.bodySchema);
  const fill = (primaryParam: string | null) => {
    let path = operation.path;
    for (const [param, value] of Object.entries(fixed)) path = path.replace(`{${param}}`, value);
    for (const { param, collection } of resources) {
      const source = primaryParam === null || primaryParam === param ? primary : secondary;
      path = path.replace(`{${param}}`, encodeURIComponent(source[collection]!));
    }
    return {
      operation,
      path: query ? `${path}?${query}` : path,
      body,
      resourceParams: resources.map((r) => r.param),
    };
  };
  if (resources.length < 2) return [fill(null)];
  return [fill(null), ...resources.map(({ param }) => fill(param))];
}
