import { z } from 'zod';

/** File formats an export writes. */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
/** An export file format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The most contact ids one export may list. */
export const EXPORT_MAX_IDS = 10_000;

/** Column id prefix of a custom field: `custom:<fieldId>` (the field's key is accepted too). */
export const CUSTOM_COLUMN_PREFIX = 'custom:';

/** Read-only columns an export can add after the editable ones, with their headers; imports ignore them. */
export const READ_ONLY_COLUMNS = [
  { id: 'createdAt', label: 'Created' },
  { id: 'source', label: 'Source' },
  { id: 'id', label: 'ID' },
] as const;

/**
 * Which contacts an export holds: everyone, everyone matching the contact list's search, listed ids, everyone
 * matching a filter tree (and the search, when given; a bad filter is a 400 naming `selection.filter.…`), or
 * a segment's contacts at the time of the export.
 */
export const exportSelectionSchema = z.union([
  z.object({ all: z.literal(true) }).strict(),
  z.object({ q: z.string().trim().min(1).max(200) }).strict(),
  z.object({ ids: z.array(z.string().min(1).max(100)).min(1).max(EXPORT_MAX_IDS) }).strict(),
  z.object({ filter: z.unknown(), q: z.string().trim().max(200).optional() }).strict(),
  z.object({ segmentId: z.string().min(1).max(100) }).strict(),
]);
/** Which contacts an export holds. */
export type ExportSelection = z.infer<typeof exportSelectionSchema>;

/** What to export and how: the body of POST /exports, and the options of `rolo export`. */
export const exportRequestSchema = z
  .object({
    selection: exportSelectionSchema,
    format: z.enum(EXPORT_FORMATS),
    /** Column ids in file order; default: every standard field, tags, every custom field. */
    columns: z.array(z.string().trim().min(1).max(200)).min(1).max(500).optional(),
    /** Start a CSV with a UTF-8 byte order mark, so that Excel reads accents right. */
    bom: z.boolean().default(false),
  })
  .strict();
/** What to export and how, after parsing. */
export type ExportRequest = z.output<typeof exportRequestSchema>;

/** States of an export: a job's states, and `expired` once its download link has lapsed. */
export const EXPORT_STATES = ['queued', 'running', 'done', 'failed', 'cancelled', 'expired'] as const;
/** The state of an export. */
export type ExportState = (typeof EXPORT_STATES)[number];

/** An export as the API shows it. */
export const exportSchema = z.object({
  id: z.string(),
  state: z.enum(EXPORT_STATES),
  format: z.enum(EXPORT_FORMATS),
  /** Contacts written to the file (0 until it is done). */
  rows: z.number(),
  progress: z.object({ done: z.number(), total: z.number() }),
  /** Bytes of the file, once written. */
  fileSize: z.number().nullable(),
  /** Why the export failed, when it did. */
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** When the download link lapses and the file is deleted: 24 hours after the export finished. */
  expiresAt: z.string().nullable(),
  /** Where to download the file while it is done and not expired; null otherwise. */
  downloadUrl: z.string().nullable(),
});
/** An export as the API shows it. */
export type Export = z.infer<typeof exportSchema>;
