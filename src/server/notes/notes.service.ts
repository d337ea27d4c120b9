import type { z } from 'zod';
import type { Note, noteCreateSchema, noteUpdateSchema } from '../../shared/note-schemas.js';
import { BUILT_IN_NOTE_TYPES } from '../../shared/workspace-schemas.js';
import { hasRole, type Principal } from '../auth/principal.js';
import { nowIso } from '../clock.js';
import { newId } from '../db/new-id.js';
import type { Repositories, UnitOfWork } from '../db/repositories.js';
import type { NoteRevisionsTable, NotesTable } from '../db/schema.js';
import { AppError, forbidden, invalidField, notFound } from '../http/errors.js';

/** The API shape of a note row. */
export function toNote(row: NotesTable): Note {
  return {
    id: row.id,
    contactId: row.contact_id,
    type: row.type,
    body: row.body,
    pinned: row.pinned === 1,
    authorId: row.author_id,
    edited: Number(row.version) > 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
  };
}

function toRevision(row: NoteRevisionsTable) {
  return {
    id: row.id,
    type: row.type,
    body: row.body,
    pinned: row.pinned === 1,
    editedBy: row.edited_by,
    editedAt: row.edited_at,
  };
}

async function checkNoteType(repos: Repositories, workspaceId: string, type: string): Promise<void> {
  const workspace = await repos.workspaces.find(workspaceId);
  const custom = (JSON.parse(workspace?.settings ?? '{}') as { noteTypes?: string[] }).noteTypes ?? [];
  const allowed = [...BUILT_IN_NOTE_TYPES, ...custom];
  if (!allowed.includes(type)) throw invalidField('type', `must be one of: ${allowed.join(', ')}`);
}

/** True when the principal wrote the note or is an admin; notes written with an API key have no author. */
function mayChangeNote(by: Principal, note: NotesTable): boolean {
  return (by.userId !== null && note.author_id === by.userId) || hasRole(by.role, 'admin');
}

function versionConflict(currentVersion?: number): AppError {
  return new AppError(
    'version_conflict',
    409,
    'Someone else edited this note meanwhile; reload it first',
    undefined,
    currentVersion === undefined ? undefined : { currentVersion },
  );
}

/** Private team notes on contacts, with pinning and an edit history. */
export class NotesService {
  constructor(private readonly uow: UnitOfWork) {}

  /** A contact's notes, pinned first. */
  async listNotes(workspaceId: string, contactId: string): Promise<Note[]> {
    if (!(await this.uow.repos.contacts.find(workspaceId, contactId))) throw notFound('Contact');
    return (await this.uow.repos.notes.listForContact(workspaceId, contactId)).map(toNote);
  }

  /** One note. */
  async getNote(workspaceId: string, id: string): Promise<Note> {
    const row = await this.uow.repos.notes.find(workspaceId, id);
    if (!row) throw notFound('Note');
    return toNote(row);
  }

  /** Writes a note on a contact; the caller is its author. */
  async createNote(
    by: Principal,
    contactId: string,
    input: z.output<typeof noteCreateSchema>,
  ): Promise<Note> {
    return this.uow.transaction(async (repos) => {
      if (!(await repos.contacts.find(by.workspaceId, contactId))) throw notFound('Contact');
      await checkNoteType(repos, by.workspaceId, input.type);
      const now = nowIso();
      const row: NotesTable = {
        workspace_id: by.workspaceId,
        id: newId(),
        contact_id: contactId,
        type: input.type,
        body: input.body,
        pinned: input.pinned ? 1 : 0,
        author_id: by.userId,
        created_at: now,
        updated_at: now,
        version: 1,
      };
      await repos.notes.insert(row);
      return toNote(row);
    });
  }

  /** Edits a note, keeping its previous state; anyone may pin, only the author or an admin may edit or retype. */
  async updateNote(by: Principal, id: string, changes: z.output<typeof noteUpdateSchema>): Promise<Note> {
    return this.uow.transaction(async (repos) => {
      const current = await repos.notes.find(by.workspaceId, id);
      if (!current) throw notFound('Note');
      const editsContent = changes.body !== undefined || changes.type !== undefined;
      if (editsContent && !mayChangeNote(by, current)) {
        throw forbidden('Only the author or an admin can edit this note');
      }
      if (changes.version !== undefined && changes.version !== Number(current.version)) {
        throw versionConflict(Number(current.version));
      }
      if (!editsContent) {
        if (changes.pinned === undefined) return toNote(current);
        await repos.notes.setPinned(by.workspaceId, id, changes.pinned);
        return toNote({ ...current, pinned: changes.pinned ? 1 : 0 });
      }
      if (changes.type !== undefined) await checkNoteType(repos, by.workspaceId, changes.type);
      const now = nowIso();
      await repos.notes.insertRevision({
        workspace_id: by.workspaceId,
        id: newId(),
        note_id: id,
        type: current.type,
        body: current.body,
        pinned: current.pinned,
        edited_by: by.userId ?? by.id,
        edited_at: now,
      });
      const saved = await repos.notes.update(by.workspaceId, id, Number(current.version), {
        ...(changes.type !== undefined ? { type: changes.type } : {}),
        ...(changes.body !== undefined ? { body: changes.body } : {}),
        ...(changes.pinned !== undefined ? { pinned: changes.pinned ? 1 : 0 } : {}),
        updated_at: now,
      });
      if (!saved) throw versionConflict();
      const updated = await repos.notes.find(by.workspaceId, id);
      if (!updated) throw notFound('Note');
      return toNote(updated);
    });
  }

  /** Deletes a note (its author or an admin). */
  async deleteNote(by: Principal, id: string): Promise<void> {
    const current = await this.uow.repos.notes.find(by.workspaceId, id);
    if (!current) throw notFound('Note');
    if (!mayChangeNote(by, current)) throw forbidden('Only the author or an admin can delete this note');
    await this.uow.repos.notes.delete(by.workspaceId, id);
  }

  /** Earlier states of a note, newest first. */
  async listRevisions(workspaceId: string, id: string) {
    if (!(await this.uow.repos.notes.find(workspaceId, id))) throw notFound('Note');
    return (await this.uow.repos.notes.listRevisions(workspaceId, id)).map(toRevision);
  }
}
