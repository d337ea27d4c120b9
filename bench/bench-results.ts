import type { ApiLatency } from './api-latency.js';
import type { BenchOptions } from './options.js';
import type { LatencySummary } from './percentiles.js';
import type { PreparedWorkspace } from './prepare-workspace.js';
import type { Throughput } from './throughput.js';

/** One number held against its target, beside the baseline measured in the same run. */
export interface Check {
  metric: string;
  value: string;
  target: string;
  baseline: string;
  met: boolean;
}

/** Everything one benchmark run measured. */
export interface BenchResults {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; loadAverageAtStart: number[] };
  options: Pick<BenchOptions, 'contacts' | 'db' | 'duration' | 'samples' | 'workers'> & {
    connections: number;
  };
  seed: PreparedWorkspace['seed'];
  api: ApiLatency;
  mixed: Throughput & { mix: Record<string, number> };
  rss: { maxUnderLoadMB: number; maxMB: number };
  baseline: { barePages: { first: LatencySummary; deep: LatencySummary }; bareFastify: Throughput };
  checks: Check[];
}
