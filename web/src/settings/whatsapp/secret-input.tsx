import { Badge, Button, PasswordInput, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SecretDraft } from './channel-draft';

/** Props of a write-only secret input. */
export interface SecretInputProps {
  label: string;
  description?: ReactNode;
  /** Whether the server holds a value (it never sends it back). */
  isSet: boolean;
  value: SecretDraft;
  onChange(value: SecretDraft): void;
  readOnly?: boolean;
  error?: string;
}

/** A secret the server never shows: says Set or Not set; typing replaces it, Remove clears it on save. */
export function SecretInput({
  label,
  description,
  isSet,
  value,
  onChange,
  readOnly,
  error,
}: SecretInputProps) {
  const state = value.remove
    ? 'Removed on save'
    : value.typed
      ? 'Replaced on save'
      : isSet
        ? 'Set'
        : 'Not set';
  return (
    <Stack gap={4} align="stretch">
      <PasswordInput
        label={label}
        description={
          <>
            <Badge
              component="span"
              size="xs"
              variant="light"
              color={isSet && !value.remove ? 'teal' : 'gray'}
            >
              {state}
            </Badge>
            {description && <> {description}</>}
          </>
        }
        placeholder={readOnly ? undefined : isSet ? 'Type to replace it' : 'Paste it here'}
        value={value.typed}
        onChange={(event) => onChange({ typed: event.currentTarget.value, remove: false })}
        readOnly={readOnly || value.remove}
        error={error}
        autoComplete="new-password"
        visibilityToggleButtonProps={{ 'aria-label': `Show or hide the ${label.toLowerCase()}` }}
      />
      {isSet && !readOnly && (
        <Button
          variant="subtle"
          size="compact-xs"
          w="fit-content"
          onClick={() => onChange({ typed: '', remove: !value.remove })}
        >
          {value.remove ? `Keep the saved ${label.toLowerCase()}` : `Remove the saved ${label.toLowerCase()}`}
        </Button>
      )}
    </Stack>
  );
}
