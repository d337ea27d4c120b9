import { Button, Code, CopyButton, Group, List, Paper, Stack, Text, Title } from '@mantine/core';

/** The callback URL to give Meta, with a copy button and where to enter it. */
export function WebhookUrl({ webhookPath }: { webhookPath: string }) {
  const url = `${window.location.origin}${webhookPath}`;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="webhook-heading">
      <Stack gap="sm">
        <Title order={3} size="h4" id="webhook-heading">
          Webhook
        </Title>
        <Text size="sm">Meta sends incoming messages and delivery updates to this address:</Text>
        <Group gap="xs" wrap="nowrap" align="center">
          <Code
            block
            aria-label="Webhook URL"
            data-testid="webhook-url"
            style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap', fontSize: 13 }}
          >
            {url}
          </Code>
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button variant={copied ? 'filled' : 'light'} onClick={copy}>
                {copied ? 'Copied' : 'Copy webhook URL'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <List size="sm" type="ordered" spacing={4}>
          <List.Item>In the Meta App Dashboard, open WhatsApp → Configuration.</List.Item>
          <List.Item>Paste this URL as the callback URL and type the verify token set above.</List.Item>
          <List.Item>Under Webhook fields, subscribe to messages.</List.Item>
        </List>
        <Text size="xs" c="dimmed">
          Meta only calls public HTTPS addresses: when Rolo runs on your computer, expose it with a tunnel and
          use the tunnel’s address instead of this one.
        </Text>
      </Stack>
    </Paper>
  );
}
