import { describe, expect, it } from 'vitest';
import { cellAfterKey, nextEditableColumn, parseCell } from './grid-keyboard';

const bounds = { rowCount: 1000, colCount: 6, pageRows: 20 };
const plain = { ctrl: false };

describe('cellAfterKey', () => {
  it('moves with the arrows and stops at the edges, the header being row -1', () => {
    expect(cellAfterKey('ArrowDown', { row: 3, col: 2 }, bounds, plain)).toEqual({ row: 4, col: 2 });
    expect(cellAfterKey('ArrowUp', { row: 0, col: 2 }, bounds, plain)).toEqual({ row: -1, col: 2 });
    expect(cellAfterKey('ArrowUp', { row: -1, col: 2 }, bounds, plain)).toEqual({ row: -1, col: 2 });
    expect(cellAfterKey('ArrowRight', { row: 3, col: 5 }, bounds, plain)).toEqual({ row: 3, col: 5 });
    expect(cellAfterKey('ArrowLeft', { row: 3, col: 0 }, bounds, plain)).toEqual({ row: 3, col: 0 });
  });

  it('jumps by a page and to the ends', () => {
    expect(cellAfterKey('PageDown', { row: 990, col: 1 }, bounds, plain)).toEqual({ row: 999, col: 1 });
    expect(cellAfterKey('PageUp', { row: 10, col: 1 }, bounds, plain)).toEqual({ row: 0, col: 1 });
    expect(cellAfterKey('End', { row: 5, col: 1 }, bounds, { ctrl: true })).toEqual({ row: 999, col: 5 });
    expect(cellAfterKey('Home', { row: 5, col: 3 }, bounds, plain)).toEqual({ row: 5, col: 0 });
  });

  it('ignores other keys', () => {
    expect(cellAfterKey('a', { row: 1, col: 1 }, bounds, plain)).toBeNull();
  });
});

describe('nextEditableColumn', () => {
  it('skips columns that cannot be edited, both ways', () => {
    const editable = [false, true, true, false, true];
    expect(nextEditableColumn(editable, 2, false)).toBe(4);
    expect(nextEditableColumn(editable, 4, true)).toBe(2);
    expect(nextEditableColumn(editable, 4, false)).toBeNull();
    expect(nextEditableColumn(editable, 1, true)).toBeNull();
  });
});

describe('parseCell', () => {
  it('reads header and body cells and nothing else', () => {
    expect(parseCell('-1:3')).toEqual({ row: -1, col: 3 });
    expect(parseCell('120:0')).toEqual({ row: 120, col: 0 });
    expect(parseCell('a:b')).toBeNull();
    expect(parseCell(null)).toBeNull();
  });
});
