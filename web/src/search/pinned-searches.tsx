import { NavLink, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { savedSearchHref, useSavedSearches } from './saved-search-queries';

/** The sidebar's pinned saved searches, under the main navigation; the open one is marked. */
export function PinnedSearches() {
  const searches = useSavedSearches();
  const location = useLocation();
  const openId = location.pathname === '/contacts' ? new URLSearchParams(location.search).get('saved') : null;
  const pinned = (searches.data ?? []).filter((search) => search.pinned);
  if (pinned.length === 0) return null;
  return (
    <nav aria-label="Pinned searches">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" px="sm" mt="md" mb={4}>
        Pinned searches
      </Text>
      {pinned.map((search) => (
        <NavLink
          key={search.id}
          component={Link}
          to={savedSearchHref(search)}
          label={search.name}
          active={search.id === openId}
          styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } }}
        />
      ))}
    </nav>
  );
}
