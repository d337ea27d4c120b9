import type { BulkResult } from '../api/types';
import { numberFormat } from '../ui/intl-formats';

/** One contact a bulk action failed on, named for people. */
export interface BulkFailure {
  id: string;
  name: string;
  error: string;
}

/** A bulk outcome as people read it. */
export interface BulkSummary {
  done: number;
  failed: number;
  /** `3 done`, `2 done, 1 failed`. */
  headline: string;
  failures: BulkFailure[];
}

/** Summarises a bulk result; failed contacts are named when their names are known. */
export function summarizeBulk(result: BulkResult, nameOf: (id: string) => string | undefined): BulkSummary {
  const { ok: done, failed } = result.counts;
  const failures = result.results
    .filter((item) => !item.ok)
    .map((item) => ({
      id: item.id,
      name: nameOf(item.id) ?? 'A contact',
      error: item.error ?? 'failed',
    }));
  const parts = [`${done.toLocaleString()} done`];
  if (failed) parts.push(`${failed.toLocaleString()} failed`);
  return { done, failed, headline: parts.join(', '), failures };
}

/** How many contacts, in words: `1 contact`, `12,345 contacts`. */
export function contactCount(count: number): string {
  return `${numberFormat(undefined).format(count)} ${count === 1 ? 'contact' : 'contacts'}`;
}
