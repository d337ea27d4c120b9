import { readdirSync, readFileSync } from 'node:fs';

/** Polls the resident memory of a process with all its descendants and keeps the highest value seen. */
export interface RssSampler {
  /** The highest VmRSS seen since start or the last reset, in MB (10^6 bytes), summed over the process tree. */
  maxMB(): number;
  /** Forgets the maximum so far (to measure one phase). */
  reset(): void;
  stop(): void;
}

function readStatus(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return '';
  }
}

/** The process and every process below it (worker processes of a multi-process server). */
function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = /^PPid:\s+(\d+)/m.exec(readStatus(Number(entry)));
    if (parent) parents.set(Number(entry), Number(parent[1]));
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, parent] of parents) if (parent === tree[i]) tree.push(pid);
  }
  return tree;
}

function readRssKiB(root: number): number {
  return processTree(root).reduce((sum, pid) => {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readStatus(pid));
    return sum + (match ? Number(match[1]) : 0);
  }, 0);
}

/** Samples `/proc/<pid>/status` of the process tree every `intervalMs`. */
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
