import { Title } from '@mantine/core';

/** Placeholder until the page is built. */
export function ContactProfilePage() {
  return <Title order={1}>ContactProfilePage</Title>;
}
