import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { messageOf } from '../api/api-error';

/** Props of the error panel. */
export interface ErrorPanelProps {
  title?: string;
  error: unknown;
  onRetry?: () => void;
}

/** An error in place of content that failed to load, with a retry; never a blank screen. */
export function ErrorPanel({ title = 'This could not be loaded', error, onRetry }: ErrorPanelProps) {
  return (
    <Alert color="red" title={title} role="alert">
      <Stack gap="xs">
        <Text size="sm">{messageOf(error)}</Text>
        {onRetry && (
          <Group>
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              Try again
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
