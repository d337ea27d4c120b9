import type { Contact, Page } from '../api/types';
import { anchorPageCursors, pagesOfRows, pagesToEvict, planPageFetch } from './contact-page-plan';

/** Rows per keyset page. */
export const PAGE_SIZE = 100;
/** Pages kept in memory; the farthest from view are dropped first. */
export const MAX_CACHED_PAGES = 50;
/** Lists longer than this fetch anchors; shorter ones are walked page by page from the top. */
export const ANCHORS_FROM = 500;
/** Most anchors asked for one list (their spacing grows beyond that). */
export const MAX_ANCHORS = 10_000;
const MAX_PARALLEL_FETCHES = 3;

/**
 * Rows between two anchors: one per page while that keeps to MAX_ANCHORS (a million contacts), so that a jump
 * to any depth costs a single page fetch; wider for longer lists (a jump then walks a few pages).
 */
export function anchorSpacing(total: number): number {
  return Math.max(PAGE_SIZE, Math.ceil(total / MAX_ANCHORS / PAGE_SIZE) * PAGE_SIZE);
}

/** How the store reaches the server (one list: one sort order and one search). */
export interface PageSource {
  /** Up to `limit` rows from a cursor (null = from the top). */
  fetchPage(cursor: string | null, limit: number, signal: AbortSignal): Promise<Page<Contact>>;
  fetchAnchors(every: number, signal: AbortSignal): Promise<{ every: number; cursors: string[] }>;
}

interface CachedPage {
  rows: Contact[];
  nextCursor: string | null;
  /** Shown until a fresh copy arrives, after the list changed. */
  stale: boolean;
}

type AnchorState = 'idle' | 'loading' | 'done' | 'failed';

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * The rows of one contact list, fetched as keyset pages of 100 when they come into view and kept in a bounded
 * cache. A page's cursor is the previous page's next cursor, or comes from the anchors (cursors at regular
 * rows, fetched once after the first page), walking forward from the nearest one when it falls between two:
 * a jump to any depth costs one or a few page fetches, never an offset scan.
 */
export class ContactPageStore {
  private readonly pages = new Map<number, CachedPage>();
  private readonly cursors = new Map<number, string>();
  private readonly inflight = new Map<number, AbortController>();
  private readonly failed = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private anchors: AnchorState = 'idle';
  private anchorsAbort: AbortController | null = null;
  private inView: number[] = [0];
  private wanted: number[] = [0, 1];
  private total: number | null = null;
  private countStamp = 0;
  private endRow: number | null = null;
  private disposed = false;
  /** The first page arrived once; it stays true when the cache later drops that page. */
  private firstPageArrived = false;
  private version = 0;
  /** The last error of a page fetch, until a retry. */
  error: unknown = null;
  /** Where the list was scrolled to, to come back to the same place. */
  scrollTop = 0;

  constructor(private readonly source: PageSource) {}

  /** Subscribes to changes (for useSyncExternalStore). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A number that changes with every change of the rows. */
  getVersion = (): number => this.version;

  /**
   * What the list page around the grid shows, as one comparable value: load state, counts and which rows one
   * page holds. It changes only when those do, so the page re-renders for them and not for every page fetched.
   */
  summaryOf(page: number): string {
    const held = this.pages.get(page)?.rows;
    const rows = held ? `${held.length}:${held[0]?.id ?? ''}:${held.at(-1)?.id ?? ''}` : '-';
    const state = [this.isLoadingFirstPage, this.firstPageFailed, this.error !== null];
    return [...state.map(Number), this.hasFirstPage ? this.knownTotal() : '', this.rowCount(), rows].join(
      '|',
    );
  }

  /** The row at a position, when its page is loaded. */
  rowAt(index: number): Contact | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.rows[index % PAGE_SIZE];
  }

  /** The loaded rows from one position to another (inclusive, either order); rows not loaded are skipped. */
  loadedRows(from: number, to: number): Contact[] {
    const rows: Contact[] = [];
    for (let index = Math.min(from, to); index <= Math.max(from, to); index++) {
      const row = this.rowAt(index);
      if (row) rows.push(row);
    }
    return rows;
  }

  /** The number of matching contacts once known: the exact end when reached, else the count. */
  knownTotal(): number | null {
    return this.endRow ?? this.total;
  }

  /** True once the first page arrived (even if the cache dropped it since). */
  get hasFirstPage(): boolean {
    return this.firstPageArrived;
  }

  /** True while the first page is on its way and nothing is shown yet. */
  get isLoadingFirstPage(): boolean {
    return !this.firstPageArrived && !this.failed.has(0);
  }

  /** True when the first page failed: there is nothing to show at all. */
  get firstPageFailed(): boolean {
    return !this.firstPageArrived && this.failed.has(0);
  }

  /** How many rows the list has: the exact end once reached, else the count, else what loading revealed. */
  rowCount(): number {
    if (this.endRow !== null) return this.endRow;
    let extent = 0;
    for (const [page, cached] of this.pages) {
      extent = Math.max(extent, page * PAGE_SIZE + cached.rows.length + (cached.nextCursor ? PAGE_SIZE : 0));
    }
    return Math.max(this.total ?? 0, extent);
  }

  /** Takes the count of matching contacts; a count refreshed later means the list changed, so it refreshes too. */
  setCount(total: number | null, stamp: number): void {
    if (total === null) return;
    const changed = this.countStamp !== 0 && stamp !== this.countStamp;
    this.countStamp = stamp;
    this.total = total;
    if (changed) this.invalidate();
    else {
      this.startAnchors();
      this.notify();
    }
  }

  /** Takes a first page already in hand (asked for at start-up), so the first render shows rows without waiting. */
  seedFirstPage(result: Page<Contact>): void {
    if (this.firstPageArrived || this.inflight.has(0)) return;
    this.storeRows(0, 1, result);
    this.startAnchors();
  }

  /** Tells the store which rows are in view; it fetches what is missing and drops what is far away. */
  setRange(first: number, last: number): void {
    const inView = pagesOfRows(first, last, PAGE_SIZE);
    if (inView.length === 0) inView.push(0);
    if (inView.join() !== this.inView.join()) {
      this.inView = inView;
      const lowest = inView[0] ?? 0;
      const highest = inView.at(-1) ?? 0;
      this.wanted = [...inView, highest + 1, ...(lowest > 0 ? [lowest - 1] : [])];
      for (const [page, controller] of this.inflight) {
        const distance = Math.min(...this.wanted.map((w) => Math.abs(w - page)));
        if (distance > Math.max(this.anchorStride(), ANCHORS_FROM / PAGE_SIZE) + 1) controller.abort();
      }
    }
    this.pump();
  }

  /** The contact with this id, when one of the cached pages holds it. */
  findContact(id: string): Contact | undefined {
    for (const cached of this.pages.values()) {
      const found = cached.rows.find((row) => row.id === id);
      if (found) return found;
    }
    return undefined;
  }

  /** Replaces a contact wherever a cached page holds it (after a save, or to roll one back). */
  updateContact(id: string, change: (contact: Contact) => Contact): void {
    let touched = false;
    for (const cached of this.pages.values()) {
      const index = cached.rows.findIndex((row) => row.id === id);
      if (index >= 0) {
        const current = cached.rows[index];
        if (current) cached.rows[index] = change(current);
        touched = true;
      }
    }
    if (touched) this.notify();
  }

  /** The list changed on the server: keep showing what is cached, refetch the pages in view and the anchors. */
  invalidate(): void {
    for (const cached of this.pages.values()) cached.stale = true;
    for (const page of [...this.pages.keys()]) if (!this.wanted.includes(page)) this.pages.delete(page);
    this.anchorsAbort?.abort();
    this.anchors = 'idle';
    this.endRow = null;
    this.failed.clear();
    this.error = null;
    this.notify();
    this.startAnchors();
    this.pump();
  }

  /** Tries the failed pages again. */
  retry(): void {
    this.failed.clear();
    this.error = null;
    this.notify();
    this.pump();
  }

  /** Stops every request; the store is not used again. */
  dispose(): void {
    this.disposed = true;
    for (const controller of this.inflight.values()) controller.abort();
    this.anchorsAbort?.abort();
    this.listeners.clear();
  }

  private notify(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  private anchorsPending(): boolean {
    if (this.anchors === 'loading') return true;
    return this.anchors === 'idle' && (this.total === null || this.total > ANCHORS_FROM);
  }

  /** Pages between two anchors of this list. */
  private anchorStride(): number {
    return anchorSpacing(this.total ?? 0) / PAGE_SIZE;
  }

  /** True when a page in view still has to arrive (its rows show as skeletons, or stale). */
  private viewIncomplete(): boolean {
    return this.inView.some((page) => {
      const cached = this.pages.get(page);
      const beyondEnd = this.endRow !== null && page * PAGE_SIZE >= this.endRow;
      return (!cached || cached.stale) && !beyondEnd && !this.failed.has(page);
    });
  }

  /**
   * Starts fetches for the wanted pages. Pages in view come first and have the server to themselves: the pages
   * beside the view are prefetched only once the view is complete, and only when their cursor is known.
   */
  private pump(): void {
    if (this.disposed) return;
    const viewIncomplete = this.viewIncomplete();
    for (const target of this.wanted) {
      if (this.inflight.size >= MAX_PARALLEL_FETCHES) return;
      const inView = this.inView.includes(target);
      if (!inView && viewIncomplete) continue;
      const cached = this.pages.get(target);
      if ((cached && !cached.stale) || this.failed.has(target)) continue;
      if (this.endRow !== null && target * PAGE_SIZE >= this.endRow) continue;
      const plan = planPageFetch(target, {
        cursors: this.cursors,
        loaded: this.pages,
        inflight: new Set(this.inflight.keys()),
        anchorsPending: this.anchorsPending(),
        anchorStride: this.anchorStride(),
      });
      if (plan.kind !== 'fetch' || this.failed.has(plan.page)) continue;
      if (plan.page === target) this.fetchPage(plan.page, plan.cursor, this.pagesToFetchWith(target));
      else if (inView) this.fetchPage(plan.page, plan.cursor, 1);
    }
  }

  /**
   * 2 when the page after `page` is in view too, missing, and its start is known: both come in one request (a view
   * straddling two pages then waits for one answer and renders once); otherwise 1.
   */
  private pagesToFetchWith(page: number): number {
    const next = page + 1;
    const nextMissing = !this.pages.get(next) || this.pages.get(next)?.stale === true;
    const together =
      this.inView.includes(page) &&
      this.inView.includes(next) &&
      nextMissing &&
      !this.inflight.has(next) &&
      !this.failed.has(next) &&
      this.cursors.has(next);
    return together ? 2 : 1;
  }

  /** Fetches `count` consecutive pages from the start of `page` in one request. */
  private fetchPage(page: number, cursor: string | null, count: number): void {
    const controller = new AbortController();
    for (let i = 0; i < count; i++) this.inflight.set(page + i, controller);
    const started = performance.now();
    this.source.fetchPage(cursor, count * PAGE_SIZE, controller.signal).then(
      (result) => {
        for (let i = 0; i < count; i++) this.inflight.delete(page + i);
        if (this.disposed) return;
        this.storeRows(page, count, result);
        performance.mark('rolo:page-loaded');
        performance.measure('rolo:page-fetch', { start: started, end: performance.now() });
        for (const evicted of pagesToEvict(this.pages.keys(), this.inView, MAX_CACHED_PAGES))
          this.pages.delete(evicted);
        this.startAnchors();
        this.notify();
        this.pump();
      },
      (error: unknown) => {
        for (let i = 0; i < count; i++) this.inflight.delete(page + i);
        if (this.disposed) return;
        if (!isAbort(error)) {
          this.failed.add(page);
          this.error = error;
          this.notify();
        }
        this.pump();
      },
    );
  }

  /** Files the rows of a request for `count` pages from `page` into the cache, page by page. */
  private storeRows(page: number, count: number, result: Page<Contact>): void {
    for (let i = 0; i < count; i++) {
      const rows = result.data.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE);
      const last = i === count - 1 || result.data.length <= (i + 1) * PAGE_SIZE;
      const nextCursor = last
        ? i === count - 1
          ? result.nextCursor
          : null
        : (this.cursors.get(page + i + 1) ?? null);
      this.pages.set(page + i, { rows, nextCursor, stale: false });
      if (last) break;
    }
    if (page === 0) this.firstPageArrived = true;
    if (result.nextCursor) this.cursors.set(page + count, result.nextCursor);
    else this.endRow = page * PAGE_SIZE + result.data.length;
  }

  private startAnchors(): void {
    if (
      this.anchors !== 'idle' ||
      !this.firstPageArrived ||
      this.total === null ||
      this.total <= ANCHORS_FROM
    )
      return;
    this.anchors = 'loading';
    const controller = new AbortController();
    this.anchorsAbort = controller;
    this.source.fetchAnchors(anchorSpacing(this.total), controller.signal).then(
      (answer) => {
        if (this.disposed || controller.signal.aborted) return;
        for (const [page, cursor] of anchorPageCursors(answer.every, answer.cursors, PAGE_SIZE))
          this.cursors.set(page, cursor);
        this.anchors = 'done';
        this.pump();
      },
      () => {
        if (this.disposed || controller.signal.aborted) return;
        this.anchors = 'failed';
        this.pump();
      },
    );
  }
}
