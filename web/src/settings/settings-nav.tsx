import { NavLink, Stack } from '@mantine/core';
import { NavLink as RouterNavLink, useLocation } from 'react-router';

interface SettingsNavItem {
  to: string;
  label: string;
  description: string;
  adminOnly?: boolean;
}

const ITEMS: SettingsNavItem[] = [
  { to: '/settings/custom-fields', label: 'Custom fields', description: 'Typed fields on contacts' },
  { to: '/settings/tags', label: 'Tags', description: 'Labels, colours, categories' },
  { to: '/settings/team', label: 'Team', description: 'Members and roles', adminOnly: true },
  { to: '/settings/api-keys', label: 'API keys', description: 'Access for scripts', adminOnly: true },
  { to: '/settings/whatsapp', label: 'WhatsApp', description: 'Number, webhook, keywords' },
  { to: '/settings/workspace', label: 'Workspace', description: 'Name, country, note types' },
];

/** The settings sub-navigation; Team and API keys appear only to admins and owners. */
export function SettingsNav({ isAdmin }: { isAdmin: boolean }) {
  const { pathname } = useLocation();
  return (
    <Stack component="nav" aria-label="Settings" gap={2} w={210} style={{ flexShrink: 0 }}>
      {ITEMS.filter((item) => isAdmin || !item.adminOnly).map((item) => (
        <NavLink
          key={item.to}
          component={RouterNavLink}
          to={item.to}
          label={item.label}
          description={item.description}
          active={pathname.startsWith(item.to)}
          variant="light"
          style={{ borderRadius: 'var(--mantine-radius-sm)' }}
        />
      ))}
    </Stack>
  );
}
