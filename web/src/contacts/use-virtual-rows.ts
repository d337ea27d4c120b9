import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { scrollTopFor, virtualWindowOf, type VirtualGeometry, type VirtualWindow } from './virtual-window';

const FALLBACK_MAX_HEIGHT = 10_000_000;
/** Longest a jump waits for its rows before it shows loading rows instead. */
const HOLD_MS = 120;
let measuredMaxHeight: number | null = null;

/** The tallest element this browser lays out (with a margin); lists taller than that are scaled. */
function maxElementHeight(): number {
  if (measuredMaxHeight !== null) return measuredMaxHeight;
  const probe = document.createElement('div');
  probe.style.cssText = 'position:absolute;visibility:hidden;width:1px;height:1000000000px';
  document.body.appendChild(probe);
  const height = probe.offsetHeight;
  probe.remove();
  measuredMaxHeight = height > 1_000_000 ? Math.floor(height * 0.9) : FALLBACK_MAX_HEIGHT;
  return measuredMaxHeight;
}

/** Options of the row virtualiser. */
export interface VirtualRowsOptions {
  count: number;
  rowHeight: number;
  /** Height of the sticky header at the top of the scroll container. */
  headerHeight: number;
  overscan: number;
  /** Where to start scrolled to (a list revisited comes back where it was); applied again when onScroll changes. */
  initialScrollTop: number;
  /** Called on every scroll with the rows now in view, before React renders them; a new function marks a new list. */
  onScroll(scrollTop: number, view: VirtualWindow): void;
  /**
   * True when the rows of a window are at hand. A jump to rows that are not (a scroll that leaves no rendered row
   * in view) waits for them up to HOLD_MS, so that they render once instead of as loading rows and then again.
   */
  isLoaded(view: VirtualWindow): boolean;
  /** Subscribes to changes of what `isLoaded` answers. */
  subscribe(listener: () => void): () => void;
}

/**
 * Virtualises fixed-height rows in a scroll container: only the rows in view (and a few beyond) render. Lists
 * taller than the browser can lay out (a million rows) are scaled so the scrollbar still spans all of them.
 */
export function useVirtualRows(
  scrollRef: RefObject<HTMLElement | null>,
  {
    count,
    rowHeight,
    headerHeight,
    overscan,
    initialScrollTop,
    onScroll,
    isLoaded,
    subscribe,
  }: VirtualRowsOptions,
) {
  // Until the container is measured, the window's height is the best guess: the first render then already holds
  // about the rows in view, rather than one row and then all of them.
  const [metrics, setMetrics] = useState({ scrollTop: initialScrollTop, height: window.innerHeight });
  const geometry = useMemo<VirtualGeometry>(
    () => ({
      count,
      rowHeight,
      overscan,
      viewportHeight: Math.max(metrics.height - headerHeight, rowHeight),
      maxHeight: maxElementHeight(),
    }),
    [count, rowHeight, overscan, metrics.height, headerHeight],
  );
  const latestGeometry = useRef(geometry);
  const rendered = useRef({ first: 0, last: -1 });
  const frame: VirtualWindow = virtualWindowOf(metrics.scrollTop, geometry);
  useLayoutEffect(() => {
    latestGeometry.current = geometry;
    rendered.current = { first: frame.first, last: frame.last };
  }, [geometry, frame.first, frame.last]);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    element.scrollTop = initialScrollTop;
    let held: { metrics: typeof metrics; view: VirtualWindow } | null = null;
    let holdTimer: ReturnType<typeof setTimeout> | undefined;
    const show = (next: typeof metrics) => {
      held = null;
      clearTimeout(holdTimer);
      holdTimer = undefined;
      setMetrics((current) =>
        current.scrollTop === next.scrollTop && current.height === next.height ? current : next,
      );
    };
    const read = () => {
      const next = { scrollTop: element.scrollTop, height: element.clientHeight };
      const viewportHeight = Math.max(next.height - headerHeight, latestGeometry.current.rowHeight);
      const view = virtualWindowOf(next.scrollTop, { ...latestGeometry.current, viewportHeight });
      onScroll(next.scrollTop, view);
      const jumped = view.lastVisible < rendered.current.first || view.firstVisible > rendered.current.last;
      if (jumped && !isLoaded(view)) {
        held = { metrics: next, view };
        holdTimer ??= setTimeout(() => held && show(held.metrics), HOLD_MS);
        return;
      }
      show(next);
    };
    read();
    const unsubscribe = subscribe(() => {
      if (held && isLoaded(held.view)) show(held.metrics);
    });
    element.addEventListener('scroll', read, { passive: true });
    const observer = new ResizeObserver(read);
    observer.observe(element);
    return () => {
      unsubscribe();
      clearTimeout(holdTimer);
      element.removeEventListener('scroll', read);
      observer.disconnect();
    };
  }, [scrollRef, initialScrollTop, onScroll, headerHeight, isLoaded, subscribe]);

  const scrollToRow = useCallback(
    (index: number) => {
      const element = scrollRef.current;
      if (!element) return;
      const current = virtualWindowOf(element.scrollTop, geometry);
      if (index > current.firstVisible && index < current.lastVisible) return;
      const offset =
        index <= current.firstVisible ? index * rowHeight : (index + 1) * rowHeight - geometry.viewportHeight;
      element.scrollTop = scrollTopFor(Math.max(0, offset), geometry);
    },
    [scrollRef, geometry, rowHeight],
  );

  return { frame, scrollToRow };
}
