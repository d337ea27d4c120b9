import type { UnitOfWork } from './db/repositories.js';

const IDEMPOTENCY_KEEP_MS = 24 * 60 * 60 * 1000;
const INBOX_KEEP_MS = 7 * 24 * 60 * 60 * 1000;
const INTERVAL_MS = 60 * 60 * 1000;

/**
 * Deletes what has expired: sessions, closed rate-limit windows, idempotency keys older than a day, and webhook
 * notifications processed more than a week ago (failed ones stay, to be looked at).
 */
export async function purgeExpiredRecords(uow: UnitOfWork, now = Date.now()): Promise<void> {
  await uow.repos.auth.deleteExpired(new Date(now).toISOString());
  await uow.repos.idempotency.deleteOlderThan(new Date(now - IDEMPOTENCY_KEEP_MS).toISOString());
  await uow.repos.inbox.purgeDone(new Date(now - INBOX_KEEP_MS).toISOString());
}

/** Purges now and then hourly; returns a function that stops the schedule. */
export function schedulePurges(uow: UnitOfWork, onError: (error: unknown) => void): () => void {
  const run = () => void purgeExpiredRecords(uow).catch(onError);
  run();
  const timer = setInterval(run, INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
