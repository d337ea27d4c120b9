import type { Repositories, UnitOfWork } from '../db/repositories.js';
import { AppError } from '../http/errors.js';

/** The outcome for one contact of a bulk action. */
export interface ItemResult {
  id: string;
  ok: boolean;
  error?: string;
}

/** An item of a bulk run: a contact id and its position in the whole selection (round-robin counts on it). */
export interface BulkItem {
  id: string;
  index: number;
}

const describe = (error: unknown) => (error instanceof AppError ? error.message : 'failed unexpectedly');

/**
 * Runs `work` on a chunk of items in one transaction; `work` returns the ids it found (the others are reported
 * as not found). When the chunk fails, each item runs again on its own, so that one bad contact fails alone.
 */
export async function applyIsolated(
  uow: UnitOfWork,
  items: BulkItem[],
  work: (repos: Repositories, items: BulkItem[]) => Promise<ReadonlySet<string>>,
): Promise<ItemResult[]> {
  try {
    return await uow.transaction(async (repos) => {
      const found = await work(repos, items);
      return items.map(({ id }) =>
        found.has(id) ? { id, ok: true } : { id, ok: false, error: 'Contact not found' },
      );
    });
  } catch (error) {
    if (items.length <= 1) return items.map(({ id }) => ({ id, ok: false, error: describe(error) }));
    const results: ItemResult[] = [];
    for (const item of items) results.push(...(await applyIsolated(uow, [item], work)));
    return results;
  }
}

/** Running totals of a bulk run, keeping at most `maxReported` failures. */
export class BulkTally {
  ok = 0;
  failed = 0;
  readonly failures: ItemResult[] = [];

  constructor(private readonly maxReported: number) {}

  /** Counts a chunk's results. */
  add(results: ItemResult[]): void {
    for (const result of results) {
      if (result.ok) this.ok++;
      else {
        this.failed++;
        if (this.failures.length < this.maxReported) this.failures.push(result);
      }
    }
  }
}
