/** Latency of a series of timed operations, in milliseconds. */
export interface LatencySummary {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** Summarises durations (ms) into mean and nearest-rank percentiles. */
export function summarize(durations: number[]): LatencySummary {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  const total = sorted.reduce((sum, d) => sum + d, 0);
  return {
    n: sorted.length,
    mean: round(sorted.length ? total / sorted.length : 0),
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    max: round(sorted.at(-1) ?? 0),
  };
}

/** Times `operation` `warmup + samples` times in sequence and summarises the last `samples`. */
export async function timeSequentially(
  samples: number,
  operation: (i: number) => Promise<void> | void,
  warmup = Math.min(100, samples),
): Promise<LatencySummary> {
  for (let i = 0; i < warmup; i++) await operation(i);
  const durations: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = process.hrtime.bigint();
    await operation(i);
    durations.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return summarize(durations);
}
