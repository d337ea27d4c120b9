import { Anchor, Avatar, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Contact } from '../api/types';
import { formatPhone } from '../ui/phone-format';
import { useIdentities } from './contact-queries';

/** Props of the profile header. */
export interface ProfileHeaderProps {
  contact: Contact;
  /** Where the back link goes: the list view the agent came from, or the list. */
  backTo: string;
}

/** WhatsApp identity as people read it (`+55 11 91234 5678`), or what to say when there is none. */
function WhatsAppIdentity({ contactId }: { contactId: string }) {
  const identities = useIdentities(contactId);
  if (identities.isPending)
    return (
      <Text size="sm" c="dimmed">
        Checking WhatsApp…
      </Text>
    );
  if (identities.isError)
    return (
      <Text size="sm" c="dimmed">
        WhatsApp identity unavailable
      </Text>
    );
  const whatsapp = identities.data.find((identity) => identity.kind === 'whatsapp');
  const username = identities.data.find((identity) => identity.kind === 'whatsapp_username');
  if (!whatsapp && !username)
    return (
      <Text size="sm" c="dimmed">
        Not on WhatsApp yet
      </Text>
    );
  return (
    <Text size="sm">
      <Text span c="dimmed">
        WhatsApp{' '}
      </Text>
      {whatsapp ? formatPhone(`+${whatsapp.value.replace(/^\+/, '')}`) : `@${username?.value ?? ''}`}
    </Text>
  );
}

/** Name, role, phone, WhatsApp identity and tags, with a way back to the list. */
export function ProfileHeader({ contact, backTo }: ProfileHeaderProps) {
  const role = [contact.jobTitle, contact.company].filter(Boolean).join(' · ');
  return (
    <Stack gap="xs">
      <Anchor component={Link} to={backTo} size="sm" w="fit-content">
        <span aria-hidden="true">← </span>Contacts
      </Anchor>
      <Group gap="md" wrap="nowrap" align="flex-start">
        <Avatar name={contact.name} color="initials" size="lg" radius="xl" aria-hidden="true" />
        <Stack gap={4} miw={0}>
          <Title order={1} size="h2" lh={1.2} style={{ overflowWrap: 'anywhere' }}>
            {contact.name}
          </Title>
          {role && (
            <Text size="sm" c="dimmed">
              {role}
            </Text>
          )}
          <Group gap="lg" wrap="wrap">
            {contact.phone ? (
              <Text size="sm">
                <Text span c="dimmed">
                  Phone{' '}
                </Text>
                {formatPhone(contact.phone)}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                No phone
              </Text>
            )}
            <WhatsAppIdentity contactId={contact.id} />
            {contact.email && (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                <Text span c="dimmed">
                  Email{' '}
                </Text>
                {contact.email}
              </Text>
            )}
          </Group>
          {contact.tags.length > 0 && (
            <Group gap={6} aria-label="Tags" role="list">
              {contact.tags.map((tag) => (
                <Badge key={tag.id} role="listitem" color={tag.color} autoContrast variant="filled" tt="none">
                  {tag.name}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
      </Group>
    </Stack>
  );
}
