import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';

/** Props of a one-time secret. */
export interface OneTimeSecretProps {
  /** What the secret is, for the copy button: "API key", "password". */
  label: string;
  secret: string;
}

/** A secret the server returns only once (API key, generated password): shown with a copy button and a warning. */
export function OneTimeSecret({ label, secret }: OneTimeSecretProps) {
  return (
    <Stack gap="xs">
      <Alert color="yellow" title="Copy it now: it will not be shown again">
        Rolo keeps only a hash of it. If it is lost, you will need to create a new one.
      </Alert>
      <Group gap="xs" wrap="nowrap" align="center">
        <Code
          block
          aria-label={`New ${label}`}
          style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap', fontSize: 13 }}
          data-testid="one-time-secret"
        >
          {secret}
        </Code>
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : undefined} onClick={copy}>
              {copied ? 'Copied' : `Copy ${label}`}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="xs" c="dimmed">
        Store it somewhere safe, such as a password manager or your deployment secrets.
      </Text>
    </Stack>
  );
}
