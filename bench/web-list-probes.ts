/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from 'playwright-core';

/** How the benchmark finds the list's parts in the page. */
export const LIST_SELECTORS = {
  /** The grid; its parent element is what scrolls. */
  grid: '[role="grid"][aria-label="Contacts"]',
  /** The sticky header: rows scrolled under it are hidden from the user. */
  header: '[role="grid"][aria-label="Contacts"] > [role="rowgroup"]:first-child',
  dataRow: '[role="grid"] [role="rowgroup"] > [role="row"][aria-selected]',
  loadingRow: '[role="grid"] [role="rowgroup"] > [role="row"][aria-busy="true"]',
};

/** Records, from before any page script runs, when the first loaded row appears and every list page fetch. */
export async function installListProbes(page: Page): Promise<void> {
  // tsx compiles with keepNames, which wraps functions in __name(); functions sent to the page need it too.
  await page.addInitScript('globalThis.__name = (fn) => fn;');
  await page.addInitScript((selectors) => {
    const probe = {
      firstRowAt: null as number | null,
      fetches: [] as { name: string; start: number; ms: number }[],
    };
    Object.assign(globalThis, { __roloProbe: probe });
    new MutationObserver(() => {
      if (probe.firstRowAt === null && document.querySelector(selectors.dataRow))
        probe.firstRowAt = performance.now();
    }).observe(document, { subtree: true, childList: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        if (/\/api\/v1\/contacts(\?|\/anchors|\/count)/.test(entry.name))
          probe.fetches.push({ name: entry.name, start: entry.startTime, ms: entry.duration });
    }).observe({ type: 'resource', buffered: true });
  }, LIST_SELECTORS);
}

/** Milliseconds from navigation start until the first loaded row was in the DOM. */
export async function firstRowsAfterNavigation(page: Page): Promise<number> {
  await page.waitForSelector(LIST_SELECTORS.dataRow);
  return page.evaluate(() => {
    const probe = (globalThis as unknown as { __roloProbe: { firstRowAt: number } }).__roloProbe;
    return Math.round(probe.firstRowAt);
  });
}

/** What one jump of the scrollbar cost: time the viewport showed loading rows, and the page fetches it made. */
export interface JumpSample {
  depth: number;
  blankMs: number;
  fetchMs: number[];
  rowsInDom: number;
}

/** Drags the list to a depth (0…1) and waits, frame by frame, until every visible row is loaded. */
export async function jumpTo(page: Page, depth: number): Promise<JumpSample> {
  return page.evaluate(
    async ({ depth, selectors }) => {
      const probe = (
        globalThis as unknown as { __roloProbe: { fetches: { name: string; start: number; ms: number }[] } }
      ).__roloProbe;
      const scroller = document.querySelector<HTMLElement>(selectors.grid)?.parentElement;
      if (!scroller) throw new Error(`no ${selectors.grid} in the page`);
      const box = scroller.getBoundingClientRect();
      const headerBottom =
        document.querySelector(selectors.header)?.getBoundingClientRect().bottom ?? box.top;
      // What the user sees of the rows: below the sticky header, above the horizontal scrollbar.
      const top = Math.max(box.top, headerBottom);
      const bottom = box.top + scroller.clientTop + scroller.clientHeight;
      const anyVisible = (selector: string) =>
        [...document.querySelectorAll<HTMLElement>(selector)].some((row) => {
          const rect = row.getBoundingClientRect();
          return rect.bottom > top && rect.top < bottom;
        });
      const visibleLoading = () => anyVisible(selectors.loadingRow);
      const visibleLoaded = () => anyVisible(selectors.dataRow);
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const started = performance.now();
      scroller.scrollTop = depth * (scroller.scrollHeight - scroller.clientHeight);
      let blankUntil = started;
      const deadline = started + 10_000;
      await frame();
      while (performance.now() < deadline) {
        if (!visibleLoading() && visibleLoaded()) break;
        blankUntil = performance.now();
        await frame();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      const fetchMs = probe.fetches
        .filter((f) => f.start >= started - 1 && f.name.includes('/contacts?'))
        .map((f) => Math.round(f.ms * 10) / 10);
      return {
        depth,
        blankMs: Math.round(blankUntil - started),
        fetchMs,
        rowsInDom: document.querySelectorAll(`${selectors.dataRow}, ${selectors.loadingRow}`).length,
      };
    },
    { depth, selectors: LIST_SELECTORS },
  );
}

/** The list's side requests seen so far (count and anchors), with their durations. */
export async function sideRequests(page: Page): Promise<{ name: string; ms: number }[]> {
  return page.evaluate(() =>
    (
      globalThis as unknown as { __roloProbe: { fetches: { name: string; ms: number }[] } }
    ).__roloProbe.fetches
      .filter((f) => !f.name.includes('/contacts?'))
      .map((f) => ({ name: new URL(f.name).pathname, ms: Math.round(f.ms) })),
  );
}

/** Every request of the page so far as `start → end ms  path`, to see what the first rows waited for. */
export async function requestWaterfall(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map(
        (entry) =>
          `${Math.round(entry.startTime)} → ${Math.round(entry.startTime + entry.duration)} ms  ${new URL(entry.name).pathname}`,
      ),
  );
}
