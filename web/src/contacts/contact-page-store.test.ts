import { describe, expect, it } from 'vitest';
import type { Contact, Page } from '../api/types';
import {
  anchorSpacing,
  ContactPageStore,
  MAX_CACHED_PAGES,
  PAGE_SIZE,
  type PageSource,
} from './contact-page-store';

/** A fake server over `total` contacts; cursors are row positions, and every request is recorded. */
function fakeSource(total: number) {
  const requests: Array<string | null> = [];
  let anchorCalls = 0;
  const source: PageSource = {
    fetchPage: async (cursor, limit) => {
      requests.push(limit === PAGE_SIZE ? cursor : `${cursor}+${limit}`);
      const start = cursor === null ? 0 : Number(cursor);
      const end = Math.min(total, start + limit);
      const data = Array.from({ length: end - start }, (_, i) => ({ id: `c${start + i}` }) as Contact);
      return { data, nextCursor: end < total ? String(end) : null } satisfies Page<Contact>;
    },
    fetchAnchors: async (every) => {
      anchorCalls++;
      const cursors = [];
      for (let row = every; row < total; row += every) cursors.push(String(row));
      return { every, cursors };
    },
  };
  return { source, requests, anchorCalls: () => anchorCalls };
}

/** Lets every pending fake request and its follow-ups complete. */
async function settleAll() {
  for (let i = 0; i < 100; i++) await Promise.resolve();
}

describe('ContactPageStore', () => {
  it('loads the first page, then the anchors once, and jumps deep with keyset requests only', async () => {
    const fake = fakeSource(100_000);
    const store = new ContactPageStore(fake.source);
    store.setCount(100_000, 1);
    store.setRange(0, 20);
    await settleAll();
    expect(store.rowAt(0)?.id).toBe('c0');
    expect(store.rowCount()).toBe(100_000);
    expect(fake.anchorCalls()).toBe(1);

    fake.requests.length = 0;
    store.setRange(70_000, 70_020);
    await settleAll();
    expect(store.rowAt(70_010)?.id).toBe('c70010');
    expect(fake.requests).toEqual(['70000', '70100', '69900']);
    expect(fake.anchorCalls()).toBe(1);
  });

  it('starts from a first page already in hand: its rows show at once and only the next page is asked for', async () => {
    const fake = fakeSource(1_000);
    const store = new ContactPageStore(fake.source);
    const first = await fake.source.fetchPage(null, PAGE_SIZE, new AbortController().signal);
    fake.requests.length = 0;
    store.seedFirstPage(first);
    expect(store.hasFirstPage).toBe(true);
    expect(store.rowAt(99)?.id).toBe('c99');
    store.setRange(0, 20);
    await settleAll();
    expect(fake.requests).toEqual(['100']);
  });

  it('asks for both pages of a view that straddles two in one request, and files them apart', async () => {
    const fake = fakeSource(100_000);
    const store = new ContactPageStore(fake.source);
    store.setCount(100_000, 1);
    store.setRange(0, 20);
    await settleAll();
    fake.requests.length = 0;
    store.setRange(69_990, 70_010);
    await settleAll();
    expect(fake.requests).toEqual(['69900+200', '70100', '69800']);
    expect(store.rowAt(69_900)?.id).toBe('c69900');
    expect(store.rowAt(70_199)?.id).toBe('c70199');
    store.setRange(70_150, 70_170);
    store.setRange(70_250, 70_270);
    await settleAll();
    expect(store.rowAt(70_250)?.id).toBe('c70250');
  });

  it('finds the end of the list inside a two-page request', async () => {
    const fake = fakeSource(1_050);
    const store = new ContactPageStore(fake.source);
    store.setCount(1_050, 1);
    store.setRange(0, 20);
    await settleAll();
    fake.requests.length = 0;
    store.setRange(990, 1_010);
    await settleAll();
    expect(fake.requests[0]).toBe('900+200');
    expect(store.rowAt(1_049)?.id).toBe('c1049');
    expect(store.rowCount()).toBe(1_050);
  });

  it('walks from the nearest anchor to a page between anchors when a long list spaces them wider', async () => {
    const fake = fakeSource(5_000_000);
    const store = new ContactPageStore(fake.source);
    store.setCount(5_000_000, 1);
    store.setRange(0, 20);
    await settleAll();
    fake.requests.length = 0;
    store.setRange(7_250, 7_270);
    await settleAll();
    expect(store.rowAt(7_260)?.id).toBe('c7260');
    expect(fake.requests.slice(0, 3)).toEqual(['7000', '7100', '7200']);
  });

  it('keeps a bounded number of pages while scrolling through the list', async () => {
    const fake = fakeSource(20_000);
    const store = new ContactPageStore(fake.source);
    store.setCount(20_000, 1);
    for (let row = 0; row < 20_000; row += 100) {
      store.setRange(row, row + 20);
      await settleAll();
    }
    expect(store.rowAt(19_999)?.id).toBe('c19999');
    let held = 0;
    for (let page = 0; page < 200; page++) if (store.rowAt(page * PAGE_SIZE)) held++;
    expect(held).toBeLessThanOrEqual(MAX_CACHED_PAGES);
    expect(store.rowAt(0)).toBeUndefined();
    // Dropping the first page from the cache is not "loading the list again": the count and rows stay.
    expect(store.hasFirstPage).toBe(true);
    expect(store.isLoadingFirstPage).toBe(false);
    expect(store.rowCount()).toBe(20_000);
  });

  it('finds the exact end when the count was off', async () => {
    const fake = fakeSource(150);
    const store = new ContactPageStore(fake.source);
    store.setCount(400, 1);
    store.setRange(0, 30);
    await settleAll();
    expect(store.rowCount()).toBe(150);
  });

  it('reports a failed page and fetches it again on retry', async () => {
    const fake = fakeSource(50);
    let fail = true;
    const store = new ContactPageStore({
      ...fake.source,
      fetchPage: async (cursor, limit, signal) => {
        if (fail) throw new Error('offline');
        return fake.source.fetchPage(cursor, limit, signal);
      },
    });
    store.setRange(0, 10);
    await settleAll();
    expect(store.firstPageFailed).toBe(true);
    fail = false;
    store.retry();
    await settleAll();
    expect(store.rowAt(49)?.id).toBe('c49');
    expect(store.error).toBeNull();
  });

  it('refreshes the pages in view when the count is refreshed, showing the old rows meanwhile', async () => {
    const fake = fakeSource(300);
    const store = new ContactPageStore(fake.source);
    store.setCount(300, 1);
    store.setRange(0, 20);
    await settleAll();
    const before = fake.requests.length;
    store.setCount(300, 2);
    expect(store.rowAt(0)?.id).toBe('c0');
    await settleAll();
    expect(fake.requests.length).toBeGreaterThan(before);
  });
});

describe('anchorSpacing', () => {
  it('anchors every page up to a million rows, then spaces anchors to keep their number bounded', () => {
    expect(anchorSpacing(600)).toBe(100);
    expect(anchorSpacing(1_000_000)).toBe(100);
    expect(anchorSpacing(1_000_001)).toBe(200);
    expect(anchorSpacing(5_000_000)).toBe(500);
  });
});
