import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** Shown for a contact id that does not exist (or was deleted or merged away). */
export function ContactNotFound() {
  return (
    <Stack align="flex-start" py="xl" maw={520}>
      <Title order={1} size="h2">
        Contact not found
      </Title>
      <Text c="dimmed">This contact does not exist or was deleted.</Text>
      <Button component={Link} to="/contacts">
        Back to contacts
      </Button>
    </Stack>
  );
}
