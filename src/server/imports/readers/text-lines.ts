/** A line of text; `truncated` when it was longer than the limit and its end was dropped. */
export interface TextLine {
  text: string;
  truncated: boolean;
}

/** Splits text chunks into lines at CRLF, LF or CR, keeping at most `maxLength` characters of each line. */
export async function* splitLines(
  chunks: AsyncIterable<string>,
  maxLength: number,
): AsyncGenerator<TextLine> {
  let text = '';
  let truncated = false;
  let afterCarriageReturn = false;
  for await (const chunk of chunks) {
    if (chunk === '') continue;
    let start = 0;
    if (afterCarriageReturn && chunk.startsWith('\n')) start = 1;
    afterCarriageReturn = false;
    for (let end = lineBreakFrom(chunk, start); end !== -1; end = lineBreakFrom(chunk, start)) {
      ({ text, truncated } = appendToLine({ text, truncated }, chunk.slice(start, end), maxLength));
      yield { text, truncated };
      text = '';
      truncated = false;
      if (chunk[end] === '\r') {
        if (end + 1 === chunk.length) afterCarriageReturn = true;
        else if (chunk[end + 1] === '\n') end++;
      }
      start = end + 1;
    }
    ({ text, truncated } = appendToLine({ text, truncated }, chunk.slice(start), maxLength));
  }
  if (text !== '' || truncated) yield { text, truncated };
}

function lineBreakFrom(chunk: string, start: number): number {
  const lineBreak = /[\r\n]/g;
  lineBreak.lastIndex = start;
  return lineBreak.exec(chunk)?.index ?? -1;
}

/** Appends text to a line, keeping at most `maxLength` characters. */
export function appendToLine(line: TextLine, piece: string, maxLength: number): TextLine {
  const room = maxLength - line.text.length;
  if (piece.length <= room) return { text: line.text + piece, truncated: line.truncated };
  return { text: line.text + piece.slice(0, Math.max(0, room)), truncated: true };
}
