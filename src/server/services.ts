import { AuthService } from './auth/auth.service.js';
import { ConsentsService } from './consents/consents.service.js';
import { ContactsService } from './contacts/contacts.service.js';
import { CustomFieldsService } from './custom-fields/custom-fields.service.js';
import type { Db } from './db/database.js';
import { UnitOfWork } from './db/repositories.js';
import { TimelineService } from './events/timeline.service.js';
import { NotesService } from './notes/notes.service.js';
import { TagsService } from './tags/tags.service.js';
import { UsersService } from './users/users.service.js';
import { WorkspacesService } from './workspaces/workspaces.service.js';

/** Every service, shared by the HTTP API and the CLI. */
export interface Services {
  uow: UnitOfWork;
  auth: AuthService;
  consents: ConsentsService;
  contacts: ContactsService;
  customFields: CustomFieldsService;
  notes: NotesService;
  tags: TagsService;
  timeline: TimelineService;
  users: UsersService;
  workspaces: WorkspacesService;
}

/** Builds the services over an open database. */
export function createServices(db: Db): Services {
  const uow = new UnitOfWork(db);
  const { repos } = uow;
  return {
    uow,
    auth: new AuthService(repos.auth, repos.users),
    consents: new ConsentsService(uow),
    contacts: new ContactsService(uow),
    customFields: new CustomFieldsService(uow),
    notes: new NotesService(uow),
    tags: new TagsService(uow),
    timeline: new TimelineService(uow),
    users: new UsersService(repos.users, repos.auth),
    workspaces: new WorkspacesService(repos.workspaces),
  };
}
