import { Alert, Button, Group, Paper, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ChannelState } from '../../api/types';
import { fieldError, formError } from '../shared/form-errors';
import { notifySuccess } from '../shared/notify';
import {
  channelDraftOf,
  channelDraftProblems,
  channelSettingsOf,
  SECRET_FIELDS,
  type ChannelDraft,
  type SecretField,
} from './channel-draft';
import { useSaveChannel } from './channel-queries';
import { keywordsProblem, parseKeywords } from './keyword-list';
import { SecretInput } from './secret-input';

/** Props of the channel form. */
export interface ChannelFormProps {
  state: ChannelState;
  /** Admins and owners save; agents see the settings read-only. */
  canEdit: boolean;
}

type TextField = Exclude<keyof ChannelDraft, 'secrets'>;

const FIELD_PATHS = [
  'phoneNumberId',
  'displayNumber',
  'wabaId',
  'graphUrl',
  'graphVersion',
  ...SECRET_FIELDS,
  'optOutKeywords',
  'optInKeywords',
];

const SECRET_INFO: Record<SecretField, { label: string; description: string }> = {
  accessToken: {
    label: 'Access token',
    description: 'A permanent token of a system user with the whatsapp_business_messaging permission.',
  },
  appSecret: {
    label: 'App secret',
    description: 'From App settings → Basic; Rolo checks with it that webhooks come from Meta.',
  },
  verifyToken: {
    label: 'Verify token',
    description: 'Any phrase you choose; type the same in Meta when you set the webhook URL.',
  },
};

/** Connects the workspace's WhatsApp number or changes its settings; secrets are sent only when typed. */
export function ChannelForm({ state, canEdit }: ChannelFormProps) {
  const save = useSaveChannel();
  const [draft, setDraft] = useState<ChannelDraft>(() => channelDraftOf(state.channel));
  const [tried, setTried] = useState(false);
  const connected = state.channel !== null;
  const problems = channelDraftProblems(draft);
  const optOutProblem = keywordsProblem(parseKeywords(draft.optOutKeywords));
  const optInProblem = keywordsProblem(parseKeywords(draft.optInKeywords));
  const blocked = Object.keys(problems).length > 0 || Boolean(optOutProblem || optInProblem);

  const set = (field: TextField, value: string) => setDraft((current) => ({ ...current, [field]: value }));
  const setSecret = (field: SecretField, value: ChannelDraft['secrets'][SecretField]) =>
    setDraft((current) => ({ ...current, secrets: { ...current.secrets, [field]: value } }));
  const errorOf = (field: string) => (tried ? problems[field] : undefined) ?? fieldError(save.error, field);
  const environmentNote = (field: SecretField) =>
    field === 'appSecret' && state.environment.appSecret
      ? ' When not set, the server’s WHATSAPP_APP_SECRET is used.'
      : field === 'verifyToken' && state.environment.verifyToken
        ? ' When not set, the server’s WHATSAPP_VERIFY_TOKEN is used.'
        : '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (blocked || save.isPending) return;
    save.mutate(channelSettingsOf(draft), {
      onSuccess: () =>
        notifySuccess(connected ? 'WhatsApp settings saved.' : 'WhatsApp number connected.', 'WhatsApp'),
    });
  };
  const topError = formError(save.error, FIELD_PATHS);
  const text = (field: TextField, label: string, extra: Partial<Parameters<typeof TextInput>[0]> = {}) => (
    <TextInput
      label={label}
      value={draft[field]}
      onChange={(event) => set(field, event.currentTarget.value)}
      readOnly={!canEdit}
      error={errorOf(field)}
      autoComplete="off"
      {...extra}
    />
  );

  return (
    <Paper
      withBorder
      p="lg"
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="channel-form-heading"
    >
      <Stack>
        <Title order={3} size="h4" id="channel-form-heading">
          {connected ? 'Connected number' : 'Connect a number'}
        </Title>
        {!canEdit && (
          <Alert color="blue" role="status">
            Only admins can change the WhatsApp connection.
          </Alert>
        )}
        {topError && (
          <Alert color="red" role="alert" title="The settings were not saved">
            {topError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {text('phoneNumberId', 'Phone number ID', {
            required: true,
            description: 'WhatsApp Manager → Phone numbers, or the API Setup page',
            inputMode: 'numeric',
          })}
          {text('displayNumber', 'Display number', {
            required: true,
            description: 'The number customers write to, such as +1 555 078 3881',
          })}
          {text('wabaId', 'WhatsApp Business Account ID', {
            description: 'Needed to list your message templates',
            inputMode: 'numeric',
          })}
          {text('graphVersion', 'Graph API version', {
            placeholder: 'v21.0',
            description: 'Blank keeps the default',
          })}
        </SimpleGrid>
        {text('graphUrl', 'Graph API URL', {
          placeholder: 'https://graph.facebook.com',
          description: 'Change it only to use a test server, such as the local emulator',
        })}
        {SECRET_FIELDS.map((field) => (
          <SecretInput
            key={field}
            label={SECRET_INFO[field].label}
            description={SECRET_INFO[field].description + environmentNote(field)}
            isSet={Boolean(state.channel?.[`${field}Set`])}
            value={draft.secrets[field]}
            onChange={(value) => setSecret(field, value)}
            readOnly={!canEdit}
            error={fieldError(save.error, field)}
          />
        ))}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Textarea
            label="Opt-out keywords"
            description="A customer who sends one of these alone stops marketing messages. Comma-separated or one per line."
            autosize
            minRows={3}
            maxRows={8}
            value={draft.optOutKeywords}
            onChange={(event) => set('optOutKeywords', event.currentTarget.value)}
            readOnly={!canEdit}
            error={optOutProblem ?? fieldError(save.error, 'optOutKeywords')}
          />
          <Textarea
            label="Opt-in keywords"
            description="Sent alone, these subscribe the customer to marketing messages again."
            autosize
            minRows={3}
            maxRows={8}
            value={draft.optInKeywords}
            onChange={(event) => set('optInKeywords', event.currentTarget.value)}
            readOnly={!canEdit}
            error={optInProblem ?? fieldError(save.error, 'optInKeywords')}
          />
        </SimpleGrid>
        {canEdit && (
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                setDraft(channelDraftOf(state.channel));
                setTried(false);
                save.reset();
              }}
              disabled={save.isPending}
            >
              Discard changes
            </Button>
            <Button type="submit" loading={save.isPending}>
              {connected ? 'Save WhatsApp settings' : 'Connect number'}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
