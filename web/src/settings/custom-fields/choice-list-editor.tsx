import { ActionIcon, Button, Group, Input, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState, type KeyboardEvent } from 'react';

/** Props of the choice list editor. */
export interface ChoiceListEditorProps {
  choices: string[];
  onChange(choices: string[]): void;
  error?: string;
  /** Explains what happens to values of removed choices (when editing a field in use). */
  warning?: string;
}

function moved(list: string[], from: number, to: number): string[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** The choices of a select field: add (Enter), rename in place, move up or down, remove. */
export function ChoiceListEditor({ choices, onChange, error, warning }: ChoiceListEditorProps) {
  const [newChoice, setNewChoice] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const move = (from: number, to: number, direction: 'up' | 'down') => {
    onChange(moved(choices, from, to));
    requestAnimationFrame(() => {
      const target = listRef.current?.querySelector<HTMLButtonElement>(`[data-move="${direction}-${to}"]`);
      (target && !target.disabled
        ? target
        : listRef.current?.querySelector<HTMLInputElement>(`[data-choice="${to}"]`)
      )?.focus();
    });
  };

  const add = () => {
    const value = newChoice.trim();
    if (!value) return;
    if (choices.some((choice) => choice.trim().toLowerCase() === value.toLowerCase())) {
      setAddError(`"${value}" is a choice already`);
      return;
    }
    onChange([...choices, value]);
    setNewChoice('');
    setAddError(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  };

  return (
    <Input.Wrapper
      label="Choices"
      description={warning ?? 'The order here is the order people pick from.'}
      error={error}
      withAsterisk
    >
      <Stack gap={6} mt={6} ref={listRef}>
        {choices.length === 0 && (
          <Text size="sm" c="dimmed">
            No choices yet: add the first one below.
          </Text>
        )}
        {choices.map((choice, index) => (
          <Group key={index} gap={4} wrap="nowrap">
            <TextInput
              aria-label={`Choice ${index + 1}`}
              data-choice={index}
              value={choice}
              onChange={(event) =>
                onChange(choices.map((c, i) => (i === index ? event.currentTarget.value : c)))
              }
              style={{ flex: 1 }}
              size="xs"
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Move ${choice || `choice ${index + 1}`} up`}
              disabled={index === 0}
              data-move={`up-${index}`}
              onClick={() => move(index, index - 1, 'up')}
            >
              <span aria-hidden="true">↑</span>
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Move ${choice || `choice ${index + 1}`} down`}
              disabled={index === choices.length - 1}
              data-move={`down-${index}`}
              onClick={() => move(index, index + 1, 'down')}
            >
              <span aria-hidden="true">↓</span>
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove ${choice || `choice ${index + 1}`}`}
              onClick={() => onChange(choices.filter((_, i) => i !== index))}
            >
              <span aria-hidden="true">×</span>
            </ActionIcon>
          </Group>
        ))}
        <Group gap={6} wrap="nowrap" align="flex-start">
          <TextInput
            aria-label="New choice"
            placeholder="Type a choice and press Enter"
            value={newChoice}
            onChange={(event) => {
              setNewChoice(event.currentTarget.value);
              setAddError(null);
            }}
            onKeyDown={onKeyDown}
            error={addError}
            maxLength={100}
            style={{ flex: 1 }}
            size="xs"
          />
          <Button size="xs" variant="light" onClick={add} disabled={!newChoice.trim()}>
            Add choice
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
