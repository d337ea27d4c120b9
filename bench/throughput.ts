import autocannon, { type RequestSpec } from 'autocannon';

/** Settings shared by every throughput run, so the app and the baseline are loaded alike. */
export interface LoadSettings {
  connections: number;
  duration: number;
}

/** What one autocannon run measured. */
export interface Throughput {
  requestsPerSecond: number;
  total: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** How many answers came with each HTTP status. */
  statusCodes: Record<string, number>;
  latencyMs: { p50: number; p99: number; max: number };
}

/** Loads `url` with autocannon; `next` picks each request, or every request is a plain GET of `url`. */
export async function measureThroughput(
  url: string,
  settings: LoadSettings,
  options: { headers?: Record<string, string>; next?: (request: RequestSpec) => RequestSpec } = {},
): Promise<Throughput> {
  const { next } = options;
  const result = await autocannon({
    url,
    connections: settings.connections,
    duration: settings.duration,
    ...(options.headers ? { headers: options.headers } : {}),
    ...(next ? { requests: [{ setupRequest: next }] } : {}),
  });
  return {
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    total: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, count]),
    ),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  };
}
