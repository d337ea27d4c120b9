import type { SmartTagsService } from './smart-tags.service.js';

const INTERVAL_MS = 60 * 60 * 1000;

/**
 * Queues an evaluation of every smart tag hourly, so that time-based rules ("no message for 30 days") follow the
 * clock without any change to the contact; returns a function that stops the schedule.
 */
export function scheduleSmartTagRuns(
  smartTags: SmartTagsService,
  onError: (error: unknown) => void,
): () => void {
  const run = () => void smartTags.queueScheduledRuns().catch(onError);
  const timer = setInterval(run, INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
