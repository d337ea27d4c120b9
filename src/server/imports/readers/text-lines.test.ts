import { describe, expect, it } from 'vitest';
import { splitLines, type TextLine } from './text-lines.js';

async function linesOf(chunks: string[], maxLength = 100): Promise<TextLine[]> {
  const lines: TextLine[] = [];
  for await (const line of splitLines(chunksOf(chunks), maxLength)) lines.push(line);
  return lines;
}

async function* chunksOf(chunks: string[]): AsyncGenerator<string> {
  yield* chunks;
}

const texts = (lines: TextLine[]) => lines.map((line) => line.text);

describe('splitLines', () => {
  it('splits at CRLF, LF and CR, also when a CRLF is cut between chunks', async () => {
    expect(texts(await linesOf(['a\r\nb\nc\rd']))).toEqual(['a', 'b', 'c', 'd']);
    expect(texts(await linesOf(['a\r', '\nb\r', 'c\n', '\n', 'd']))).toEqual(['a', 'b', 'c', '', 'd']);
    expect(texts(await linesOf(['ab', 'c\n', 'de']))).toEqual(['abc', 'de']);
  });

  it('keeps at most maxLength characters of a line and says it was cut', async () => {
    expect(await linesOf(['abcdef', 'gh\nij'], 4)).toEqual([
      { text: 'abcd', truncated: true },
      { text: 'ij', truncated: false },
    ]);
  });
});
