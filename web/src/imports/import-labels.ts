import type {
  Import,
  ImportFile,
  ImportPolicy,
  ImportState,
  KnownExport,
} from '../../../src/shared/import-schemas';

/** States of an import in words. */
export const IMPORT_STATE_LABELS: Record<ImportState, string> = {
  uploaded: 'Not started',
  queued: 'Waiting to start',
  running: 'Importing',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** The badge colour of each state. */
export const IMPORT_STATE_COLORS: Record<ImportState, string> = {
  uploaded: 'gray',
  queued: 'blue',
  running: 'blue',
  done: 'teal',
  failed: 'red',
  cancelled: 'orange',
};

const FORMAT_LABELS: Record<ImportFile['format'], string> = {
  csv: 'CSV (text)',
  xlsx: 'Excel workbook (.xlsx)',
  vcf: 'vCard (.vcf)',
};

const KNOWN_EXPORT_LABELS: Record<KnownExport, string> = {
  rolo: 'Rolo export',
  google: 'Google Contacts export',
  outlook: 'Outlook contacts export',
  hubspot: 'HubSpot export',
  salesforce: 'Salesforce export',
  vcard: 'vCard address book',
};

const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Western European)',
};

const DELIMITER_LABELS: Record<string, string> = {
  ',': 'Comma (,)',
  ';': 'Semicolon (;)',
  '\t': 'Tab',
  '|': 'Vertical bar (|)',
};

/** Duplicate policies with their one-line explanation, in the order offered. */
export const POLICY_CHOICES: Array<{ value: ImportPolicy; label: string; description: string }> = [
  {
    value: 'skip',
    label: 'Skip',
    description: 'Leave the existing contact as it is; the row is counted as skipped.',
  },
  {
    value: 'fill',
    label: 'Fill empty fields only',
    description: 'Add the row’s values where the contact has none; values already there stay.',
  },
  {
    value: 'overwrite',
    label: 'Overwrite',
    description: 'Replace the contact’s values with the row’s non-empty values.',
  },
];

/** How the file was read, as label and value pairs: format, encoding, delimiter, recognised export. */
export function fileFacts(file: ImportFile): Array<{ label: string; value: string }> {
  const facts = [{ label: 'Format', value: FORMAT_LABELS[file.format] }];
  if (file.encoding)
    facts.push({ label: 'Encoding', value: ENCODING_LABELS[file.encoding] ?? file.encoding.toUpperCase() });
  if (file.delimiter)
    facts.push({ label: 'Delimiter', value: DELIMITER_LABELS[file.delimiter] ?? `“${file.delimiter}”` });
  facts.push({
    label: 'Recognised as',
    value: file.recognised
      ? KNOWN_EXPORT_LABELS[file.recognised]
      : 'No known export: columns matched by name',
  });
  facts.push({ label: 'Columns', value: file.headers.length.toLocaleString() });
  return facts;
}

const UNITS = ['bytes', 'KB', 'MB', 'GB'];

/** A file size in words: "812 bytes", "4.2 MB", "1 GB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(undefined, { maximumFractionDigits: digits })} ${UNITS[unit]}`;
}

/** True while an import may still change (queued or running). */
export function isImportRunning(state: ImportState): boolean {
  return state === 'queued' || state === 'running';
}

/** Rows refused or skipped, which the errors file lists. */
export function rowsInErrorsFile(item: Pick<Import, 'counts'>): number {
  return item.counts.skipped + item.counts.failed;
}

/** The address of an import's errors file (original columns and the reason per row). */
export function errorsFileUrl(id: string): string {
  return `/api/v1/imports/${encodeURIComponent(id)}/errors.csv`;
}

/** Who started an import: the member's name, "Command line" (`rolo import`), or an API key (or a former member). */
export function startedBy(createdBy: string | null, memberName: (id: string) => string | undefined): string {
  if (createdBy === null) return '—';
  if (createdBy === 'system') return 'Command line';
  return memberName(createdBy) ?? 'API key or former member';
}
