import { describe, expect, it } from 'vitest';
import {
  anchorPageCursors,
  pagesOfRows,
  pagesToEvict,
  planPageFetch,
  type PagePlanState,
} from './contact-page-plan';

function state(overrides: Partial<PagePlanState> = {}): PagePlanState {
  return {
    cursors: new Map(),
    loaded: new Map(),
    inflight: new Set(),
    anchorsPending: false,
    anchorStride: 5,
    ...overrides,
  };
}

describe('planPageFetch', () => {
  it('fetches the first page without a cursor', () => {
    expect(planPageFetch(0, state())).toEqual({ kind: 'fetch', page: 0, cursor: null });
  });

  it("fetches a page from the previous page's next cursor", () => {
    const plan = planPageFetch(3, state({ cursors: new Map([[3, 'c3']]) }));
    expect(plan).toEqual({ kind: 'fetch', page: 3, cursor: 'c3' });
  });

  it('hops from the nearest known start before the page, never from further back', () => {
    const cursors = new Map([
      [5, 'a5'],
      [10, 'a10'],
    ]);
    expect(planPageFetch(12, state({ cursors }))).toEqual({ kind: 'fetch', page: 10, cursor: 'a10' });
    expect(planPageFetch(7, state({ cursors }))).toEqual({ kind: 'fetch', page: 5, cursor: 'a5' });
  });

  it('continues a walk from the last hop and waits while a hop is in flight', () => {
    const cursors = new Map([
      [10, 'a10'],
      [11, 'c11'],
    ]);
    const loaded = new Map([[10, { nextCursor: 'c11' }]]);
    expect(planPageFetch(13, state({ cursors, loaded }))).toEqual({ kind: 'fetch', page: 11, cursor: 'c11' });
    expect(planPageFetch(13, state({ cursors, loaded, inflight: new Set([11]) }))).toEqual({ kind: 'wait' });
  });

  it('waits for the anchors instead of walking far, but walks a short way at once', () => {
    expect(planPageFetch(40, state({ anchorsPending: true }))).toEqual({ kind: 'wait' });
    expect(planPageFetch(3, state({ anchorsPending: true }))).toEqual({
      kind: 'fetch',
      page: 0,
      cursor: null,
    });
  });

  it('knows when a page lies past the end of the list', () => {
    const loaded = new Map([[0, { nextCursor: null }]]);
    expect(planPageFetch(2, state({ loaded }))).toEqual({ kind: 'past-end' });
  });

  it('does not fetch a page twice at once', () => {
    expect(planPageFetch(0, state({ inflight: new Set([0]) }))).toEqual({ kind: 'wait' });
  });
});

describe('pagesOfRows', () => {
  it('lists the pages holding a range of rows', () => {
    expect(pagesOfRows(95, 205, 100)).toEqual([0, 1, 2]);
    expect(pagesOfRows(0, 99, 100)).toEqual([0]);
    expect(pagesOfRows(0, -1, 100)).toEqual([]);
  });
});

describe('pagesToEvict', () => {
  it('keeps at most the maximum, dropping the farthest pages and never those in view', () => {
    const held = [0, 1, 2, 3, 50, 51, 52, 120];
    const evicted = pagesToEvict(held, [51, 52], 5);
    expect(evicted).toHaveLength(3);
    expect(evicted).toEqual(expect.arrayContaining([120, 0, 1]));
    expect(evicted).not.toContain(51);
  });

  it('drops nothing under the maximum', () => {
    expect(pagesToEvict([1, 2, 3], [2], 5)).toEqual([]);
  });
});

describe('anchorPageCursors', () => {
  it('maps anchors to the pages they start', () => {
    expect([...anchorPageCursors(500, ['a', 'b'], 100)]).toEqual([
      [5, 'a'],
      [10, 'b'],
    ]);
  });

  it('ignores anchors that do not fall on a page start', () => {
    expect(anchorPageCursors(250, ['a'], 100).size).toBe(0);
  });
});
