import {
  Alert,
  Autocomplete,
  Button,
  ColorInput,
  Group,
  Modal,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/api-client';
import type { Tag } from '../../api/types';
import { queryKeys } from '../../api/workspace-queries';
import { fieldError, formError } from '../shared/form-errors';
import { notifySuccess } from '../shared/notify';
import { TAG_SWATCHES } from './tag-colors';

const HEX = /^#[0-9a-f]{6}$/i;

/** Props of the tag dialog. */
export interface TagDialogProps {
  /** The tag to edit; none to create one. */
  tag?: Tag;
  /** Categories in use, suggested while typing. */
  categories: string[];
  onClose(): void;
}

/** Creates a tag or changes one: name, colour, category and description. */
export function TagDialog({ tag, categories, onClose }: TagDialogProps) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(tag?.name ?? '');
  const [color, setColor] = useState(tag?.color ?? '');
  const [category, setCategory] = useState(tag?.category ?? '');
  const [description, setDescription] = useState(tag?.description ?? '');
  const [tried, setTried] = useState(false);

  const nameProblem = name.trim() ? undefined : 'Give the tag a name';
  const colorProblem = color && !HEX.test(color) ? 'Use a colour as #rrggbb' : undefined;
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: name.trim(),
        category: category.trim() || null,
        description: description.trim() || null,
        ...(color ? { color: color.toLowerCase() } : {}),
      };
      return tag ? api.patch<Tag>(`/tags/${tag.id}`, body) : api.post<Tag>('/tags', body);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.tags });
      const renamed = tag && tag.name !== saved.name ? ` (was “${tag.name}”)` : '';
      notifySuccess(`${tag ? 'Saved' : 'Created'} the tag “${saved.name}”${renamed}.`);
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!nameProblem && !colorProblem) save.mutate();
  };
  const topError = formError(save.error, ['name', 'color', 'category', 'description']);

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={tag ? `Edit “${tag.name}”` : 'New tag'}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {topError && (
            <Alert color="red" role="alert">
              {topError}
            </Alert>
          )}
          <TextInput
            label="Name"
            description={
              tag ? 'Contacts keep the tag under its new name' : 'Unique in the workspace, whatever the case'
            }
            required
            data-autofocus
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={(tried && nameProblem) || fieldError(save.error, 'name')}
          />
          <ColorInput
            label="Colour"
            description={tag ? undefined : 'Leave empty for an automatic colour'}
            placeholder="Automatic"
            format="hex"
            swatches={TAG_SWATCHES}
            swatchesPerRow={7}
            value={color}
            onChange={setColor}
            popoverProps={{ withinPortal: true }}
            error={(tried && colorProblem) || fieldError(save.error, 'color')}
          />
          <Autocomplete
            label="Category"
            description="Tags are grouped by category, such as Customer Tier or Lifecycle"
            data={categories}
            maxLength={100}
            value={category}
            onChange={setCategory}
            comboboxProps={{ withinPortal: true }}
            error={fieldError(save.error, 'category')}
          />
          <Textarea
            label="Description"
            description="When to use this tag"
            autosize
            minRows={2}
            maxRows={4}
            maxLength={500}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={fieldError(save.error, 'description')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {tag ? 'Save tag' : 'Create tag'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
