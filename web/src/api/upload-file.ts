import { reportUnauthenticated, toApiError, writeHeaders } from './api-client';
import { ApiError } from './api-error';

/** How far an upload is: bytes sent of the file's size. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/** Options of one upload. */
export interface UploadOptions {
  /** The form field the file is sent in. */
  field?: string;
  onProgress?(progress: UploadProgress): void;
  /** Aborting it stops the upload; the promise then rejects with an AbortError. */
  signal?: AbortSignal;
}

/**
 * Sends a file to the API as multipart/form-data with the session cookie and CSRF token, reporting upload
 * progress (fetch cannot); resolves the JSON answer or throws ApiError like apiRequest.
 */
export function uploadFile<T>(path: string, file: File, options: UploadOptions = {}): Promise<T> {
  const { field = 'file', onProgress, signal } = options;
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('The upload was cancelled', 'AbortError'));
      return;
    }
    const request = new XMLHttpRequest();
    request.open('POST', `/api/v1${path}`);
    request.withCredentials = true;
    request.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(writeHeaders())) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) =>
      onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        resolve(request.responseText ? (JSON.parse(request.responseText) as T) : (undefined as T));
        return;
      }
      if (request.status === 401) reportUnauthenticated();
      void toApiError(new Response(request.responseText, { status: request.status })).then(reject);
    };
    request.onerror = () =>
      reject(
        new ApiError(0, 'network_error', 'Cannot reach the server. Check your connection and try again.'),
      );
    request.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    const form = new FormData();
    form.append(field, file, file.name);
    request.send(form);
  });
}
