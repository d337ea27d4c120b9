import { z } from 'zod';
import type { FilterNode } from './filter/filter-tree.js';

/** Creating a segment (POST /segments): the filter is checked against the workspace's fields (400 naming `filter.…`). */
export const segmentCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z
      .string()
      .trim()
      .max(500)
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .optional(),
    filter: z.unknown(),
  })
  .strict();
/** Creating a segment, after parsing. */
export type SegmentCreateInput = z.output<typeof segmentCreateSchema>;

/** Changing a segment (PATCH): only the fields given change. */
export const segmentUpdateSchema = z
  .object({
    name: segmentCreateSchema.shape.name.optional(),
    description: segmentCreateSchema.shape.description,
    filter: z.unknown().optional(),
  })
  .strict();
/** Changing a segment, after parsing. */
export type SegmentUpdateInput = z.output<typeof segmentUpdateSchema>;

/** A segment as the API shows it. */
export const segmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** The filter tree (see FilterNode). */
  filter: z.unknown(),
  /** The user (or API key) that created it; null when Rolo did. */
  createdBy: z.string().nullable(),
  /** True when the caller may change or delete it: its creator or an admin. */
  canEdit: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** When the last snapshot was taken. */
  snapshotAt: z.string().nullable(),
  /** The size at the last snapshot (null before the first). */
  snapshotSize: z.number().nullable(),
});
/** A segment as the API shows it. */
export type Segment = Omit<z.infer<typeof segmentSchema>, 'filter'> & { filter: FilterNode };

/** One segment with its live count: how many contacts match its filter now. */
export const segmentWithCountSchema = segmentSchema.extend({ count: z.number() });
/** One segment with its live count. */
export type SegmentWithCount = Segment & { count: number };

/** One day of a segment's activity: its size, and the contacts that entered and left since the snapshot before. */
export const segmentSnapshotSchema = z.object({
  /** `YYYY-MM-DD` (UTC). */
  day: z.string(),
  size: z.number(),
  entered: z.number(),
  left: z.number(),
  takenAt: z.string(),
});
/** One day of a segment's activity. */
export type SegmentSnapshot = z.infer<typeof segmentSnapshotSchema>;

/** Query of the activity series. */
export const segmentActivityQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(3660).default(90),
});

/** A segment's activity: one entry per day a snapshot was taken, oldest first, within the last `days` days. */
export const segmentActivitySchema = z.object({
  segmentId: z.string(),
  days: z.number(),
  data: z.array(segmentSnapshotSchema),
});
/** A segment's activity. */
export type SegmentActivity = z.infer<typeof segmentActivitySchema>;
