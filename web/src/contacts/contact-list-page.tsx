import { Title } from '@mantine/core';

/** Placeholder until the page is built. */
export function ContactListPage() {
  return <Title order={1}>ContactListPage</Title>;
}
