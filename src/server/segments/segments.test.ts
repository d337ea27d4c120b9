import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type RequestOptions, type TestApp } from '../../../test/support/test-app.js';
import { describeEachDialect } from '../../../test/support/test-database.js';
import { createJobHandlers } from '../jobs/job-handlers.js';
import { JobRunner } from '../jobs/job-runner.js';

type Caller = Pick<RequestOptions, 'key' | 'session'>;

const LISBON = { field: 'city', op: 'eq', value: 'Lisbon' };
const DAY_MS = 24 * 60 * 60 * 1000;
const utcDay = (offsetDays = 0) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

describeEachDialect('segments API', (dialect) => {
  let t: TestApp;

  const call = (method: string, path: string, caller: Caller = {}, body?: unknown) =>
    t.request(method, `/api/v1${path}`, { ...caller, body });

  const runJobs = async () => {
    const runner = new JobRunner(t.runtime.services.uow.repos.jobs, createJobHandlers(t.runtime.services));
    while (await runner.runOnce());
  };

  const member = async (role: 'admin' | 'agent'): Promise<Caller> => {
    const email = `${role}-${randomBytes(4).toString('hex')}@segments.test`;
    await t.runtime.services.users.createUser(t.workspaceId, {
      email,
      name: `A ${role}`,
      role,
      password: 'correct horse battery',
    });
    return { session: await t.signIn(email), key: null };
  };

  const person = async (name: string, city: string | null) => {
    const response = await call('POST', '/contacts', {}, { name, address: { city } });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  const createSegment = async (body: object, caller: Caller = {}) => {
    const response = await call('POST', '/segments', caller, body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };

  const memberIds = async (segmentId: string) =>
    (
      await t.runtime.db.kysely
        .selectFrom('segment_members')
        .select('contact_id')
        .where('segment_id', '=', segmentId)
        .execute()
    )
      .map((r) => r.contact_id)
      .sort();

  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('creates, reads, lists, renames and deletes a segment, with its live count', async () => {
    await person('Ana Lisboa', 'Lisbon');
    await person('Rui Porto', 'Porto');
    const segment = await createSegment({
      name: ' Lisbon customers ',
      description: 'Everyone in Lisbon',
      filter: LISBON,
    });
    expect(segment).toMatchObject({
      name: 'Lisbon customers',
      description: 'Everyone in Lisbon',
      filter: LISBON,
      count: 1,
      canEdit: true,
      snapshotAt: null,
      snapshotSize: null,
    });
    await person('Bia Lisboa', 'lisbon');
    expect((await call('GET', `/segments/${segment.id}`)).body.count).toBe(2);

    const list = (await call('GET', '/segments')).body.data;
    expect(list.map((s: { id: string }) => s.id)).toContain(segment.id);
    expect(list[0]).not.toHaveProperty('count');

    const renamed = await call('PATCH', `/segments/${segment.id}`, {}, { name: 'Lisboa', description: null });
    expect(renamed.body).toMatchObject({ name: 'Lisboa', description: null, count: 2 });
    const refiltered = await call(
      'PATCH',
      `/segments/${segment.id}`,
      {},
      {
        filter: { field: 'city', op: 'eq', value: 'Porto' },
      },
    );
    expect(refiltered.body.count).toBe(1);

    expect((await call('DELETE', `/segments/${segment.id}`)).status).toBe(204);
    expect((await call('GET', `/segments/${segment.id}`)).status).toBe(404);
    expect((await call('DELETE', `/segments/${segment.id}`)).status).toBe(404);
  });

  it('refuses a bad filter or name with a 400 naming the field, and a taken name with 409', async () => {
    const cases: Array<[object, string]> = [
      [{ name: 'Bad', filter: { field: 'shoeSize', op: 'eq', value: 42 } }, 'filter'],
      [{ name: 'Bad', filter: { or: [{ field: 'messageCount', op: 'gt', value: 'many' }] } }, 'filter'],
      [{ name: 'Bad' }, 'filter'],
      [{ name: '', filter: LISBON }, 'name'],
    ];
    for (const [body, path] of cases) {
      const response = await call('POST', '/segments', {}, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors[0].path.startsWith(path), JSON.stringify(response.body)).toBe(true);
    }
    const taken = await createSegment({ name: 'Unique name', filter: LISBON });
    const again = await call('POST', '/segments', {}, { name: 'unique NAME', filter: LISBON });
    expect(again.status).toBe(409);
    expect(again.body.errors[0].path).toBe('name');
    const bad = await call(
      'PATCH',
      `/segments/${taken.id}`,
      {},
      { filter: { field: 'tags', op: 'eq', value: 1 } },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toMatch(/^filter/);
  });

  it('lets any member create segments, and only their creator or an admin change or delete one', async () => {
    const agent = await member('agent');
    const otherAgent = await member('agent');
    const admin = await member('admin');
    const segment = await createSegment({ name: 'Agent segment', filter: LISBON }, agent);
    expect((await call('GET', `/segments/${segment.id}`, otherAgent)).body.canEdit).toBe(false);
    expect((await call('PATCH', `/segments/${segment.id}`, otherAgent, { name: 'Taken over' })).status).toBe(
      403,
    );
    expect((await call('DELETE', `/segments/${segment.id}`, otherAgent)).status).toBe(403);
    expect((await call('PATCH', `/segments/${segment.id}`, agent, { name: 'Mine' })).status).toBe(200);
    expect((await call('DELETE', `/segments/${segment.id}`, admin)).status).toBe(204);
    const other = await t.createWorkspace('Elsewhere');
    const kept = await createSegment({ name: 'Kept', filter: LISBON });
    expect((await t.request('GET', `/api/v1/segments/${kept.id}`, { key: other.ownerKey })).status).toBe(404);
  });

  it('snapshots a new segment with everyone entered, then counts who entered and left since', async () => {
    const [a, b, c] = [
      await person('Snap A', 'Faro'),
      await person('Snap B', 'Faro'),
      await person('Snap C', 'Faro'),
    ];
    const segment = await createSegment({ name: 'Faro', filter: { field: 'city', op: 'eq', value: 'Faro' } });
    await runJobs();
    const first = (await call('GET', `/segments/${segment.id}/activity`)).body;
    expect(first).toMatchObject({ segmentId: segment.id, days: 90 });
    expect(first.data).toEqual([expect.objectContaining({ day: utcDay(), size: 3, entered: 3, left: 0 })]);
    expect(await memberIds(segment.id)).toEqual([a, b, c].sort());
    expect((await call('GET', `/segments/${segment.id}`)).body).toMatchObject({ snapshotSize: 3 });

    // Pretend the first snapshot was yesterday's, then change who is in Faro.
    await t.runtime.db.kysely
      .updateTable('segment_snapshots')
      .set({ day: utcDay(-1) })
      .where('segment_id', '=', segment.id)
      .execute();
    await call('PATCH', `/contacts/${a}`, {}, { address: { city: 'Lagos' } });
    expect((await call('DELETE', `/contacts/${b}`)).status).toBe(204);
    const d = await person('Snap D', 'Faro');
    const e = await person('Snap E', 'Faro');

    const queued = await call('POST', `/segments/${segment.id}/snapshot`);
    expect(queued.status).toBe(202);
    await runJobs();
    const job = (await call('GET', `/jobs/${queued.body.job.id}`)).body;
    expect(job).toMatchObject({ state: 'done', result: { snapshot: { size: 3, entered: 2, left: 2 } } });
    const activity = (await call('GET', `/segments/${segment.id}/activity?days=2`)).body.data;
    expect(activity).toEqual([
      expect.objectContaining({ day: utcDay(-1), size: 3, entered: 3, left: 0 }),
      expect.objectContaining({ day: utcDay(), size: 3, entered: 2, left: 2 }),
    ]);
    expect(await memberIds(segment.id)).toEqual([c, d, e].sort());

    // A second snapshot the same day adds to that day's counts.
    await call('PATCH', `/contacts/${d}`, {}, { address: { city: 'Lagos' } });
    await call('POST', `/segments/${segment.id}/snapshot`);
    await runJobs();
    const sameDay = (await call('GET', `/segments/${segment.id}/activity?days=1`)).body.data;
    expect(sameDay).toEqual([expect.objectContaining({ day: utcDay(), size: 2, entered: 2, left: 3 })]);
  });

  it('keeps only the days asked for in the activity series and refuses a bad range', async () => {
    const segment = await createSegment({ name: 'Old', filter: LISBON });
    await t.runtime.db.kysely
      .insertInto('segment_snapshots')
      .values(
        [-100, -30, -1].map((offset) => ({
          workspace_id: t.workspaceId,
          segment_id: segment.id,
          day: utcDay(offset),
          size: 5,
          entered: 1,
          left: 1,
          taken_at: new Date(Date.now() + offset * DAY_MS).toISOString(),
        })),
      )
      .execute();
    const days = async (query: string) =>
      (await call('GET', `/segments/${segment.id}/activity${query}`)).body.data.map(
        (s: { day: string }) => s.day,
      );
    expect(await days('')).toEqual([utcDay(-30), utcDay(-1)]);
    expect(await days('?days=365')).toEqual([utcDay(-100), utcDay(-30), utcDay(-1)]);
    expect(await days('?days=30')).toEqual([utcDay(-1)]);
    const bad = await call('GET', `/segments/${segment.id}/activity?days=0`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('querystring.days');
  });

  it('queues the daily snapshots once a day for every segment not yet taken', async () => {
    const segments = t.runtime.services.segments;
    await runJobs();
    const segment = await createSegment({ name: 'Daily', filter: LISBON });
    expect(await segments.queueDailySnapshots()).toBeGreaterThan(0);
    await runJobs();
    expect(await segments.queueDailySnapshots()).toBe(0);
    expect((await call('GET', `/segments/${segment.id}`)).body.snapshotAt).not.toBeNull();
    expect(await segments.queueDailySnapshots(Date.now() + DAY_MS)).toBeGreaterThan(0);
  });

  it('diffs members page by page when the matching contacts span many pages', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 9; i++) ids.push(await person(`Paged ${i}`, 'Braga'));
    const segment = await createSegment({
      name: 'Braga',
      filter: { field: 'city', op: 'eq', value: 'Braga' },
    });
    await runJobs();
    for (const id of [ids[0], ids[4], ids[8]])
      await call('PATCH', `/contacts/${id}`, {}, { address: { city: 'Évora' } });
    const extra = await person('Paged new', 'Braga');
    const { services } = t.runtime;
    const { takeSegmentSnapshot } = await import('./segment-snapshots.js');
    const snapshot = await takeSegmentSnapshot(
      services.uow.repos,
      services.filters,
      t.workspaceId,
      segment.id,
      undefined,
      2,
    );
    expect(snapshot).toMatchObject({ size: 7, entered: 10, left: 3 });
    const expected = [...ids.filter((_, i) => i % 4 !== 0), extra].sort();
    expect(await memberIds(segment.id)).toEqual(expected);
  });

  it('passes on who entered and left page by page, never on the first snapshot nor when unwatched', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await person(`Mover ${i}`, 'Mértola'));
    const segment = await createSegment({
      name: 'Movers',
      filter: { field: 'city', op: 'eq', value: 'Mértola' },
    });
    const pages: Array<{ entered: string[]; left: string[] }> = [];
    let watched = true;
    const listener = {
      watchesSegment: async (workspaceId: string, segmentId: string) =>
        watched && workspaceId === t.workspaceId && segmentId === segment.id,
      onSegmentMembership: async (_w: string, _s: string, moves: { entered: string[]; left: string[] }) => {
        pages.push(moves);
      },
    };
    const { services } = t.runtime;
    const { takeSegmentSnapshot } = await import('./segment-snapshots.js');
    const snap = () =>
      takeSegmentSnapshot(
        services.uow.repos,
        services.filters,
        t.workspaceId,
        segment.id,
        undefined,
        2,
        listener,
      );
    expect(await snap()).toMatchObject({ size: 7, entered: 7 });
    expect(pages).toEqual([]);

    const leavers = ids.slice(0, 5);
    for (const id of leavers) await call('PATCH', `/contacts/${id}`, {}, { address: { city: 'Alcoutim' } });
    const newcomer = await person('Mover new', 'Mértola');
    expect(await call('DELETE', `/contacts/${ids[6]}`)).toMatchObject({ status: 204 });
    expect(await snap()).toMatchObject({ size: 2 });
    expect(pages.every((p) => p.entered.length <= 2 && p.left.length <= 2)).toBe(true);
    expect(pages.flatMap((p) => p.left).sort()).toEqual([...leavers].sort());
    expect(pages.flatMap((p) => p.entered)).toEqual([newcomer]);

    pages.length = 0;
    watched = false;
    await call('PATCH', `/contacts/${ids[0]}`, {}, { address: { city: 'Mértola' } });
    expect(await snap()).toMatchObject({ size: 3 });
    expect(pages).toEqual([]);
  });

  it('drops the members of a deleted contact and of a deleted segment', async () => {
    const x = await person('Gone Soon', 'Sintra');
    const y = await person('Staying', 'Sintra');
    const segment = await createSegment({
      name: 'Sintra',
      filter: { field: 'city', op: 'eq', value: 'Sintra' },
    });
    await runJobs();
    expect(await memberIds(segment.id)).toEqual([x, y].sort());
    await call('DELETE', `/contacts/${x}`);
    expect(await memberIds(segment.id)).toEqual([y]);
    await call('DELETE', `/segments/${segment.id}`);
    expect(await memberIds(segment.id)).toEqual([]);
    const snapshots = await t.runtime.db.kysely
      .selectFrom('segment_snapshots')
      .select('day')
      .where('segment_id', '=', segment.id)
      .execute();
    expect(snapshots).toEqual([]);
  });
  it("exports a segment's contacts, or those matching a filter, and names a bad selection", async () => {
    const inside = await person('Export Inside', 'Coimbra');
    await person('Export Outside', 'Aveiro');
    const segment = await createSegment({
      name: 'Coimbra',
      filter: { field: 'city', op: 'eq', value: 'Coimbra' },
    });
    const exportedIds = async (selection: object) => {
      const started = await call(
        'POST',
        '/exports',
        {},
        { selection, format: 'csv', columns: ['id', 'city'] },
      );
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      await runJobs();
      expect((await call('GET', `/exports/${started.body.id}`)).body).toMatchObject({
        state: 'done',
        rows: 1,
      });
      const file = await fetch(`${t.baseUrl}/api/v1/exports/${started.body.id}/download`, {
        headers: { authorization: `Bearer ${t.ownerKey}` },
      });
      return (await file.text())
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((line) => line.split(',')[0]);
    };
    expect(await exportedIds({ segmentId: segment.id })).toEqual([inside]);
    expect(await exportedIds({ filter: { field: 'city', op: 'eq', value: 'Coimbra' } })).toEqual([inside]);
    expect(await exportedIds({ filter: { field: 'city', op: 'is_not_empty' }, q: 'export inside' })).toEqual([
      inside,
    ]);

    const unknown = await call('POST', '/exports', {}, { selection: { segmentId: 'nope' }, format: 'csv' });
    expect(unknown.status).toBe(404);
    const bad = await call(
      'POST',
      '/exports',
      {},
      {
        selection: { filter: { field: 'city', op: 'gt', value: 3 } },
        format: 'csv',
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toMatch(/^selection\.filter/);
  });

  it("lists, counts and anchors a segment's contacts through the contact list, with the list's other parameters", async () => {
    const names = ['Seg Ana', 'Seg Bruno', 'Seg Carla', 'Other Duarte'];
    for (const name of names) await person(name, 'Tavira');
    await person('Seg Outsider', 'Loulé');
    const segment = await createSegment({
      name: 'Tavira',
      filter: { field: 'city', op: 'eq', value: 'Tavira' },
    });
    const listed = async (query: string) => {
      const response = await call('GET', `/contacts?segment=${segment.id}&${query}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body;
    };
    const first = await listed('limit=2&sort=name');
    expect(first.data.map((c: { name: string }) => c.name)).toEqual(['Other Duarte', 'Seg Ana']);
    const next = await listed(`limit=2&sort=name&cursor=${encodeURIComponent(first.nextCursor)}`);
    expect(next.data.map((c: { name: string }) => c.name)).toEqual(['Seg Bruno', 'Seg Carla']);
    expect((await listed('q=seg')).data).toHaveLength(3);
    const onlySeg = encodeURIComponent(JSON.stringify({ field: 'name', op: 'starts_with', value: 'Seg' }));
    expect((await listed(`filter=${onlySeg}&sort=-name`)).data.map((c: { name: string }) => c.name)).toEqual([
      'Seg Carla',
      'Seg Bruno',
      'Seg Ana',
    ]);
    expect((await call('GET', `/contacts/count?segment=${segment.id}`)).body.total).toBe(4);
    expect((await call('GET', `/contacts/count?segment=${segment.id}&filter=${onlySeg}`)).body.total).toBe(3);
    const anchors = await call('GET', `/contacts/anchors?segment=${segment.id}&every=100`);
    expect(anchors.body).toEqual({ every: 100, cursors: [] });

    const missing = await call('GET', '/contacts?segment=no-such-segment');
    expect(missing.status).toBe(404);
    const other = await t.createWorkspace('Outside');
    const foreign = await t.request('GET', `/api/v1/contacts?segment=${segment.id}`, { key: other.ownerKey });
    expect(foreign.status).toBe(404);
  });

  it('never takes two snapshots of one segment at once, and takes over a lease left to expire', async () => {
    const segment = await createSegment({ name: 'Leased', filter: LISBON });
    await runJobs();
    const { repos } = t.runtime.services.uow;
    const now = new Date().toISOString();
    const inAMinute = new Date(Date.now() + 60_000).toISOString();
    expect(await repos.segments.claimSnapshot(t.workspaceId, segment.id, now, inAMinute)).toBe(true);
    const queued = await call('POST', `/segments/${segment.id}/snapshot`);
    await runJobs();
    expect((await call('GET', `/jobs/${queued.body.job.id}`)).body).toMatchObject({
      state: 'done',
      result: { snapshot: null },
    });
    const later = new Date(Date.now() + 120_000).toISOString();
    expect(await repos.segments.claimSnapshot(t.workspaceId, segment.id, later, later)).toBe(true);
  });
});
