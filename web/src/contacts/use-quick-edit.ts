import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { ContactPatchInput } from '../../../src/shared/contact-schemas';
import { api } from '../api/api-client';
import { ApiError, messageOf } from '../api/api-error';
import type { Contact } from '../api/types';
import { queryKeys } from '../api/workspace-queries';
import type { ContactPageStore } from './contact-page-store';
import { revertPatch } from './revert-patch';

/** A save the server refused, shown beside the cell it came from. */
export interface CellIssue {
  contactId: string;
  columnId: string;
  /** `conflict`: someone else changed the contact first; `refused`: the value was not accepted. */
  kind: 'conflict' | 'refused';
  message: string;
  /** The contact that already holds this phone or email, when that is why. */
  otherContactId?: string;
}

/** One cell save: what to send, how the row looks meanwhile, and where the API names a problem. */
export interface CellSave {
  contactId: string;
  columnId: string;
  patch: ContactPatchInput;
  apply(contact: Contact): Contact;
  /** Field paths whose server messages belong to this cell (`phone`, `custom.plan`). */
  paths: string[];
}

function issueOf(error: unknown, save: CellSave, name: string): CellIssue {
  const base = { contactId: save.contactId, columnId: save.columnId };
  if (error instanceof ApiError && error.code === 'version_conflict')
    return {
      ...base,
      kind: 'conflict',
      message: `${name} was changed by someone else. Your change was not saved; reload to see theirs.`,
    };
  const fieldMessage =
    error instanceof ApiError ? save.paths.map((path) => error.fieldMessage(path)).find(Boolean) : undefined;
  const other =
    error instanceof ApiError && typeof error.extra.contactId === 'string'
      ? error.extra.contactId
      : undefined;
  return {
    ...base,
    kind: 'refused',
    message: `Not saved: ${fieldMessage ?? messageOf(error)}`,
    ...(other ? { otherContactId: other } : {}),
  };
}

/**
 * Saves cells in place: the row shows the new value at once, the PATCH carries the row's version, and a refusal
 * puts the old value back and says why beside the cell. Saves of one contact run one after another, each with the
 * version the previous one returned, so quick Tab-edits of a row never conflict with each other.
 */
export function useQuickEdit(store: ContactPageStore) {
  const queryClient = useQueryClient();
  const [issue, setIssue] = useState<CellIssue | null>(null);
  const queues = useRef(new Map<string, Promise<void>>());
  const pending = useRef(new Map<string, CellSave[]>());

  const send = useCallback(
    async (save: CellSave, before: Contact) => {
      const { contactId } = save;
      const version = store.findContact(contactId)?.version ?? before.version;
      const stillPending = () => (pending.current.get(contactId) ?? []).filter((p) => p !== save);
      try {
        const saved = await api.patch<Contact>(`/contacts/${encodeURIComponent(contactId)}`, {
          ...save.patch,
          version,
        });
        store.updateContact(contactId, () => stillPending().reduce((row, later) => later.apply(row), saved));
        queryClient.setQueryData(queryKeys.contact(contactId), saved);
        void queryClient.invalidateQueries({ queryKey: queryKeys.timeline(contactId) });
      } catch (error) {
        store.updateContact(contactId, (row) => revertPatch(row, before, save.patch));
        const next = issueOf(error, save, before.name);
        setIssue(next);
        notifications.show({
          color: next.kind === 'conflict' ? 'yellow' : 'red',
          title: next.kind === 'conflict' ? 'Changed by someone else' : 'Change not saved',
          message: next.message,
        });
      } finally {
        pending.current.set(contactId, stillPending());
      }
    },
    [store, queryClient],
  );

  /** Shows the value at once and saves it after any earlier save of the same contact. */
  const save = useCallback(
    (cell: CellSave) => {
      const before = store.findContact(cell.contactId);
      if (!before) return;
      setIssue((current) => (current?.contactId === cell.contactId ? null : current));
      pending.current.set(cell.contactId, [...(pending.current.get(cell.contactId) ?? []), cell]);
      store.updateContact(cell.contactId, cell.apply);
      const previous = queues.current.get(cell.contactId) ?? Promise.resolve();
      const next = previous.then(() => send(cell, before));
      queues.current.set(cell.contactId, next);
      void next.finally(() => {
        if (queues.current.get(cell.contactId) === next) queues.current.delete(cell.contactId);
      });
    },
    [store, send],
  );

  /** Fetches the contact again (after a conflict) and shows it as it is now. */
  const reload = useCallback(
    async (contactId: string) => {
      try {
        const fresh = await api.get<Contact>(`/contacts/${encodeURIComponent(contactId)}`);
        store.updateContact(contactId, () => fresh);
        queryClient.setQueryData(queryKeys.contact(contactId), fresh);
        setIssue(null);
      } catch (error) {
        notifications.show({
          color: 'red',
          title: 'Could not reload the contact',
          message: messageOf(error),
        });
      }
    },
    [store, queryClient],
  );

  const dismissIssue = useCallback(() => setIssue(null), []);

  return { save, reload, issue, dismissIssue };
}
