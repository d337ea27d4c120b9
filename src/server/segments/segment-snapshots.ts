import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FilterNode } from '../../shared/filter/filter-tree.js';
import type { SegmentSnapshot } from '../../shared/segment-schemas.js';
import { nowIso } from '../clock.js';
import type { Repositories } from '../db/repositories.js';
import type { SegmentSnapshotsTable } from '../db/schema.js';
import type { FilterEngine } from './filter-engine.js';

/** Contact ids compared with the members per step: bounded memory whatever the segment's size. */
export const SNAPSHOT_PAGE_SIZE = 1000;

/** How long a snapshot may hold its segment before another worker may take it over. */
const SNAPSHOT_LEASE_MS = 30 * 60 * 1000;

/** The UTC day (`YYYY-MM-DD`) of a timestamp. */
export function utcDayOf(iso: string): string {
  return iso.slice(0, 10);
}

/** The API shape of a snapshot row. */
export function toSnapshot(
  row: Pick<SegmentSnapshotsTable, 'day' | 'size' | 'entered' | 'left' | 'taken_at'>,
) {
  return {
    day: row.day,
    size: Number(row.size),
    entered: Number(row.entered),
    left: Number(row.left),
    takenAt: row.taken_at,
  } satisfies SegmentSnapshot;
}

/** Whom a snapshot tells which contacts entered and left a segment (the automations with segment triggers). */
export interface SegmentMembershipListener {
  /** True when something acts on the segment's entries or exits; asked once per snapshot. */
  watchesSegment(workspaceId: string, segmentId: string): Promise<boolean>;
  /** The contacts a snapshot saw enter and leave, a page at a time (deleted contacts are never among them). */
  onSegmentMembership(
    workspaceId: string,
    segmentId: string,
    moves: { entered: string[]; left: string[] },
  ): Promise<void>;
}

/** Where a snapshot passes on the contacts it saw move, a page at a time; undefined when nobody listens. */
type MovesSink = ((moves: { entered: string[]; left: string[] }) => Promise<void>) | undefined;

/**
 * Brings the stored members of a segment in line with its filter, a page of matching ids at a time (pages come
 * in id order, so each page also settles the members whose ids fall between it and the page before), passing
 * each page's entries and exits to `onMoves`; returns how many contacts entered. Members are removed at most a
 * page at a time too, so a segment that empties never loads its members into memory. Deleted contacts have
 * already lost their membership rows (a cascade), so they are never among the exits passed on.
 */
async function syncMembers(
  repos: Repositories,
  filters: FilterEngine,
  workspaceId: string,
  segmentId: string,
  filter: FilterNode,
  onPage: (matched: number) => Promise<void>,
  pageSize: number,
  onMoves: MovesSink,
): Promise<number> {
  let entered = 0;
  let matched = 0;
  let afterId: string | undefined;
  const settle = async (upToId: string | undefined, keep: string[], newcomers: string[]) => {
    let pending = newcomers;
    for (;;) {
      const range = { afterId, upToId, keep };
      const left = await repos.segments.removeMembersBetween(workspaceId, segmentId, range, pageSize);
      if (onMoves && (pending.length > 0 || left.length > 0)) {
        await onMoves({ entered: pending, left });
        await onPage(matched);
      }
      pending = [];
      if (left.length < pageSize) return;
    }
  };
  for await (const page of filters.matchingIdPages(workspaceId, filter, pageSize)) {
    const lastId = page.at(-1);
    if (lastId === undefined) continue;
    const members = new Set(await repos.segments.membersAmong(workspaceId, segmentId, page));
    const newcomers = page.filter((id) => !members.has(id));
    await repos.segments.addMembers(workspaceId, segmentId, newcomers);
    await settle(lastId, page, newcomers);
    entered += newcomers.length;
    matched += page.length;
    afterId = lastId;
    await onPage(matched);
    await nextTurn();
  }
  await settle(undefined, [], []);
  return entered;
}

/**
 * Takes a segment's snapshot: compares the contacts matching its filter now with its stored members, stores
 * the new members, and records the day's size, entered and left (a second snapshot on the same day adds to
 * that day's entered and left). Contacts deleted since the last snapshot count as having left. Tells `listener`
 * who entered and left, page by page, when it watches the segment; never on the segment's first snapshot, which
 * only records whom it starts with (a "welcome" automation must not greet every existing member of a new
 * segment). Returns null when the segment is gone or another worker is taking its snapshot.
 */
export async function takeSegmentSnapshot(
  repos: Repositories,
  filters: FilterEngine,
  workspaceId: string,
  segmentId: string,
  onPage: (matched: number) => Promise<void> = async () => undefined,
  pageSize = SNAPSHOT_PAGE_SIZE,
  listener?: SegmentMembershipListener,
): Promise<SegmentSnapshot | null> {
  const startedAt = nowIso();
  const leaseUntil = new Date(Date.parse(startedAt) + SNAPSHOT_LEASE_MS).toISOString();
  if (!(await repos.segments.claimSnapshot(workspaceId, segmentId, startedAt, leaseUntil))) return null;
  try {
    const segment = await repos.segments.find(workspaceId, segmentId);
    if (!segment) return null;
    const previous = await repos.segments.latestSnapshot(workspaceId, segmentId);
    const filter = JSON.parse(segment.filter) as FilterNode;
    const watcher =
      previous !== undefined && (await listener?.watchesSegment(workspaceId, segmentId))
        ? listener
        : undefined;
    const onMoves: MovesSink =
      watcher && ((moves) => watcher.onSegmentMembership(workspaceId, segmentId, moves));
    const entered = await syncMembers(
      repos,
      filters,
      workspaceId,
      segmentId,
      filter,
      onPage,
      pageSize,
      onMoves,
    );
    const size = await repos.segments.countMembers(workspaceId, segmentId);
    const left = previous ? Math.max(0, Number(previous.size) + entered - size) : 0;
    const takenAt = nowIso();
    const day = utcDayOf(takenAt);
    const sameDay = previous?.day === day ? previous : undefined;
    const row: SegmentSnapshotsTable = {
      workspace_id: workspaceId,
      segment_id: segmentId,
      day,
      size,
      entered: entered + Number(sameDay?.entered ?? 0),
      left: left + Number(sameDay?.left ?? 0),
      taken_at: takenAt,
    };
    await repos.segments.saveSnapshot(row);
    await repos.segments.finishSnapshot(workspaceId, segmentId, takenAt);
    return toSnapshot(row);
  } catch (error) {
    await repos.segments.releaseSnapshot(workspaceId, segmentId);
    throw error;
  }
}
