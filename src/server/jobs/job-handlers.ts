import { BULK_UNDO_JOB } from '../bulk-actions/bulk-undo.service.js';
import { BULK_CONTACTS_JOB } from '../contacts/bulk-contacts.service.js';
import { FIELD_REWRITE_JOB, runFieldRewriteJob } from '../custom-fields/field-rewrite-job.js';
import { EXPORT_CONTACTS_JOB } from '../exports/exports.service.js';
import { IMPORT_JOB, runImportJob } from '../imports/import-run.js';
import { SEGMENT_SNAPSHOT_JOB } from '../segments/segments.service.js';
import type { Services } from '../services.js';
import { SMART_TAGS_JOB } from '../smart-tags/smart-tags.service.js';
import type { JobHandler } from './job-runner.js';

/** Every job type this server runs, with its handler. */
export function createJobHandlers(services: Services): Map<string, JobHandler> {
  return new Map<string, JobHandler>([
    [BULK_CONTACTS_JOB, (job) => services.bulkContacts.runBulkJob(job)],
    [BULK_UNDO_JOB, (job) => services.bulkUndo.runUndoJob(job)],
    [SMART_TAGS_JOB, (job) => services.smartTags.runJob(job)],
    [FIELD_REWRITE_JOB, (job) => runFieldRewriteJob(services.uow, job)],
    [EXPORT_CONTACTS_JOB, (job) => services.exports.runExportJob(job)],
    [SEGMENT_SNAPSHOT_JOB, (job) => services.segments.runSnapshotJob(job)],
    [
      IMPORT_JOB,
      (job) =>
        runImportJob(
          {
            uow: services.uow,
            contacts: services.contacts,
            customFields: services.customFields,
            dataDir: services.imports.dataDir,
          },
          job,
        ),
    ],
  ]);
}
