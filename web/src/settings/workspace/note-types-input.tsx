import { Badge, Group, Input, Stack, TagsInput } from '@mantine/core';
import { BUILT_IN_NOTE_TYPES } from '../../../../src/shared/workspace-schemas';

const NOTE_TYPE = /^[a-z0-9][a-z0-9 -]*$/;

/** Props of the note types input. */
export interface NoteTypesInputProps {
  /** The workspace's own types (without the built-in ones). */
  value: string[];
  onChange(types: string[]): void;
  readOnly?: boolean;
  error?: string;
}

/** A note type as stored: trimmed, lower case. */
export function normalizeNoteType(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The problem with a list of note types, if any (the same rule as the API). */
export function noteTypesProblem(types: string[]): string | undefined {
  const bad = types.find((type) => !NOTE_TYPE.test(type) || type.length > 40);
  if (bad) return `“${bad}”: use letters, digits, spaces and dashes (at most 40)`;
  if (types.length > 50) return 'At most 50 note types of your own';
  return undefined;
}

/** The note types agents pick from: the built-in ones (fixed) and the workspace's own (type and Enter to add). */
export function NoteTypesInput({ value, onChange, readOnly, error }: NoteTypesInputProps) {
  const builtIn = new Set<string>(BUILT_IN_NOTE_TYPES);
  return (
    <Stack gap="md">
      <Input.Wrapper label="Built-in note types" description="Every workspace has these">
        <Group gap={6} mt={6}>
          {BUILT_IN_NOTE_TYPES.map((type) => (
            <Badge key={type} variant="light" color="gray" tt="none">
              {type}
            </Badge>
          ))}
        </Group>
      </Input.Wrapper>
      <TagsInput
        label="Your note types"
        description="Type a name and press Enter, such as “demo” or “renewal”; × removes one"
        placeholder={readOnly ? undefined : 'Add a note type'}
        value={value}
        onChange={(types) =>
          onChange([...new Set(types.map(normalizeNoteType))].filter((t) => t && !builtIn.has(t)))
        }
        readOnly={readOnly}
        maxTags={50}
        splitChars={[',']}
        error={error}
      />
    </Stack>
  );
}
