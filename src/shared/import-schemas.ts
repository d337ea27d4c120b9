import { z } from 'zod';
import { CONSENT_CHANNELS, CONSENT_PURPOSES } from './consent-schemas.js';
import { STANDARD_FIELD_IDS } from './contact-fields.js';
import { CUSTOM_FIELD_TYPES } from './custom-field-types.js';
import { countryCodeSchema } from './workspace-schemas.js';

/** File formats an import reads. */
export const IMPORT_FORMATS = ['csv', 'xlsx', 'vcf'] as const;
/** An import file format. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Contact exports of other products that an import recognises by their headers. */
export const KNOWN_EXPORTS = ['rolo', 'google', 'outlook', 'hubspot', 'salesforce', 'vcard'] as const;
/** A recognised export. */
export type KnownExport = (typeof KNOWN_EXPORTS)[number];

/** What one column of the file becomes. */
export const importTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ignore') }),
  z.object({ kind: z.literal('field'), field: z.enum(STANDARD_FIELD_IDS) }),
  /** A per-row country (ISO code or name) used to read that row's phone numbers. */
  z.object({ kind: z.literal('phoneCountry') }),
  z.object({ kind: z.literal('custom'), fieldId: z.string().min(1).max(100) }),
  z.object({
    kind: z.literal('newCustom'),
    label: z.string().trim().min(1).max(100),
    type: z.enum(CUSTOM_FIELD_TYPES),
  }),
  /** Tags separated by `;` (or `,` / `|` when the cell has no `;`). */
  z.object({ kind: z.literal('tags') }),
  z.object({
    kind: z.literal('consent'),
    part: z.enum(['status', 'source', 'date']),
    channel: z.enum(CONSENT_CHANNELS),
    purpose: z.enum(CONSENT_PURPOSES),
  }),
]);
/** What one column of the file becomes. */
export type ImportTarget = z.infer<typeof importTargetSchema>;

/** What happens to a row that matches an existing contact by phone, WhatsApp id or email. */
export const IMPORT_POLICIES = ['skip', 'fill', 'overwrite'] as const;
/** A duplicate policy. */
export type ImportPolicy = (typeof IMPORT_POLICIES)[number];

/** The choices made in the wizard (or on the command line) before a dry run or a run. */
export const importPlanSchema = z
  .object({
    /** One target per column of the file, in column order. */
    mapping: z.array(importTargetSchema).max(500),
    options: z
      .object({
        defaultCountry: countryCodeSchema.optional(),
        tags: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
        policy: z.enum(IMPORT_POLICIES).default('fill'),
        /** Import a row whose phone is invalid without the phone (reported); otherwise the row fails. */
        keepRowsWithInvalidPhone: z.boolean().default(false),
      })
      .strict()
      .default({ tags: [], policy: 'fill', keepRowsWithInvalidPhone: false }),
  })
  .strict();
/** The choices of an import, after parsing. */
export type ImportPlan = z.output<typeof importPlanSchema>;

/** A plan as the API shows it back (already normalised, so without input transforms). */
const importPlanViewSchema = z.object({
  mapping: z.array(importTargetSchema),
  options: z.object({
    defaultCountry: z.string().optional(),
    tags: z.array(z.string()),
    policy: z.enum(IMPORT_POLICIES),
    keepRowsWithInvalidPhone: z.boolean(),
  }),
});

/** States of an import. */
export const IMPORT_STATES = ['uploaded', 'queued', 'running', 'done', 'failed', 'cancelled'] as const;
/** The state of an import. */
export type ImportState = (typeof IMPORT_STATES)[number];

/** Final or running counts; created + updated + skipped + failed = data rows read. */
export const importCountsSchema = z.object({
  created: z.number(),
  updated: z.number(),
  skipped: z.number(),
  failed: z.number(),
});
/** Counts of an import. */
export type ImportCounts = z.infer<typeof importCountsSchema>;

/** How the file was read. */
export const importFileSchema = z.object({
  name: z.string(),
  size: z.number(),
  format: z.enum(IMPORT_FORMATS),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  recognised: z.enum(KNOWN_EXPORTS).nullable(),
  headers: z.array(z.string()),
});
/** How the file of an import was read. */
export type ImportFile = z.infer<typeof importFileSchema>;

/** One reason rows were (or would be) refused or skipped, with how many and a few examples. */
export const importReasonSchema = z.object({
  outcome: z.enum(['skipped', 'failed']),
  reason: z.string(),
  count: z.number(),
  /** Data row numbers (1 = the first row after the header). */
  exampleRows: z.array(z.number()),
});
/** A reason rows were skipped or refused. */
export type ImportReason = z.infer<typeof importReasonSchema>;

/** What a dry run found, before anything was written. */
export const importDryRunSchema = z.object({
  rows: z.number(),
  counts: importCountsSchema,
  reasons: z.array(importReasonSchema),
  /** Custom fields the run would create. */
  newFields: z.array(z.string()),
});
/** The result of a dry run. */
export type ImportDryRun = z.infer<typeof importDryRunSchema>;

/** An import as the API shows it. */
export const importSchema = z.object({
  id: z.string(),
  state: z.enum(IMPORT_STATES),
  file: importFileSchema,
  plan: importPlanViewSchema.nullable(),
  progress: z.object({
    done: z.number(),
    /** Data rows in the file once known (after the dry run or the run), else null. */
    total: z.number().nullable(),
    rowsPerSecond: z.number().nullable(),
    etaSeconds: z.number().nullable(),
  }),
  counts: importCountsSchema,
  reasons: z.array(importReasonSchema),
  dryRun: importDryRunSchema.nullable(),
  error: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
/** An import as the API shows it. */
export type Import = z.infer<typeof importSchema>;

/** The answer to an upload: the import, the first rows and the proposed mapping. */
export const importUploadSchema = z.object({
  import: importSchema,
  preview: z.array(z.array(z.string())),
  proposedMapping: z.array(importTargetSchema),
});
/** The answer to an upload. */
export type ImportUpload = z.infer<typeof importUploadSchema>;
