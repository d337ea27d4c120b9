import type { BenchSample } from './bench-sample.js';
import type { HttpClient } from './http-client.js';
import { timeSequentially, type LatencySummary } from './percentiles.js';

/** Latency of single API requests, sent one after another over one keep-alive connection. */
export interface ApiLatency {
  listFirst: LatencySummary;
  listDeep: LatencySummary;
  get: LatencySummary;
  patch: LatencySummary;
}

/** The list path of the first page sorted by name, and of the page after a cursor. */
export const listPath = (cursor?: string) =>
  `/api/v1/contacts?sort=name&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;

/** A PATCH body that really changes something: a job title unique to this request. */
export const patchBody = (n: number) => ({ jobTitle: `Buyer ${n}` });

/** Throws unless a list answer is a full page with tags read and a next cursor. */
function checkPage(text: string): void {
  const page = JSON.parse(text) as { data: Array<{ tags: unknown[] }>; nextCursor: string | null };
  if (page.data.length !== 50 || !page.nextCursor) throw new Error('the list did not return a full page');
  if (!page.data.some((c) => c.tags.length > 0)) throw new Error('the list page carries no tags');
}

/** Times the first list page, a deep cursor page, GET and PATCH of random contacts. */
export async function measureApiLatency(
  client: HttpClient,
  sample: BenchSample,
  samples: number,
): Promise<ApiLatency> {
  checkPage(await client.send('GET', listPath()));
  checkPage(await client.send('GET', listPath(sample.deepCursor)));
  const idAt = (i: number) => sample.ids[i % sample.ids.length] ?? '';
  let patches = 0;
  return {
    listFirst: await timeSequentially(samples, async () => {
      await client.send('GET', listPath());
    }),
    listDeep: await timeSequentially(samples, async () => {
      await client.send('GET', listPath(sample.deepCursor));
    }),
    get: await timeSequentially(samples, async (i) => {
      await client.send('GET', `/api/v1/contacts/${idAt(i)}`);
    }),
    patch: await timeSequentially(samples, async (i) => {
      await client.send('PATCH', `/api/v1/contacts/${idAt(i + samples)}`, patchBody(++patches));
    }),
  };
}
