import type { KnownExport } from '../../../shared/import-schemas.js';
import { KNOWN_EXPORT_COLUMNS, type KnownColumnTarget } from './known-export-columns.js';
import { headerKey } from './normalize-header.js';

/** A column of a recognised export: its target and its preference among the export's columns with the same target (0 = best). */
export interface KnownColumn {
  target: KnownColumnTarget;
  position: number;
}

/** `headerKey` with numbers masked: `Phone 1 - Value` and `Phone 2 - Value` are the same column of an export. */
function exportKey(header: string): string {
  return headerKey(header).replace(/\d+/g, '#');
}

const EXPORTS = KNOWN_EXPORT_COLUMNS.map((known) => {
  const columns = new Map<string, KnownColumn>();
  known.columns.forEach(([header, target], position) => {
    const key = exportKey(header);
    if (!columns.has(key)) columns.set(key, { target, position });
  });
  return { ...known, signature: new Set(known.signature.map(exportKey)), columns };
});

/** The export a file comes from, recognised by its headers (null when none fits). */
export function recogniseExport(headers: readonly string[]): KnownExport | null {
  const present = new Set(headers.map(exportKey));
  let best: { id: KnownExport; hits: number } | null = null;
  for (const known of EXPORTS) {
    const hits = [...known.signature].filter((key) => present.has(key)).length;
    if (hits >= known.minimum && (!best || hits > best.hits)) best = { id: known.id, hits };
  }
  return best?.id ?? null;
}

/** What a recognised export's column becomes: as the export lists it, as a custom field when the export writes nothing else, else null. */
export function knownColumn(exportId: KnownExport, header: string): KnownColumn | null {
  const known = EXPORTS.find((candidate) => candidate.id === exportId);
  const listed = known?.columns.get(exportKey(header));
  if (listed) return listed;
  return known?.othersAreCustom ? { target: 'custom', position: known.columns.size } : null;
}
