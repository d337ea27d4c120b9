import { Alert, Anchor } from '@mantine/core';
import { Link } from 'react-router';

/** Says that no WhatsApp number is connected, with the way to connect one. */
export function NoChannel({ onNavigate }: { onNavigate?: () => void }) {
  return (
    <Alert color="yellow" title="No WhatsApp number is connected" role="status">
      Messages cannot be sent until the workspace's number is connected in{' '}
      <Anchor
        component={Link}
        to="/settings/whatsapp"
        inherit
        c="inherit"
        underline="always"
        fw={600}
        onClick={onNavigate}
      >
        Settings → WhatsApp
      </Anchor>
      .
    </Alert>
  );
}
