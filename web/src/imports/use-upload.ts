import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportUpload } from '../../../src/shared/import-schemas';
import { ApiError, messageOf } from '../api/api-error';
import { uploadFile } from '../api/upload-file';
import { formatBytes } from './import-labels';

/** The largest file an import takes. */
export const MAX_IMPORT_BYTES = 1024 ** 3;

/** Where an upload is: nothing chosen, sending (bytes sent), refused (why), or read by the server. */
export type UploadState =
  | { phase: 'idle' }
  | { phase: 'sending'; file: File; loaded: number }
  | { phase: 'failed'; file: File; title: string; message: string }
  | { phase: 'done'; file: File; result: ImportUpload };

/** Why a file was refused, as a title and a message. */
function describeFailure(error: unknown): { title: string; message: string } {
  if (error instanceof ApiError && error.code === 'unreadable_file')
    return { title: 'This file cannot be read', message: error.message };
  if (error instanceof ApiError && error.status === 413)
    return { title: 'This file is too large', message: 'Files up to 1 GB can be imported.' };
  return { title: 'The file was not uploaded', message: messageOf(error) };
}

/**
 * Uploads a file to POST /imports with progress, resolving the server's reading of it (null when refused or
 * cancelled); the upload can be cancelled, and is when the page closes.
 */
export function useUpload() {
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const send = useCallback(async (file: File): Promise<ImportUpload | null> => {
    controller.current?.abort();
    if (file.size > MAX_IMPORT_BYTES) {
      setState({
        phase: 'failed',
        file,
        title: 'This file is too large',
        message: `Files up to 1 GB can be imported; this one is ${formatBytes(file.size)}. Split it into smaller files.`,
      });
      return null;
    }
    const abort = new AbortController();
    controller.current = abort;
    setState({ phase: 'sending', file, loaded: 0 });
    try {
      const result = await uploadFile<ImportUpload>('/imports', file, {
        signal: abort.signal,
        onProgress: ({ loaded }) =>
          !abort.signal.aborted && setState({ phase: 'sending', file, loaded: Math.min(loaded, file.size) }),
      });
      if (abort.signal.aborted) return null;
      setState({ phase: 'done', file, result });
      return result;
    } catch (error) {
      if (!abort.signal.aborted) setState({ phase: 'failed', file, ...describeFailure(error) });
      return null;
    }
  }, []);

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState({ phase: 'idle' });
  }, []);

  return { state, send, cancel };
}
