import { BULK_CONTACTS_JOB } from '../contacts/bulk-contacts.service.js';
import { FIELD_REWRITE_JOB, runFieldRewriteJob } from '../custom-fields/field-rewrite-job.js';
import type { Services } from '../services.js';
import type { JobHandler } from './job-runner.js';

/** Every job type this server runs, with its handler. */
export function createJobHandlers(services: Services): Map<string, JobHandler> {
  return new Map<string, JobHandler>([
    [BULK_CONTACTS_JOB, (job) => services.bulkContacts.runBulkJob(job)],
    [FIELD_REWRITE_JOB, (job) => runFieldRewriteJob(services.uow, job)],
  ]);
}
