import type { Services } from './services.js';

const IDEMPOTENCY_KEEP_MS = 24 * 60 * 60 * 1000;
const INBOX_KEEP_MS = 7 * 24 * 60 * 60 * 1000;
const INTERVAL_MS = 60 * 60 * 1000;

/** The services whose expired records the purges delete. */
export type PurgedServices = Pick<Services, 'uow' | 'exports'>;

/**
 * Deletes what has expired: sessions, closed rate-limit windows, idempotency keys older than a day, webhook
 * notifications processed more than a week ago (failed ones stay, to be looked at), and export files whose
 * download link lapsed.
 */
export async function purgeExpiredRecords(services: PurgedServices, now = Date.now()): Promise<void> {
  const { uow } = services;
  await uow.repos.auth.deleteExpired(new Date(now).toISOString());
  await uow.repos.idempotency.deleteOlderThan(new Date(now - IDEMPOTENCY_KEEP_MS).toISOString());
  await uow.repos.inbox.purgeDone(new Date(now - INBOX_KEEP_MS).toISOString());
  await services.exports.purgeExpiredExports(now);
}

/** Purges now and then hourly, and queues the day's segment snapshots; returns a function that stops the schedule. */
export function schedulePurges(
  services: PurgedServices & Pick<Services, 'segments'>,
  onError: (error: unknown) => void,
): () => void {
  const run = () => {
    void purgeExpiredRecords(services).catch(onError);
    void services.segments.queueDailySnapshots().catch(onError);
  };
  run();
  const timer = setInterval(run, INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
