import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, Transform } from 'node:stream';
import iconv from 'iconv-lite';

/** Reads at most the first `size` bytes of a file. */
export async function readFileHead(path: string, size: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Streams a file as string chunks decoded from `encoding` (BOM dropped); destroying the stream closes the file. */
export function openTextStream(path: string, encoding: string): Transform {
  const decoder = iconv.getDecoder(iconv.encodingExists(encoding) ? encoding : 'utf-8');
  const text = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, callback) {
      const decoded = decoder.write(chunk);
      callback(null, decoded || undefined);
    },
    flush(callback) {
      callback(null, decoder.end() || undefined);
    },
  });
  pipeline(createReadStream(path), text, () => undefined);
  return text;
}
