import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api } from '../api/api-client';
import type { Contact, CustomField } from '../api/types';
import { queryKeys } from '../api/workspace-queries';
import type { CustomInputValue } from '../custom-fields/custom-field-value';
import { sameInputValue } from '../custom-fields/custom-field-value';
import { fetchContact, storeChangedContact } from './contact-queries';
import { fieldLabel } from './profile-fields';
import {
  buildPatch,
  changedPaths,
  checkChanged,
  formPaths,
  rebaseEdits,
  toFormValues,
  type FormValues,
} from './profile-form-model';
import { problemsOf, type FieldProblemInfo, type SaveProblems } from './save-problems';

interface FormState {
  baseline: FormValues;
  values: FormValues;
  version: number;
  problems: SaveProblems;
  /** Fields whose unsaved edit was replaced by someone else's change on reload. */
  replaced: string[];
  /** How many unsaved edits survived the reload. */
  kept: number;
}

const noProblems = (): SaveProblems => ({ fields: {}, general: [], conflict: false });

/** Moves focus to the first field showing an error, once React has rendered it. */
export function focusFirstInvalid(): void {
  setTimeout(() => {
    document.querySelector<HTMLElement>('[data-profile-form] [aria-invalid="true"]')?.focus();
  }, 0);
}

/** The profile editor's state: values, what changed, errors, save with version check, conflict reload. */
export function useProfileForm(contact: Contact, fields: CustomField[], defaultCountry: string) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<FormState>(() => {
    const baseline = toFormValues(contact, fields);
    return {
      baseline,
      values: baseline,
      version: contact.version,
      problems: noProblems(),
      replaced: [],
      kept: 0,
    };
  });
  const dirtyPaths = useMemo(
    () => changedPaths(state.baseline, state.values, fields),
    [state.baseline, state.values, fields],
  );
  const clientErrors = useMemo(
    () => checkChanged(dirtyPaths, state.values, fields, defaultCountry),
    [dirtyPaths, state.values, fields, defaultCountry],
  );
  const patch = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.patch<Contact>(`/contacts/${encodeURIComponent(contact.id)}`, body),
  });
  const [reloading, setReloading] = useState(false);

  const setValue = (path: string, value: CustomInputValue) =>
    setState((current) => {
      const { [path]: _solved, ...otherFields } = current.problems.fields;
      return {
        ...current,
        values: { ...current.values, [path]: value },
        problems: { ...current.problems, fields: otherFields },
      };
    });

  /** Saves the changed fields; resolves true when everything is saved. */
  const save = async (): Promise<boolean> => {
    if (patch.isPending || state.problems.conflict) return false;
    if (dirtyPaths.length === 0) return true;
    if (Object.keys(clientErrors).length > 0) {
      focusFirstInvalid();
      return false;
    }
    const sent = state.values;
    try {
      const updated = await patch.mutateAsync(buildPatch(dirtyPaths, sent, fields, state.version));
      storeChangedContact(queryClient, updated);
      setState((current) => {
        const fresh = toFormValues(updated, fields);
        const values = { ...fresh };
        for (const path of formPaths(fields)) {
          if (!sameInputValue(current.values[path], sent[path])) values[path] = current.values[path] ?? null;
        }
        return {
          baseline: fresh,
          values,
          version: updated.version,
          problems: noProblems(),
          replaced: [],
          kept: 0,
        };
      });
      notifications.show({ color: 'teal', message: `${updated.name} saved` });
      return true;
    } catch (error) {
      setState((current) => ({ ...current, problems: problemsOf(error, formPaths(fields)) }));
      focusFirstInvalid();
      return false;
    }
  };

  /** Loads the latest stored version and carries over the edits nobody else touched. */
  const reload = async () => {
    setReloading(true);
    try {
      const latest = await fetchContact(contact.id);
      queryClient.setQueryData(queryKeys.contact(contact.id), latest);
      void queryClient.invalidateQueries({ queryKey: queryKeys.timeline(contact.id) });
      const fresh = toFormValues(latest, fields);
      const rebased = rebaseEdits(state.baseline, fresh, state.values, fields);
      setState({
        baseline: fresh,
        values: rebased.values,
        version: latest.version,
        problems: noProblems(),
        replaced: rebased.replaced,
        kept: rebased.kept.length,
      });
    } catch (error) {
      setState((current) => ({ ...current, problems: { ...problemsOf(error, []), conflict: true } }));
    } finally {
      setReloading(false);
    }
  };

  /** Throws away unsaved edits. */
  const discard = () =>
    setState((current) => ({
      ...current,
      values: current.baseline,
      problems: noProblems(),
      replaced: [],
      kept: 0,
    }));

  const errorOf = (path: string): FieldProblemInfo | undefined => {
    const fromServer = state.problems.fields[path];
    if (fromServer) return fromServer;
    const fromClient = clientErrors[path];
    return fromClient ? { message: fromClient } : undefined;
  };

  return {
    values: state.values,
    setValue,
    dirtyPaths,
    errorOf,
    hasErrors: Object.keys(clientErrors).length > 0,
    save,
    saving: patch.isPending,
    reload,
    reloading,
    discard,
    conflict: state.problems.conflict,
    generalProblems: state.problems.general,
    replacedLabels: state.replaced.map((path) => fieldLabel(path, fields)),
    keptCount: state.kept,
    dismissReplaced: () => setState((current) => ({ ...current, replaced: [] })),
  };
}

/** The profile form's state and actions. */
export type ProfileForm = ReturnType<typeof useProfileForm>;
