import { Checkbox, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { SavedSearch, SavedSearchVisibility } from '../../../src/shared/saved-search-schemas';
import type { ListView } from '../contacts/list-view-params';
import { NameDialog } from './name-dialog';
import { useSavedSearchMutations } from './saved-search-queries';

/** Props of the save-search dialog. */
export interface SaveSearchDialogProps {
  view: ListView;
  onSaved(search: SavedSearch): void;
  onClose(): void;
}

/** Saves the list's current view (filter, search, sort, columns) as a personal or shared search, pinned or not. */
export function SaveSearchDialog({ view, onSaved, onClose }: SaveSearchDialogProps) {
  const { create } = useSavedSearchMutations();
  const [visibility, setVisibility] = useState<SavedSearchVisibility>('personal');
  const [pinned, setPinned] = useState(true);
  return (
    <NameDialog
      title="Save this search"
      nameLabel="Name"
      initialName=""
      submitLabel="Save search"
      onClose={onClose}
      onSubmit={async (name) =>
        onSaved(
          await create.mutateAsync({
            name,
            visibility,
            pinned,
            filter: view.filter,
            q: view.q || null,
            sort: view.sort,
            columns: view.columns,
          }),
        )
      }
    >
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Who sees it
        </Text>
        <SegmentedControl
          aria-label="Who sees it"
          data={[
            { value: 'personal', label: 'Only me' },
            { value: 'shared', label: 'Everyone in the workspace' },
          ]}
          value={visibility}
          onChange={(next) => setVisibility(next as SavedSearchVisibility)}
        />
      </Stack>
      <Checkbox
        label="Pin it in the sidebar"
        checked={pinned}
        onChange={(event) => setPinned(event.currentTarget.checked)}
      />
    </NameDialog>
  );
}
