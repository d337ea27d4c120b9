import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, openTestRuntime } from '../../test/support/test-database.js';
import { purgeExpiredRecords } from './maintenance.js';
import type { Runtime } from './runtime.js';

describeEachDialect('purge of expired records', (dialect) => {
  let runtime: Runtime;
  beforeAll(async () => {
    runtime = await openTestRuntime(dialect);
  });
  afterAll(async () => runtime.close());

  it('deletes expired sessions, closed rate-limit windows, day-old idempotency keys and week-old processed webhooks, and keeps the rest', async () => {
    const { services, db } = runtime;
    const workspace = await services.workspaces.createWorkspace('Purge');
    const { user } = await services.users.createUser(workspace.id, {
      email: 'p@example.com',
      name: 'P',
      role: 'owner',
      password: 'long enough pass',
    });
    const now = Date.parse('2026-06-01T12:00:00.000Z');
    const at = (offsetMs: number) => new Date(now + offsetMs).toISOString();
    const session = (token: string, expires: string) => ({
      workspace_id: workspace.id,
      token_hash: token,
      user_id: user.id,
      created_at: at(-1000),
      expires_at: expires,
      last_seen_at: at(-1000),
    });
    await db.kysely
      .insertInto('sessions')
      .values([session('old', at(-1)), session('live', at(60_000))])
      .execute();
    await db.kysely
      .insertInto('rate_limits')
      .values([
        { bucket: 'closed', count: 3, reset_at: at(-1) },
        { bucket: 'open', count: 3, reset_at: at(60_000) },
      ])
      .execute();
    const key = (name: string, created: string) => ({
      workspace_id: workspace.id,
      principal_id: 'p',
      key: name,
      request_hash: 'h',
      status_code: 201,
      response_body: '{}',
      created_at: created,
    });
    await db.kysely
      .insertInto('idempotency_keys')
      .values([key('stale', at(-25 * 3_600_000)), key('fresh', at(-3_600_000))])
      .execute();

    const inbox = (id: string, state: string, received: string) => ({
      id,
      source: 'whatsapp',
      verified_by: 'env',
      body: '{}',
      state,
      attempts: 1,
      error: null,
      lease_until: null,
      locked_by: null,
      received_at: received,
      processed_at: null,
    });
    await db.kysely
      .insertInto('webhook_inbox')
      .values([
        inbox('done-old', 'done', at(-8 * 24 * 3_600_000)),
        inbox('failed-old', 'failed', at(-8 * 24 * 3_600_000)),
        inbox('done-recent', 'done', at(-3_600_000)),
      ])
      .execute();

    await purgeExpiredRecords(services, now);

    expect(
      (await db.kysely.selectFrom('sessions').select('token_hash').execute()).map((r) => r.token_hash),
    ).toEqual(['live']);
    expect(
      (await db.kysely.selectFrom('rate_limits').select('bucket').execute()).map((r) => r.bucket),
    ).toEqual(['open']);
    expect(
      (await db.kysely.selectFrom('idempotency_keys').select('key').execute()).map((r) => r.key),
    ).toEqual(['fresh']);
    expect(
      (await db.kysely.selectFrom('webhook_inbox').select('id').orderBy('id').execute()).map((r) => r.id),
    ).toEqual(['done-recent', 'failed-old']);
  });
});
