import { ApiError, type FieldProblem } from './api-error';
import { takeEarlyResponse } from './early-requests';

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remembers the session's CSRF token; every write sends it as X-CSRF-Token. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the API answers 401 to a signed-in request: the session expired or was revoked. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

/** The headers a write sent outside apiRequest needs (an upload with progress): the session's CSRF token. */
export function writeHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** Tells the app its session ended, when a request sent outside apiRequest was answered 401. */
export function reportUnauthenticated(): void {
  onUnauthenticated?.();
}

/** Options of one API call. */
export interface ApiRequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** A 401 means nobody is signed in yet (a request sent before the session is known), not that a session expired. */
  beforeSession?: boolean;
}

interface ProblemBody {
  code?: string;
  detail?: string;
  errors?: FieldProblem[];
  [key: string]: unknown;
}

/** Reads an error answer (problem+json) into an ApiError. */
export async function toApiError(response: Response): Promise<ApiError> {
  const problem = (await response.json().catch(() => ({}))) as ProblemBody;
  const { code, detail, errors, ...extra } = problem;
  return new ApiError(
    response.status,
    code ?? 'http_error',
    detail ?? `The server answered ${response.status}`,
    errors ?? [],
    extra,
  );
}

/** Calls the API under /api/v1 with the session cookie; resolves the JSON body or throws ApiError. */
export async function apiRequest<T>(
  method: string,
  path: string,
  options: ApiRequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    const early = method === 'GET' && !options.headers ? takeEarlyResponse(path) : undefined;
    response = await (early ??
      fetch(`/api/v1${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: options.body === undefined ? null : JSON.stringify(options.body),
        signal: options.signal ?? null,
      }));
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'Cannot reach the server. Check your connection and try again.');
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && !path.startsWith('/auth/') && !options.beforeSession)
      onUnauthenticated?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Short forms of apiRequest per method. */
export const api = {
  get: <T>(path: string, options?: ApiRequestOptions) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: ApiRequestOptions) =>
    apiRequest<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: ApiRequestOptions) =>
    apiRequest<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: ApiRequestOptions) =>
    apiRequest<T>('PUT', path, { ...options, body }),
  delete: <T = void>(path: string, options?: ApiRequestOptions) => apiRequest<T>('DELETE', path, options),
};

/** Builds a query string from defined values only: `{q: 'ana', cursor: undefined}` → `?q=ana`. */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
