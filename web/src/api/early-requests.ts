const early = new Map<string, Promise<Response>>();

/** Sends GET requests to the API before the app's code has loaded; apiRequest takes each answer once. */
export function requestEarly(paths: readonly string[]): void {
  for (const path of paths)
    early.set(
      path,
      fetch(`/api/v1${path}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' }),
    );
}

/** The early answer to a GET of `path`, taken once (undefined when none was sent or it was taken). */
export function takeEarlyResponse(path: string): Promise<Response> | undefined {
  const response = early.get(path);
  early.delete(path);
  return response;
}

/** Forgets early answers nobody took, so that a later GET of the same path asks again. */
export function dropEarlyRequests(): void {
  early.clear();
}
