import { readFileSync } from 'node:fs';

/** Polls a process's resident memory and keeps the highest value seen. */
export interface RssSampler {
  /** The highest VmRSS seen since start or the last reset, in MB (10^6 bytes). */
  maxMB(): number;
  /** Forgets the maximum so far (to measure one phase). */
  reset(): void;
  stop(): void;
}

function readRssKiB(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Samples `/proc/<pid>/status` every `intervalMs`. */
export function sampleRss(pid: number, intervalMs = 100): RssSampler {
  let max = readRssKiB(pid);
  const timer = setInterval(() => {
    max = Math.max(max, readRssKiB(pid));
  }, intervalMs);
  return {
    maxMB: () => Math.round((Math.max(max, readRssKiB(pid)) * 1024) / 1e5) / 10,
    reset: () => {
      max = readRssKiB(pid);
    },
    stop: () => clearInterval(timer),
  };
}
