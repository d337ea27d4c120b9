import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { IdentityMatch } from './identity-matches';

/** Props of the notice under a phone or email field. */
export interface IdentityMatchNoticeProps {
  /** The value as people read it (`+55 11 91234 5678`). */
  shown: string;
  match: IdentityMatch;
  /** Called before following the link (a dialog closes itself). */
  onOpen?: () => void;
}

/** "+55 11 91234 5678 already belongs to Ana Souza", with a link to Ana's profile. */
export function IdentityMatchNotice({ shown, match, onOpen }: IdentityMatchNoticeProps) {
  return (
    <Text component="span" size="xs" c="var(--mantine-color-text)" role="status">
      <Text component="span" c="orange.7" aria-hidden="true">
        ⚠{' '}
      </Text>
      {shown} already belongs to{' '}
      <Anchor
        component={Link}
        to={`/contacts/${encodeURIComponent(match.contactId)}`}
        onClick={onOpen}
        size="xs"
        fw={600}
        underline="always"
      >
        {match.name}
      </Anchor>
    </Text>
  );
}
