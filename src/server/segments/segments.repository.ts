import type { Kysely, Updateable } from 'kysely';
import type { Database, SegmentSnapshotsTable, SegmentsTable } from '../db/schema.js';

/** A segment row with the size recorded by its last snapshot. */
export type SegmentRow = SegmentsTable & { snapshot_size: number | null };

/** SQL for segments and their snapshots. */
export class SegmentsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private withSnapshotSize() {
    return this.db
      .selectFrom('segments as g')
      .selectAll('g')
      .select((eb) =>
        eb
          .selectFrom('segment_snapshots as s')
          .select('s.size')
          .whereRef('s.workspace_id', '=', 'g.workspace_id')
          .whereRef('s.segment_id', '=', 'g.id')
          .orderBy('s.day', 'desc')
          .limit(1)
          .as('snapshot_size'),
      );
  }

  /** Every segment of the workspace. */
  async list(workspaceId: string): Promise<SegmentRow[]> {
    return this.withSnapshotSize().where('g.workspace_id', '=', workspaceId).execute();
  }

  /** One segment. */
  async find(workspaceId: string, id: string): Promise<SegmentRow | undefined> {
    return this.withSnapshotSize()
      .where('g.workspace_id', '=', workspaceId)
      .where('g.id', '=', id)
      .executeTakeFirst();
  }

  /** The segments not snapshotted since `since`, of every workspace or of one. */
  async dueForSnapshot(
    since: string,
    workspaceId?: string,
  ): Promise<Array<{ workspace_id: string; id: string }>> {
    let query = this.db
      .selectFrom('segments')
      .select(['workspace_id', 'id'])
      .where((eb) => eb.or([eb('snapshot_at', 'is', null), eb('snapshot_at', '<', since)]));
    if (workspaceId !== undefined) query = query.where('workspace_id', '=', workspaceId);
    return query.orderBy('workspace_id').orderBy('id').execute();
  }

  /** Adds a segment. */
  async insert(row: SegmentsTable): Promise<void> {
    await this.db.insertInto('segments').values(row).execute();
  }

  /** Changes a segment. */
  async update(workspaceId: string, id: string, changes: Updateable<SegmentsTable>): Promise<void> {
    await this.db
      .updateTable('segments')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** Deletes a segment with its members and snapshots. */
  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom('segments')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** Takes the snapshot lease of a segment until `until`; false when another worker holds it. */
  async claimSnapshot(workspaceId: string, id: string, now: string, until: string): Promise<boolean> {
    const result = await this.db
      .updateTable('segments')
      .set({ snapshot_lease_until: until })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where((eb) => eb.or([eb('snapshot_lease_until', 'is', null), eb('snapshot_lease_until', '<', now)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Releases the snapshot lease and records when the snapshot was taken. */
  async finishSnapshot(workspaceId: string, id: string, takenAt: string): Promise<void> {
    await this.update(workspaceId, id, { snapshot_lease_until: null, snapshot_at: takenAt });
  }

  /** Releases the snapshot lease after a failed snapshot. */
  async releaseSnapshot(workspaceId: string, id: string): Promise<void> {
    await this.update(workspaceId, id, { snapshot_lease_until: null });
  }

  /** The newest snapshot of a segment. */
  async latestSnapshot(workspaceId: string, segmentId: string): Promise<SegmentSnapshotsTable | undefined> {
    return this.db
      .selectFrom('segment_snapshots')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('segment_id', '=', segmentId)
      .orderBy('day', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** Records a day's snapshot, replacing the one taken earlier that day. */
  async saveSnapshot(row: SegmentSnapshotsTable): Promise<void> {
    await this.db
      .insertInto('segment_snapshots')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['workspace_id', 'segment_id', 'day'])
          .doUpdateSet({ size: row.size, entered: row.entered, left: row.left, taken_at: row.taken_at }),
      )
      .execute();
  }

  /** A segment's snapshots from `fromDay` on, oldest first. */
  async snapshotsSince(workspaceId: string, segmentId: string, fromDay: string) {
    return this.db
      .selectFrom('segment_snapshots')
      .select(['day', 'size', 'entered', 'left', 'taken_at'])
      .where('workspace_id', '=', workspaceId)
      .where('segment_id', '=', segmentId)
      .where('day', '>=', fromDay)
      .orderBy('day')
      .execute();
  }

  /** Which of these contacts are members of the segment. */
  async membersAmong(workspaceId: string, segmentId: string, contactIds: string[]): Promise<string[]> {
    if (contactIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('segment_members')
      .select('contact_id')
      .where('workspace_id', '=', workspaceId)
      .where('segment_id', '=', segmentId)
      .where('contact_id', 'in', contactIds)
      .execute();
    return rows.map((r) => r.contact_id);
  }

  /** Makes these contacts members. */
  async addMembers(workspaceId: string, segmentId: string, contactIds: string[]): Promise<void> {
    if (contactIds.length === 0) return;
    await this.db
      .insertInto('segment_members')
      .values(contactIds.map((id) => ({ workspace_id: workspaceId, segment_id: segmentId, contact_id: id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  /**
   * Removes up to `limit` members whose contact id lies after `afterId` (from the start when undefined) and up
   * to `upToId` (to the end when undefined), except `keep`, lowest ids first; returns their contact ids.
   */
  async removeMembersBetween(
    workspaceId: string,
    segmentId: string,
    range: { afterId: string | undefined; upToId: string | undefined; keep: string[] },
    limit: number,
  ): Promise<string[]> {
    const { afterId, upToId, keep } = range;
    const rows = await this.db
      .deleteFrom('segment_members')
      .where('workspace_id', '=', workspaceId)
      .where('segment_id', '=', segmentId)
      .where('contact_id', 'in', (eb) => {
        let leaving = eb
          .selectFrom('segment_members')
          .select('contact_id')
          .where('workspace_id', '=', workspaceId)
          .where('segment_id', '=', segmentId);
        if (afterId !== undefined) leaving = leaving.where('contact_id', '>', afterId);
        if (upToId !== undefined) leaving = leaving.where('contact_id', '<=', upToId);
        if (keep.length > 0) leaving = leaving.where('contact_id', 'not in', keep);
        return leaving.orderBy('contact_id').limit(limit);
      })
      .returning('contact_id')
      .execute();
    return rows.map((r) => r.contact_id);
  }

  /** How many members the segment has. */
  async countMembers(workspaceId: string, segmentId: string): Promise<number> {
    const row = await this.db
      .selectFrom('segment_members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('segment_id', '=', segmentId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
