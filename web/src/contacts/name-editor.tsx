import { Group, Popover, Text, TextInput } from '@mantine/core';
import { useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { Contact } from '../api/types';
import type { EditMove } from './cell-editor';

/** A name as the editor saves it. */
export interface NameValue {
  firstName: string | null;
  lastName: string | null;
}

/** Props of the name editor. */
export interface NameEditorProps {
  contact: Contact;
  seed?: string;
  onCommit(value: NameValue | undefined, move: EditMove): void;
  onCancel(): void;
}

const MAX = 100;
const clean = (text: string) => text.trim() || null;

/**
 * Edits a contact's name in place as first and last name: Tab goes from first to last name, Enter saves, Escape
 * cancels, Tab from the last name saves and moves on.
 */
export function NameEditor({ contact, seed, onCommit, onCancel }: NameEditorProps) {
  const [first, setFirst] = useState(seed ?? contact.firstName ?? '');
  const [last, setLast] = useState(contact.lastName ?? '');
  const done = useRef(false);
  const messageId = useId();
  const tooLong = first.trim().length > MAX || last.trim().length > MAX;
  const error = tooLong ? `Names have at most ${MAX} characters` : null;

  const finish = (move: EditMove) => {
    if (done.current) return;
    const value = { firstName: clean(first), lastName: clean(last) };
    if (value.firstName === (contact.firstName ?? null) && value.lastName === (contact.lastName ?? null)) {
      done.current = true;
      onCommit(undefined, move);
      return;
    }
    if (error) {
      if (move === 'away') {
        done.current = true;
        onCancel();
      }
      return;
    }
    done.current = true;
    onCommit(value, move);
  };

  const onKeyDown = (part: 'first' | 'last') => (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Enter') {
      event.preventDefault();
      finish('stay');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      done.current = true;
      onCancel();
    } else if (
      event.key === 'Tab' &&
      ((part === 'last' && !event.shiftKey) || (part === 'first' && event.shiftKey))
    ) {
      event.preventDefault();
      finish(event.shiftKey ? 'previous' : 'next');
    }
  };

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) finish('away');
  };

  const common = {
    size: 'xs' as const,
    error: error ? true : undefined,
    'aria-describedby': error ? messageId : undefined,
    style: { flex: 1, minWidth: 0 },
  };

  return (
    <Popover
      opened={Boolean(error)}
      position="bottom-start"
      offset={4}
      withinPortal
      withRoles={false}
      shadow="md"
    >
      <Popover.Target>
        <Group gap={4} wrap="nowrap" w="100%" onBlur={onBlur}>
          <TextInput
            {...common}
            aria-label={`First name of ${contact.name}`}
            placeholder="First name"
            value={first}
            autoFocus
            onFocus={(event) => {
              if (seed === undefined) event.currentTarget.select();
            }}
            onChange={(event) => setFirst(event.currentTarget.value)}
            onKeyDown={onKeyDown('first')}
          />
          <TextInput
            {...common}
            aria-label={`Last name of ${contact.name}`}
            placeholder="Last name"
            value={last}
            onChange={(event) => setLast(event.currentTarget.value)}
            onKeyDown={onKeyDown('last')}
          />
        </Group>
      </Popover.Target>
      <Popover.Dropdown px="xs" py={4}>
        <Text id={messageId} size="xs" c="red.8" role="alert">
          {error}
        </Text>
      </Popover.Dropdown>
    </Popover>
  );
}
