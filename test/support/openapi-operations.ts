import type { TestApp } from './test-app.js';

/** A JSON Schema as the OpenAPI document carries it. */
export type JsonSchema = Record<string, any>;

/** One method on one path of the OpenAPI document. */
export interface Operation {
  method: string;
  /** The path template as documented, such as `/api/v1/contacts/{id}`. */
  path: string;
  pathParams: Array<{ name: string; schema: JsonSchema }>;
  requiredQuery: Array<{ name: string; schema: JsonSchema }>;
  /** The JSON body schema, when the operation takes a body. */
  bodySchema: JsonSchema | undefined;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every documented operation under a path prefix, read from the app's own /api/openapi.json. */
export async function listOperations(t: TestApp, prefix: string): Promise<Operation[]> {
  const doc = await t.request('GET', '/api/openapi.json', { key: null });
  if (doc.status !== 200) throw new Error(`GET /api/openapi.json answered ${doc.status}`);
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries<Record<string, any>>(doc.body.paths)) {
    if (!path.startsWith(prefix)) continue;
    for (const [method, operation] of Object.entries<any>(item)) {
      if (!METHODS.includes(method)) continue;
      const parameters: Array<{ in: string; name: string; required?: boolean; schema: JsonSchema }> =
        operation.parameters ?? [];
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path'),
        requiredQuery: parameters.filter((p) => p.in === 'query' && p.required),
        bodySchema: operation.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return operations;
}

/** `METHOD /path`, as operations are named in messages and tables. */
export function operationName(operation: Pick<Operation, 'method' | 'path'>): string {
  return `${operation.method} ${operation.path}`;
}
