import type { FilterNode } from '../../shared/filter/filter-tree.js';
import type { Job } from '../../shared/job-schemas.js';
import type {
  Segment,
  SegmentActivity,
  SegmentCreateInput,
  SegmentSnapshot,
  SegmentUpdateInput,
  SegmentWithCount,
} from '../../shared/segment-schemas.js';
import { hasRole, type Principal } from '../auth/principal.js';
import { nowIso } from '../clock.js';
import { newId } from '../db/new-id.js';
import type { UnitOfWork } from '../db/repositories.js';
import type { SegmentsTable } from '../db/schema.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import type { RunningJob } from '../jobs/job-runner.js';
import type { JobsService } from '../jobs/jobs.service.js';
import { checkBodyFilter, type FilterEngine } from './filter-engine.js';
import {
  SNAPSHOT_PAGE_SIZE,
  takeSegmentSnapshot,
  toSnapshot,
  utcDayOf,
  type SegmentMembershipListener,
} from './segment-snapshots.js';
import type { SegmentRow } from './segments.repository.js';

/** Job type that takes segment snapshots: one segment (`segmentId`), or every segment of the workspace due today. */
export const SEGMENT_SNAPSHOT_JOB = 'segment-snapshot';

/** Payload of a snapshot job. */
interface SnapshotJobPayload {
  segmentId?: string;
}

/** What a snapshot job stores as its result. */
export interface SnapshotJobResult {
  /** The snapshot taken, for a one-segment job (null when the segment was gone or busy). */
  snapshot?: SegmentSnapshot | null;
  /** Segments snapshotted, for a daily job. */
  snapshots?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The user behind a call, or the API key when there is none. */
function creatorIdOf(principal: Principal): string {
  return principal.userId ?? principal.id;
}

/** The key that makes segment names unique regardless of case. */
function segmentNameKey(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase('en');
}

const nameTaken = (name: string) =>
  new AppError('name_taken', 409, `A segment named "${name}" already exists`, [
    { path: 'name', message: 'is already used by another segment' },
  ]);

/** True when the caller may change or delete the segment: its creator or an admin. */
function mayEdit(by: Principal, row: SegmentsTable): boolean {
  return row.created_by === creatorIdOf(by) || hasRole(by.role, 'admin');
}

function toSegment(by: Principal, row: SegmentRow): Segment {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    filter: JSON.parse(row.filter) as FilterNode,
    createdBy: row.created_by,
    canEdit: mayEdit(by, row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    snapshotAt: row.snapshot_at,
    snapshotSize: row.snapshot_size === null ? null : Number(row.snapshot_size),
  };
}

/** Segments: dynamic contact groups defined by a filter, their live counts, and their daily snapshots. */
export class SegmentsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly filters: FilterEngine,
    private readonly jobs: JobsService,
    private readonly membership?: SegmentMembershipListener,
  ) {}

  /** Every segment of the workspace by name, with the size at its last snapshot (no live counts). */
  async listSegments(by: Principal): Promise<Segment[]> {
    const rows = await this.uow.repos.segments.list(by.workspaceId);
    return rows
      .map((row) => toSegment(by, row))
      .sort(
        (a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id),
      );
  }

  /** One segment with its live count. */
  async getSegment(by: Principal, id: string): Promise<SegmentWithCount> {
    const segment = toSegment(by, await this.findRow(by.workspaceId, id));
    return { ...segment, count: await this.filters.countMatching(by.workspaceId, segment.filter) };
  }

  /** The filter of a segment, for using it as a selection (list, bulk actions, exports); 404 when missing. */
  async segmentFilter(workspaceId: string, segmentId: string): Promise<FilterNode> {
    return JSON.parse((await this.findRow(workspaceId, segmentId)).filter) as FilterNode;
  }

  /** Creates a segment and queues its first snapshot (everyone in it then counts as entered). */
  async createSegment(by: Principal, input: SegmentCreateInput): Promise<SegmentWithCount> {
    const filter = await checkBodyFilter(this.filters, by.workspaceId, input.filter);
    const now = nowIso();
    const row: SegmentsTable = {
      workspace_id: by.workspaceId,
      id: newId(),
      name: input.name,
      name_key: segmentNameKey(input.name),
      description: input.description ?? null,
      filter: JSON.stringify(filter),
      created_by: creatorIdOf(by),
      created_at: now,
      updated_at: now,
      snapshot_at: null,
      snapshot_lease_until: null,
    };
    try {
      await this.uow.repos.segments.insert(row);
    } catch (error) {
      if (this.uow.isUniqueViolation(error)) throw nameTaken(input.name);
      throw error;
    }
    await this.queueSnapshot(by, row.id);
    return this.getSegment(by, row.id);
  }

  /** Renames, redescribes or refilters a segment (its creator or an admin). */
  async updateSegment(by: Principal, id: string, changes: SegmentUpdateInput): Promise<SegmentWithCount> {
    const current = await this.findRow(by.workspaceId, id);
    if (!mayEdit(by, current)) throw forbidden('Only its creator or an admin can change a segment');
    const filter =
      changes.filter === undefined
        ? undefined
        : await checkBodyFilter(this.filters, by.workspaceId, changes.filter);
    try {
      await this.uow.repos.segments.update(by.workspaceId, id, {
        ...(changes.name !== undefined ? { name: changes.name, name_key: segmentNameKey(changes.name) } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
        ...(filter !== undefined ? { filter: JSON.stringify(filter) } : {}),
        updated_at: nowIso(),
      });
    } catch (error) {
      if (this.uow.isUniqueViolation(error)) throw nameTaken(changes.name ?? '');
      throw error;
    }
    return this.getSegment(by, id);
  }

  /** Deletes a segment with its members and activity (its creator or an admin). */
  async deleteSegment(by: Principal, id: string): Promise<void> {
    const current = await this.findRow(by.workspaceId, id);
    if (!mayEdit(by, current)) throw forbidden('Only its creator or an admin can delete a segment');
    await this.uow.repos.segments.delete(by.workspaceId, id);
  }

  /** Queues a snapshot of one segment now; follow the job for its result (`{ snapshot }`). */
  async queueSnapshot(by: Principal, id: string): Promise<Job> {
    await this.findRow(by.workspaceId, id);
    const payload: SnapshotJobPayload = { segmentId: id };
    return this.jobs.enqueueJob(by.workspaceId, SEGMENT_SNAPSHOT_JOB, payload, {
      createdBy: creatorIdOf(by),
      total: 1,
    });
  }

  /** The segment's snapshots of the last `days` days (today included), oldest first. */
  async segmentActivity(by: Principal, id: string, days: number): Promise<SegmentActivity> {
    await this.findRow(by.workspaceId, id);
    const fromDay = utcDayOf(new Date(Date.now() - (days - 1) * DAY_MS).toISOString());
    const rows = await this.uow.repos.segments.snapshotsSince(by.workspaceId, id, fromDay);
    return { segmentId: id, days, data: rows.map(toSnapshot) };
  }

  /**
   * Queues, for each workspace with segments not snapshotted yet today (UTC), one job that snapshots them;
   * run hourly, so each segment gets one snapshot a day. Returns how many jobs were queued.
   */
  async queueDailySnapshots(now = Date.now()): Promise<number> {
    const todayStart = `${utcDayOf(new Date(now).toISOString())}T00:00:00.000Z`;
    const due = await this.uow.repos.segments.dueForSnapshot(todayStart);
    const workspaces = [...new Set(due.map((row) => row.workspace_id))];
    for (const workspaceId of workspaces) {
      const payload: SnapshotJobPayload = {};
      await this.jobs.enqueueJob(workspaceId, SEGMENT_SNAPSHOT_JOB, payload, {
        total: due.filter((row) => row.workspace_id === workspaceId).length,
      });
    }
    return workspaces.length;
  }

  /** The job handler: one segment's snapshot, or every segment of the workspace not snapshotted yet today. */
  async runSnapshotJob(job: RunningJob): Promise<SnapshotJobResult> {
    const { workspaceId } = job;
    const { segmentId } = job.payload as SnapshotJobPayload;
    const repos = this.uow.repos;
    if (segmentId !== undefined) {
      const snapshot = await takeSegmentSnapshot(
        repos,
        this.filters,
        workspaceId,
        segmentId,
        () => job.reportProgress(0, 1),
        SNAPSHOT_PAGE_SIZE,
        this.membership,
      );
      await job.reportProgress(1, 1);
      return { snapshot };
    }
    const todayStart = `${utcDayOf(nowIso())}T00:00:00.000Z`;
    const due = await repos.segments.dueForSnapshot(todayStart, workspaceId);
    let taken = 0;
    for (const [index, row] of due.entries()) {
      const keepLease = () => job.reportProgress(index, due.length);
      const snapshot = await takeSegmentSnapshot(
        repos,
        this.filters,
        workspaceId,
        row.id,
        keepLease,
        SNAPSHOT_PAGE_SIZE,
        this.membership,
      );
      if (snapshot) taken++;
      await job.reportProgress(index + 1, due.length);
    }
    return { snapshots: taken };
  }

  private async findRow(workspaceId: string, id: string): Promise<SegmentRow> {
    const row = await this.uow.repos.segments.find(workspaceId, id);
    if (!row) throw notFound('Segment');
    return row;
  }
}
