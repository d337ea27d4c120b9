import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/** Resolves when the stream can take more; rejects when it fails or closes first. */
export function drained(output: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      output.off('drain', onDrain);
      output.off('error', onError);
      output.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onError = (error: Error) => settle(error);
    const onClose = () =>
      settle(output.errored ?? new Error('the output closed before the export was written'));
    output.on('drain', onDrain);
    output.on('error', onError);
    output.on('close', onClose);
  });
}

/**
 * Keeps a failing stream from crashing the process with an unhandled `error` event: the error stays in its
 * `errored` and fails the next write or the final flush.
 */
export function holdErrors(output: Writable): void {
  output.on('error', () => undefined);
}

/** Writes a chunk, then waits while the stream is full (backpressure); fails at once on a failed stream. */
export async function writeChunk(output: Writable, chunk: string | Buffer): Promise<void> {
  if (output.destroyed) throw output.errored ?? new Error('the output closed before the export was written');
  if (!output.write(chunk)) await drained(output);
}

/** Waits while the stream is full. */
export async function waitForRoom(output: Writable): Promise<void> {
  if (output.writableNeedDrain) await drained(output);
}

/** Ends the stream and waits until everything written has been flushed. */
export async function endStream(output: Writable): Promise<void> {
  output.end();
  await finished(output);
}

/**
 * A writable that passes everything on to `output` with its backpressure, and ends `output` when it ends; its
 * `finish` comes once `output` has finished. (`pipe` never ends standard output, so a library piping into it
 * would wait for a `finish` that never comes.)
 */
export function relayTo(output: Writable): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      writeChunk(output, chunk).then(() => callback(), callback);
    },
    final(callback) {
      endStream(output).then(() => callback(), callback);
    },
  });
}
