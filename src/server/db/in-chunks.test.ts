import { describe, expect, it } from 'vitest';
import { rowsPerStatement, statementChunks } from './in-chunks.js';

describe('statementChunks', () => {
  it('cuts rows into full statements, then the rest into halving powers of two, keeping order', () => {
    const rows = Array.from({ length: 1_234 }, (_, i) => i);
    const chunks = statementChunks(rows, 512);
    expect(chunks.map((c) => c.length)).toEqual([512, 512, 128, 64, 16, 2]);
    expect(chunks.flat()).toEqual(rows);
  });

  it('keeps statements under the values a statement may bind, in powers of two', () => {
    expect(rowsPerStatement(5)).toBe(512);
    expect(rowsPerStatement(45)).toBe(128);
    expect(rowsPerStatement(10_000)).toBe(1);
  });
});
