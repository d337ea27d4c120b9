import { describe, expect, it } from 'vitest';
import { scrollTopFor, virtualOffsetOf, virtualWindowOf, type VirtualGeometry } from './virtual-window';

const small: VirtualGeometry = {
  count: 1000,
  rowHeight: 36,
  viewportHeight: 720,
  maxHeight: 1e7,
  overscan: 5,
};
const huge: VirtualGeometry = { ...small, count: 1_000_000 };

describe('virtualWindowOf', () => {
  it('renders only the visible rows and the overscan', () => {
    const window = virtualWindowOf(3600, small);
    expect(window.firstVisible).toBe(100);
    expect(window.lastVisible).toBe(119);
    expect(window.first).toBe(95);
    expect(window.last).toBe(124);
    expect(window.topOf(100)).toBe(3600);
    expect(window.spacerHeight).toBe(36_000);
  });

  it('has nothing to render for an empty list', () => {
    const window = virtualWindowOf(0, { ...small, count: 0 });
    expect(window.last).toBeLessThan(window.first);
  });

  it('scales a list taller than the browser can lay out, reaching the last row at the bottom', () => {
    const window = virtualWindowOf(1e7, huge);
    expect(window.spacerHeight).toBe(1e7);
    expect(window.lastVisible).toBe(999_999);
    expect(window.topOf(999_999)).toBeCloseTo(1e7 - 36);
    expect(window.last - window.first).toBeLessThan(40);
  });

  it('keeps rows one row height apart when scaled', () => {
    const window = virtualWindowOf(4_321_000, huge);
    expect(window.topOf(window.first + 1) - window.topOf(window.first)).toBe(36);
    expect(window.topOf(window.firstVisible)).toBeLessThanOrEqual(4_321_000);
    expect(window.topOf(window.firstVisible) + 36).toBeGreaterThan(4_321_000);
  });

  it('maps scroll positions both ways', () => {
    const top = scrollTopFor(500_000 * 36, huge);
    expect(virtualOffsetOf(top, huge)).toBeCloseTo(500_000 * 36);
    expect(scrollTopFor(1234, small)).toBe(1234);
  });
});
