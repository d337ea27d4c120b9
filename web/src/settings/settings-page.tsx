import { Title } from '@mantine/core';

/** Placeholder until the page is built. */
export function SettingsPage() {
  return <Title order={1}>SettingsPage</Title>;
}
