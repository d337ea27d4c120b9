import { Badge, Button, Group, Menu, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useSavedSearches, savedSearchHref } from './saved-search-queries';

/** Props of the saved-search menu. */
export interface SavedSearchMenuProps {
  onSaveView(): void;
  /** Offered when the list has a filter. */
  onSaveSegment: (() => void) | null;
}

/** The toolbar's "Saved" menu: open any saved search (mine and shared), save the current view or make a segment of it. */
export function SavedSearchMenu({ onSaveView, onSaveSegment }: SavedSearchMenuProps) {
  const searches = useSavedSearches();
  const list = searches.data ?? [];
  return (
    <Menu position="bottom-end" withinPortal width={280}>
      <Menu.Target>
        <Button variant="default">Saved</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={onSaveView}>Save current view…</Menu.Item>
        <Menu.Item onClick={onSaveSegment ?? undefined} disabled={!onSaveSegment}>
          Save filter as segment…
        </Menu.Item>
        <Menu.Item component={Link} to="/segments">
          All segments
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>Saved searches</Menu.Label>
        {list.length === 0 && (
          <Text size="xs" c="dimmed" px="sm" py={4}>
            {searches.isLoading ? 'Loading…' : 'None yet'}
          </Text>
        )}
        {list.map((search) => (
          <Menu.Item key={search.id} component={Link} to={savedSearchHref(search)}>
            <Group gap={6} wrap="nowrap" justify="space-between">
              <Text size="sm" truncate>
                {search.name}
              </Text>
              <Group gap={4} wrap="nowrap">
                {search.pinned && (
                  <Badge size="xs" variant="light">
                    Pinned
                  </Badge>
                )}
                {search.visibility === 'shared' && (
                  <Badge size="xs" variant="light" color="gray">
                    Shared
                  </Badge>
                )}
              </Group>
            </Group>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
