import { Badge, Button, Group, Menu, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { SavedSearch } from '../../../src/shared/saved-search-schemas';
import { messageOf } from '../api/api-error';
import type { ListView } from '../contacts/list-view-params';
import { NameDialog } from './name-dialog';
import { useSavedSearchMutations } from './saved-search-queries';
import { combinedFilter } from './search-text';

/** Props of the bar of an open saved search. */
export interface SavedSearchBarProps {
  search: SavedSearch;
  view: ListView;
  /** Leaves the saved search (the list keeps its view). */
  onLeave(): void;
}

/** True when the list shows what the search saved (words and filter compared as one tree). */
const sameView = (search: SavedSearch, view: ListView) =>
  JSON.stringify([
    combinedFilter(search.q ?? '', search.filter),
    search.sort ?? view.sort,
    search.columns ?? view.columns,
  ]) === JSON.stringify([combinedFilter(view.q, view.filter), view.sort, view.columns]);

/** The open saved search: its name, whether the view changed since, and update, rename, pin, share and delete. */
export function SavedSearchBar({ search, view, onLeave }: SavedSearchBarProps) {
  const { update, pin, remove } = useSavedSearchMutations();
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const modified = !sameView(search, view);
  const run = (action: Promise<unknown>, done: string) =>
    action.then(
      () => notifications.show({ color: 'teal', message: done }),
      (error: unknown) => notifications.show({ color: 'red', message: messageOf(error) }),
    );
  return (
    <Group gap="xs" wrap="wrap" mih={36} data-testid="saved-search-bar">
      <Text size="sm" fw={600}>
        {search.name}
      </Text>
      <Badge size="sm" variant="light" color={search.visibility === 'shared' ? 'blue' : 'gray'}>
        {search.visibility === 'shared' ? 'Shared' : 'Personal'}
      </Badge>
      {modified && (
        <Badge size="sm" variant="outline" color="orange">
          Changed
        </Badge>
      )}
      {search.canEdit && modified && (
        <Button
          size="compact-xs"
          onClick={() =>
            void run(
              update.mutateAsync({
                id: search.id,
                filter: view.filter,
                q: view.q || null,
                sort: view.sort,
                columns: view.columns,
              }),
              `${search.name} updated`,
            )
          }
        >
          Update with this view
        </Button>
      )}
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button size="compact-xs" variant="light" aria-label={`Actions for ${search.name}`}>
            ⋯
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            onClick={() =>
              void run(
                pin.mutateAsync({ id: search.id, pinned: !search.pinned }),
                search.pinned ? 'Unpinned' : 'Pinned to the sidebar',
              )
            }
          >
            {search.pinned ? 'Unpin from sidebar' : 'Pin to sidebar'}
          </Menu.Item>
          {search.canEdit && (
            <>
              <Menu.Item onClick={() => setRenaming(true)}>Rename…</Menu.Item>
              <Menu.Item
                onClick={() =>
                  void run(
                    update.mutateAsync({
                      id: search.id,
                      visibility: search.visibility === 'shared' ? 'personal' : 'shared',
                    }),
                    search.visibility === 'shared' ? 'Only you see it now' : 'Shared with the workspace',
                  )
                }
              >
                {search.visibility === 'shared' ? 'Make personal' : 'Share with the workspace'}
              </Menu.Item>
              <Menu.Item color="red" onClick={() => setDeleting(true)}>
                Delete…
              </Menu.Item>
            </>
          )}
          <Menu.Item onClick={onLeave}>Close saved search</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {renaming && (
        <NameDialog
          title="Rename saved search"
          nameLabel="Name"
          initialName={search.name}
          submitLabel="Rename"
          onClose={() => setRenaming(false)}
          onSubmit={(name) => update.mutateAsync({ id: search.id, name })}
        />
      )}
      <Modal opened={deleting} onClose={() => setDeleting(false)} title={`Delete “${search.name}”?`} centered>
        <Text size="sm">
          The contacts stay; only the saved search goes
          {search.visibility === 'shared' ? ', for everyone' : ''}.
        </Text>
        <Group justify="flex-end" mt="md" gap="xs">
          <Button variant="default" onClick={() => setDeleting(false)}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              void run(remove.mutateAsync(search.id), `${search.name} deleted`).then(() => {
                setDeleting(false);
                onLeave();
              })
            }
          >
            Delete
          </Button>
        </Group>
      </Modal>
    </Group>
  );
}
