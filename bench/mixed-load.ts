import type { RequestSpec } from 'autocannon';
import { listPath, patchBody } from './api-latency.js';
import type { BenchSample } from './bench-sample.js';
import { measureThroughput, type LoadSettings, type Throughput } from './throughput.js';

/** Shares of the mixed load; the rest of the requests are PATCHes. */
export const MIX = { list: 0.6, get: 0.25, patch: 0.15 } as const;

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)] as T;

/** Loads the API with list pages (half first pages, half at random cursors), GETs and PATCHes of random contacts. */
export function measureMixedLoad(
  baseUrl: string,
  apiKey: string,
  sample: BenchSample,
  settings: LoadSettings,
): Promise<Throughput> {
  const authorization = `Bearer ${apiKey}`;
  let patches = 0;
  const next = (request: RequestSpec): RequestSpec => {
    const roll = Math.random();
    if (roll < MIX.list) {
      const path = listPath(Math.random() < 0.5 ? undefined : pick(sample.cursors));
      return { ...request, method: 'GET', path, headers: { authorization } };
    }
    const path = `/api/v1/contacts/${pick(sample.ids)}`;
    if (roll < MIX.list + MIX.get) return { ...request, method: 'GET', path, headers: { authorization } };
    return {
      ...request,
      method: 'PATCH',
      path,
      body: JSON.stringify(patchBody(++patches)),
      headers: { authorization, 'content-type': 'application/json' },
    };
  };
  return measureThroughput(`${baseUrl}/api/v1/contacts`, settings, { next });
}
