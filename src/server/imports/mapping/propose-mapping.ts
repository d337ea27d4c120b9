import type { CustomFieldType } from '../../../shared/custom-field-types.js';
import type { ImportTarget, KnownExport } from '../../../shared/import-schemas.js';
import { consentTarget } from './consent-headers.js';
import { inferFieldType } from './infer-field-type.js';
import type { KnownColumnTarget } from './known-export-columns.js';
import { knownColumn, recogniseExport } from './known-exports.js';
import { matchHeaderSynonym, saysWhatsApp, type SynonymTarget } from './header-synonyms.js';
import { headerKey } from './normalize-header.js';

/** The export a file comes from, recognised by its headers (null when none fits). */
export { recogniseExport };

/** A custom field as the mapping knows it. */
export interface KnownCustomField {
  id: string;
  key: string;
  label: string;
  type: CustomFieldType;
}

/** What a column is proposed before custom fields are resolved, with how strongly it claims its target. */
interface Candidate {
  target: KnownColumnTarget;
  priority: number;
}

const KNOWN_EXPORT_PRIORITY = 3000;
const EXACT_PRIORITY = 2000;
const PEELED_PRIORITY = 1000;
const IGNORE: ImportTarget = { kind: 'ignore' };
const MAX_LABEL_LENGTH = 100;
/** A bare "Name" that means the first name next to a last-name column, or the last name next to a first-name column. */
const BARE_NAMES = new Set(['name', 'nome', 'nombre', 'nom', 'naam', 'nama', 'isim']);
/** First-name headers of languages whose forms put a bare "Name" (the surname) next to them: Nom/Prénom, Name/Vorname, Naam/Voornaam. */
const SURNAME_FIRST_NAMES = new Set(['prenom', 'vorname', 'voornaam']);

function synonymTarget(target: SynonymTarget): ImportTarget {
  if (target === 'tags') return { kind: 'tags' };
  if (target === 'phoneCountry') return { kind: 'phoneCountry' };
  if (target === 'notes') return IGNORE;
  return { kind: 'field', field: target };
}

function candidateFor(header: string, recognised: KnownExport | null): Candidate {
  const known = recognised ? knownColumn(recognised, header) : null;
  if (known) return { target: known.target, priority: KNOWN_EXPORT_PRIORITY - known.position };
  const consent = consentTarget(header);
  if (consent) return { target: consent, priority: EXACT_PRIORITY };
  const synonym = matchHeaderSynonym(header);
  if (synonym)
    return {
      target: synonymTarget(synonym.target),
      priority: (synonym.exact ? EXACT_PRIORITY : PEELED_PRIORITY) - synonym.position,
    };
  return { target: 'custom', priority: 0 };
}

function findCustomField(
  header: string,
  customFields: readonly KnownCustomField[],
): KnownCustomField | undefined {
  const key = headerKey(header);
  if (!key) return undefined;
  return (
    customFields.find((field) => headerKey(field.label) === key) ??
    customFields.find((field) => headerKey(field.key) === key)
  );
}

function newFieldLabel(header: string, column: number): string {
  const label = header
    .replace(/^\uFEFF/, '')
    .trim()
    .slice(0, MAX_LABEL_LENGTH)
    .trim();
  return label || `Column ${column + 1}`;
}

/** An existing custom field of the header's label or key, else a new field typed from the values when there are any, else ignore. */
function customTarget(
  header: string,
  column: number,
  values: readonly string[],
  customFields: readonly KnownCustomField[],
): ImportTarget {
  const existing = findCustomField(header, customFields);
  if (existing) return { kind: 'custom', fieldId: existing.id };
  if (!values.some((value) => value.trim() !== '')) return IGNORE;
  return { kind: 'newCustom', label: newFieldLabel(header, column), type: inferFieldType(values) };
}

/** What no two columns may share (null for targets any number of columns may have). */
function claimKey(target: ImportTarget): string | null {
  switch (target.kind) {
    case 'field':
      return `field:${target.field}`;
    case 'phoneCountry':
      return 'phoneCountry';
    case 'custom':
      return `custom:${target.fieldId}`;
    case 'newCustom':
      return `new:${headerKey(target.label) || target.label}`;
    case 'consent':
      return `consent:${target.part}:${target.channel}:${target.purpose}`;
    case 'tags':
    case 'ignore':
      return null;
  }
}

function isField(target: ImportTarget | undefined, field: string): boolean {
  return target?.kind === 'field' && target.field === field;
}

/** Reads a bare "Name" as the first or last name when the file has only the other one (Nombre + Apellido, Nom + Prénom). */
function splitBareName(headers: readonly string[], targets: ImportTarget[]): void {
  const column = (field: string) => targets.findIndex((target) => isField(target, field));
  const name = column('name');
  const firstName = column('firstName');
  const lastName = column('lastName');
  if (name < 0 || !BARE_NAMES.has(headerKey(headers[name] ?? ''))) return;
  if (lastName >= 0 && firstName < 0) targets[name] = { kind: 'field', field: 'firstName' };
  else if (firstName >= 0 && lastName < 0 && SURNAME_FIRST_NAMES.has(headerKey(headers[firstName] ?? '')))
    targets[name] = { kind: 'field', field: 'lastName' };
}

/** One target per column: from the recognised export's own header map, else header names and synonyms in common languages, else existing custom fields by label or key, else (for a column with data in the sample) a new custom field with its type inferred from the sample values, else ignore. A standard field is proposed for at most one column (the best match wins; later duplicates → ignore, except that a second phone column may become whatsappId only when its header says WhatsApp). */
export function proposeMapping(
  headers: readonly string[],
  sample: readonly (readonly string[])[],
  customFields: readonly KnownCustomField[],
): ImportTarget[] {
  const recognised = recogniseExport(headers);
  const columns = headers.map((header, index) => {
    const values = sample.map((row) => row[index] ?? '');
    const candidate = candidateFor(header, recognised);
    const target =
      candidate.target === 'custom' ? customTarget(header, index, values, customFields) : candidate.target;
    return {
      index,
      header,
      target,
      priority: candidate.priority,
      hasData: values.some((value) => value.trim() !== ''),
    };
  });

  // Columns with data in the sample claim their target first, then the better match, then the earlier column.
  const ranked = [...columns].sort(
    (a, b) => Number(b.hasData) - Number(a.hasData) || b.priority - a.priority || a.index - b.index,
  );
  const claimed = new Set<string>();
  const targets: ImportTarget[] = columns.map(() => IGNORE);
  for (const { index, header, target } of ranked) {
    const key = claimKey(target);
    if (key === null || !claimed.has(key)) {
      if (key !== null) claimed.add(key);
      targets[index] = target;
    } else if (isField(target, 'phone') && saysWhatsApp(header) && !claimed.has('field:whatsappId')) {
      claimed.add('field:whatsappId');
      targets[index] = { kind: 'field', field: 'whatsappId' };
    }
  }
  if (recognised === null) splitBareName(headers, targets);
  return targets;
}
