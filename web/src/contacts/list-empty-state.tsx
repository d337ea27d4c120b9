import { Button, Stack, Text, Title } from '@mantine/core';
import classes from './contact-grid.module.css';

/** Props of the empty state. */
export interface ListEmptyStateProps {
  /** The search that matched nothing, or '' when the workspace has no contacts. */
  q: string;
  onNewContact(): void;
  onClearSearch(): void;
}

/** What the list shows when there is nothing to show: a first-contact nudge, or a search that matched nothing. */
export function ListEmptyState({ q, onNewContact, onClearSearch }: ListEmptyStateProps) {
  return (
    <Stack align="center" justify="center" gap="xs" py={64} px="md" ta="center" style={{ flex: 1 }}>
      <Text fz={40} aria-hidden="true" lh={1}>
        {q ? '⌕' : '☺'}
      </Text>
      {q ? (
        <>
          <Title order={2} size="h4">
            No contacts match “{q}”
          </Title>
          <Text className={classes.muted} size="sm" maw={420}>
            Search looks at names, phone numbers, emails and companies. Check the spelling or try fewer words.
          </Text>
          <Button variant="default" mt="xs" onClick={onClearSearch}>
            Clear search
          </Button>
        </>
      ) : (
        <>
          <Title order={2} size="h4">
            No contacts yet
          </Title>
          <Text className={classes.muted} size="sm" maw={420}>
            Contacts appear here when customers write to you on WhatsApp, when you import them, or when you
            add them yourself.
          </Text>
          <Button mt="xs" onClick={onNewContact}>
            New contact
          </Button>
        </>
      )}
    </Stack>
  );
}
