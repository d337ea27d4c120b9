import type { z } from 'zod';
import type { sessionSchema } from '../../../src/shared/auth-schemas';

export type { Contact } from '../../../src/shared/contact-schemas';
export type { CustomField } from '../../../src/shared/custom-field-schemas';
export type { Tag } from '../../../src/shared/tag-schemas';
export type { User } from '../../../src/shared/user-schemas';
export type { Workspace } from '../../../src/shared/workspace-schemas';
export type { ApiKey } from '../../../src/shared/auth-schemas';

/** The signed-in user, their workspace and the CSRF token. */
export type Session = z.infer<typeof sessionSchema>;

/** A page of a keyset-paged list. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
export type { Job } from '../../../src/shared/job-schemas';
export type { Note } from '../../../src/shared/note-schemas';
export type { TimelineItem } from '../../../src/shared/timeline-schemas';
export type { BulkResult, BulkAction } from '../../../src/shared/bulk-schemas';
export type { TimelineKind } from '../../../src/shared/timeline-schemas';
export type {
  ContactConversationStats,
  Message,
  Template,
  WorkspaceStats,
} from '../../../src/shared/message-schemas';
export type { Channel, ChannelSettingsInput, ChannelState } from '../../../src/shared/whatsapp-schemas';
