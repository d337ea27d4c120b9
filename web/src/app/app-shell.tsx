import {
  ActionIcon,
  AppShell,
  Group,
  Menu,
  NavLink,
  Text,
  Tooltip,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { Suspense } from 'react';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/session-context';
import { PinnedSearches } from '../search/pinned-searches';
import { QuickFind } from '../search/quick-find';
import { PageLoader } from '../ui/page-loader';

/** Each area with the address prefix it owns; the longest matching prefix marks the current one. */
const NAV_ITEMS = [
  { to: '/contacts', label: 'Contacts', prefix: '/contacts' },
  { to: '/contacts/imports', label: 'Imports', prefix: '/contacts/import' },
  { to: '/segments', label: 'Segments', prefix: '/segments' },
  { to: '/statistics', label: 'Statistics', prefix: '/statistics' },
  { to: '/settings', label: 'Settings', prefix: '/settings' },
];

/** The navigation item of the page at this path. */
function currentItem(pathname: string) {
  return NAV_ITEMS.filter((item) => pathname.startsWith(item.prefix)).sort(
    (a, b) => b.prefix.length - a.prefix.length,
  )[0];
}

/** Switches between light and dark. */
function ThemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const next = scheme === 'dark' ? 'light' : 'dark';
  return (
    <Tooltip label={`Switch to ${next} theme`}>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={`Switch to ${next} theme`}
        onClick={() => setColorScheme(next)}
      >
        <span aria-hidden="true">{scheme === 'dark' ? '☀' : '☾'}</span>
      </ActionIcon>
    </Tooltip>
  );
}

/** The signed-in frame: header with workspace and user menu, navigation, and the page. */
export function AppFrame() {
  const { session, signOut } = useSession();
  const location = useLocation();
  const current = currentItem(location.pathname);
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 190, breakpoint: 'xs' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Text fw={800} size="lg" c="teal.9">
              Rolo
            </Text>
            <Text c="dimmed" size="sm" aria-label="Workspace">
              {session.workspace.name}
            </Text>
          </Group>
          <Group gap="xs">
            <QuickFind />
            <ThemeToggle />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={`Account of ${session.user.name}`} px="xs" py={4}>
                  <Text size="sm" fw={500}>
                    {session.user.name}
                  </Text>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  {session.user.email} · {session.user.role}
                </Menu.Label>
                <Menu.Item onClick={() => void signOut()}>Sign out</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {NAV_ITEMS.map((item) => (
          <NavLink
            key={item.to}
            component={RouterNavLink}
            to={item.to}
            end
            label={item.label}
            active={item === current}
          />
        ))}
        <PinnedSearches />
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
