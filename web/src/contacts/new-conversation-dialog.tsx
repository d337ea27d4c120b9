import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/api-error';
import type { Contact } from '../api/types';
import { useSession } from '../auth/session-context';
import {
  useChannelState,
  useConversationStats,
  useStartConversation,
  useTemplates,
  type StartConversationInput,
} from '../conversations/conversation-queries';
import { MessageFields } from '../conversations/message-fields';
import { NoChannel } from '../conversations/no-channel';
import { sendProblem } from '../conversations/send-problem';
import { useMessageDraft } from '../conversations/use-message-draft';
import { WindowState } from '../conversations/window-state';
import { useIdentityMatches } from '../profile/identity-matches';
import { checkPhone } from '../ui/phone-format';
import { ContactPicker } from './contact-picker';

/** Props of the new conversation dialog. */
export interface NewConversationDialogProps {
  opened: boolean;
  onClose(): void;
}

type Recipient = 'phone' | 'contact';

/** The form inside the dialog; mounted on open, so every opening starts blank. */
function NewConversationForm({ onClose }: { onClose(): void }) {
  const { session } = useSession();
  const navigate = useNavigate();
  const [recipient, setRecipient] = useState<Recipient>('phone');
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [contact, setContact] = useState<Contact | null>(null);
  const draft = useMessageDraft('template');
  const channel = useChannelState();
  const start = useStartConversation();

  const phoneCheck =
    recipient === 'phone' && phone.trim() ? checkPhone(phone, session.workspace.defaultCountry) : null;
  const { matches } = useIdentityMatches({ phone: phoneCheck?.ok ? phoneCheck.e164 : null, email: null });
  const phoneMatch = matches.find((match) => match.field === 'phone');
  const targetId = recipient === 'contact' ? contact?.id : phoneMatch?.contactId;
  const stats = useConversationStats(targetId ?? '', Boolean(targetId));
  const windowOpen = Boolean(targetId && stats.data?.window.open);
  const connected = Boolean(channel.data?.channel);
  const templates = useTemplates(connected && (!windowOpen || draft.mode === 'template'));
  const message = draft.outgoing(windowOpen, templates.data);

  const target: StartConversationInput | null = (() => {
    if (!message) return null;
    if (recipient === 'contact') return contact ? { contactId: contact.id, ...message } : null;
    if (!phoneCheck?.ok) return null;
    return { phone: phoneCheck.e164, ...(name.trim() ? { name: name.trim() } : {}), ...message };
  })();

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!target || start.isPending) return;
    try {
      const started = await start.mutateAsync(target);
      notifications.show({
        color: 'teal',
        title: started.createdContact ? 'Contact created and message sent' : 'Message sent',
        message: started.contact.name,
      });
      onClose();
      void navigate(`/contacts/${encodeURIComponent(started.contact.id)}`);
    } catch {
      // The reason is shown in the form; what was typed stays.
    }
  };

  const phoneError =
    (start.error instanceof ApiError ? start.error.fieldMessage('phone') : undefined) ??
    (phoneCheck && !phoneCheck.ok ? phoneCheck.message : undefined);
  const otherError =
    start.isError && !(start.error instanceof ApiError && start.error.fieldMessage('phone'))
      ? sendProblem(start.error)
      : null;

  if (channel.isSuccess && !connected) return <NoChannel onNavigate={onClose} />;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <SegmentedControl
          aria-label="Send to"
          data={[
            { value: 'phone', label: 'A phone number' },
            { value: 'contact', label: 'An existing contact' },
          ]}
          value={recipient}
          onChange={(value) => setRecipient(value === 'contact' ? 'contact' : 'phone')}
        />
        {recipient === 'phone' ? (
          <>
            <TextInput
              label="Phone number"
              type="tel"
              placeholder="+55 11 91234 5678"
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              value={phone}
              onChange={(event) => setPhone(event.currentTarget.value)}
              error={phoneError}
              description={
                phoneCheck?.ok
                  ? phoneMatch
                    ? `${phoneCheck.display} is ${phoneMatch.name}: the message goes to that contact.`
                    : `${phoneCheck.display} becomes a new contact.`
                  : 'Any format; numbers without a country code use the workspace country.'
              }
              autoComplete="off"
              data-autofocus
            />
            {!phoneMatch && (
              <TextInput
                label="Name (optional)"
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                maxLength={200}
                autoComplete="off"
              />
            )}
          </>
        ) : (
          <ContactPicker value={contact} onChange={setContact} />
        )}
        {targetId && stats.data ? (
          <WindowState window={stats.data.window} />
        ) : (
          <Text size="sm" c="dimmed">
            A conversation with someone who has not written in the last 24 hours starts with an approved
            template.
          </Text>
        )}
        <MessageFields
          draft={draft}
          windowOpen={windowOpen}
          templates={templates}
          onSubmit={() => void submit()}
          disabled={start.isPending}
          error={otherError}
        />
        {channel.isError && (
          <Alert color="red" role="alert">
            The WhatsApp channel could not be checked. Sending may fail.
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={start.isPending} disabled={!target}>
            Start conversation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Starts a WhatsApp conversation with a new number (which becomes a contact) or an existing contact. */
export function NewConversationDialog({ opened, onClose }: NewConversationDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="New conversation" size="lg">
      {opened && <NewConversationForm onClose={onClose} />}
    </Modal>
  );
}
