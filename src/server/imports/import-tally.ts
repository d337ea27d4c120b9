import type { ImportCounts, ImportReason } from '../../shared/import-schemas.js';
import type { RowOutcome } from './import-row-writer.js';

/** Counts of an import before any row. */
export const EMPTY_COUNTS: ImportCounts = { created: 0, updated: 0, skipped: 0, failed: 0 };
/** Example rows kept per reason. */
const EXAMPLES = 5;
/** Distinct reasons kept; further ones are counted under "other reasons". */
const MAX_REASONS = 50;

/** Adds one row's outcome to a tally: its count, and its reason with an example row number. */
export function tallyOutcome(
  tally: ImportCounts & { rows: number; reasons: ImportReason[] },
  outcome: RowOutcome,
  rowNumber: number,
): void {
  tally.rows++;
  tally[outcome.kind]++;
  if (outcome.kind !== 'skipped' && outcome.kind !== 'failed') return;
  const general = generalReason(outcome.reason);
  let reason = tally.reasons.find((r) => r.outcome === outcome.kind && r.reason === general);
  if (!reason) {
    const text = tally.reasons.length < MAX_REASONS ? general : 'other reasons';
    reason = tally.reasons.find((r) => r.outcome === outcome.kind && r.reason === text);
    if (!reason) {
      reason = { outcome: outcome.kind, reason: text, count: 0, exampleRows: [] };
      tally.reasons.push(reason);
    }
  }
  reason.count++;
  if (reason.exampleRows.length < EXAMPLES) reason.exampleRows.push(rowNumber);
}

/** A reason without the row's own values, so that rows refused for the same reason group together. */
export function generalReason(reason: string): string {
  return reason.replace(/"[^"]*"/g, '…').replace(/\([^)]*\)/g, '(…)');
}
