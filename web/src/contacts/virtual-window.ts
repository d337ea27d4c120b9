/** The geometry of a list of fixed-height rows in a scroll container. */
export interface VirtualGeometry {
  count: number;
  rowHeight: number;
  /** Height of the visible area of the list body, in pixels. */
  viewportHeight: number;
  /** The tallest element the browser lays out; longer lists are scaled to fit it. */
  maxHeight: number;
  overscan: number;
}

/** The rows to render for a scroll position, and where. */
export interface VirtualWindow {
  /** Height of the scrolling spacer (the list's full height, or `maxHeight` when scaled). */
  spacerHeight: number;
  first: number;
  /** Last row to render (inclusive); below `first` when there are no rows. */
  last: number;
  /** Rows fully or partly visible, without overscan. */
  firstVisible: number;
  lastVisible: number;
  /** Top of row `index` inside the spacer. */
  topOf(index: number): number;
}

/** The spacer height for a geometry: the real height, or `maxHeight` when the real one is taller. */
export function spacerHeightOf(geometry: VirtualGeometry): number {
  return Math.min(geometry.count * geometry.rowHeight, geometry.maxHeight);
}

/** Maps a scroll position of the spacer to a position in the full-height list (the same when not scaled). */
export function virtualOffsetOf(scrollTop: number, geometry: VirtualGeometry): number {
  const full = geometry.count * geometry.rowHeight;
  const spacer = spacerHeightOf(geometry);
  const range = spacer - geometry.viewportHeight;
  if (full <= geometry.maxHeight || range <= 0) return scrollTop;
  const clamped = Math.min(Math.max(scrollTop, 0), range);
  return (clamped * (full - geometry.viewportHeight)) / range;
}

/** The scroll position of the spacer that shows the full-height list from `offset` (inverse of virtualOffsetOf). */
export function scrollTopFor(offset: number, geometry: VirtualGeometry): number {
  const full = geometry.count * geometry.rowHeight;
  const spacer = spacerHeightOf(geometry);
  const range = spacer - geometry.viewportHeight;
  if (full <= geometry.maxHeight || range <= 0) return offset;
  const clamped = Math.min(Math.max(offset, 0), full - geometry.viewportHeight);
  return (clamped * range) / (full - geometry.viewportHeight);
}

/**
 * The rows to render at a scroll position. Lists taller than the browser can lay out are scaled: the spacer is
 * `maxHeight` tall, a scroll position maps proportionally to a position in the full list, and rows are placed
 * around the current scroll position so that they stay a whole row height apart.
 */
export function virtualWindowOf(scrollTop: number, geometry: VirtualGeometry): VirtualWindow {
  const { count, rowHeight, viewportHeight, overscan } = geometry;
  const spacerHeight = spacerHeightOf(geometry);
  const top = Math.min(Math.max(scrollTop, 0), Math.max(spacerHeight - viewportHeight, 0));
  const offset = virtualOffsetOf(top, geometry);
  if (count === 0)
    return { spacerHeight, first: 0, last: -1, firstVisible: 0, lastVisible: -1, topOf: () => 0 };
  const firstVisible = Math.min(count - 1, Math.floor(offset / rowHeight));
  const lastVisible = Math.min(
    count - 1,
    Math.max(firstVisible, Math.ceil((offset + viewportHeight) / rowHeight) - 1),
  );
  return {
    spacerHeight,
    first: Math.max(0, firstVisible - overscan),
    last: Math.min(count - 1, lastVisible + overscan),
    firstVisible,
    lastVisible,
    topOf: (index) => top + index * rowHeight - offset,
  };
}
