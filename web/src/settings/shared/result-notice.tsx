import { Alert } from '@mantine/core';

/** What an action reported, kept on screen until dismissed. */
export interface ResultMessage {
  title: string;
  message: string;
}

/** A dismissible report of what a one-click action did (preset groups, recommended tags). */
export function ResultNotice({ result, onClose }: { result: ResultMessage | null; onClose(): void }) {
  if (!result) return null;
  return (
    <Alert
      color="teal"
      title={result.title}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
      role="status"
    >
      {result.message}
    </Alert>
  );
}
