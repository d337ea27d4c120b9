/** What the page cache knows when it decides what to fetch next. */
export interface PagePlanState {
  /** Start cursor of each page whose start is known (page 0 starts without a cursor and is never listed). */
  cursors: ReadonlyMap<number, string>;
  /** Pages held in the cache, with whether the list ends after them. */
  loaded: ReadonlyMap<number, { nextCursor: string | null }>;
  /** Pages being fetched now. */
  inflight: ReadonlySet<number>;
  /** True while the anchors of this list are on their way: a far page waits for them rather than walking. */
  anchorsPending: boolean;
  /** Pages between two anchors (anchor spacing / page size), to judge what "far" means. */
  anchorStride: number;
}

/** The next request to make for a page: fetch `page` from `cursor` (null = from the top). */
export type PageFetchPlan =
  { kind: 'fetch'; page: number; cursor: string | null } | { kind: 'wait' } | { kind: 'past-end' };

/** The start cursor of a page when known: null for page 0, undefined when unknown. */
export function startCursorOf(page: number, cursors: ReadonlyMap<number, string>): string | null | undefined {
  return page === 0 ? null : cursors.get(page);
}

/**
 * Decides how to reach a page with keyset requests only: fetch it when its start cursor is known; otherwise
 * fetch the nearest page before it whose start is known (each such hop teaches the next page's cursor), wait
 * when that hop is already in flight, or when the anchors are coming and the walk would be long.
 */
export function planPageFetch(target: number, state: PagePlanState): PageFetchPlan {
  const direct = startCursorOf(target, state.cursors);
  if (direct !== undefined) {
    return state.inflight.has(target) ? { kind: 'wait' } : { kind: 'fetch', page: target, cursor: direct };
  }
  let start = 0;
  for (const page of state.cursors.keys()) if (page < target && page > start) start = page;
  if (state.anchorsPending && target - start > state.anchorStride) return { kind: 'wait' };
  for (let page = start; page < target; page++) {
    if (state.inflight.has(page)) return { kind: 'wait' };
    const held = state.loaded.get(page);
    if (held && held.nextCursor === null) return { kind: 'past-end' };
    if (!held) {
      const cursor = startCursorOf(page, state.cursors);
      if (cursor === undefined) return { kind: 'wait' };
      return { kind: 'fetch', page, cursor };
    }
  }
  return { kind: 'wait' };
}

/** The pages that hold rows `first` to `last` (inclusive). */
export function pagesOfRows(first: number, last: number, pageSize: number): number[] {
  if (last < first || last < 0) return [];
  const pages: number[] = [];
  for (let page = Math.floor(Math.max(0, first) / pageSize); page <= Math.floor(last / pageSize); page++)
    pages.push(page);
  return pages;
}

/**
 * Which cached pages to drop so that at most `max` stay: the farthest from the pages in view first; pages in
 * view are always kept.
 */
export function pagesToEvict(held: Iterable<number>, inView: readonly number[], max: number): number[] {
  const pages = [...held];
  if (pages.length <= max) return [];
  const keep = new Set(inView);
  const distance = (page: number) => Math.min(...inView.map((v) => Math.abs(v - page)), Number.MAX_VALUE);
  return pages
    .filter((page) => !keep.has(page))
    .sort((a, b) => distance(b) - distance(a))
    .slice(0, pages.length - max);
}

/** Turns the anchors answer into start cursors of pages; anchors that do not fall on a page start are skipped. */
export function anchorPageCursors(
  every: number,
  cursors: readonly string[],
  pageSize: number,
): Map<number, string> {
  const result = new Map<number, string>();
  if (every <= 0 || every % pageSize !== 0) return result;
  cursors.forEach((cursor, i) => result.set(((i + 1) * every) / pageSize, cursor));
  return result;
}
