import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/api-client';
import type { Contact } from '../api/types';
import { queryKeys } from '../api/workspace-queries';
import { useSession } from '../auth/session-context';
import { isEmailAddress } from '../custom-fields/value-checks';
import { errorNode } from '../profile/field-problem';
import { IdentityMatchNotice } from '../profile/identity-match-notice';
import { useIdentityMatches } from '../profile/identity-matches';
import { problemsOf, type SaveProblems } from '../profile/save-problems';
import { TagPicker } from '../tags/tag-picker';
import { checkPhone } from '../ui/phone-format';

/** Props of the new contact dialog. */
export interface NewContactDialogProps {
  opened: boolean;
  onClose(): void;
}

const FIELDS = ['firstName', 'lastName', 'phone', 'email', 'company'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const EMPTY: Values = { firstName: '', lastName: '', phone: '', email: '', company: '' };
const noProblems: SaveProblems = { fields: {}, general: [], conflict: false };

/** The form inside the dialog; mounted on open, so every opening starts blank. */
function NewContactForm({ onClose }: { onClose(): void }) {
  const { session } = useSession();
  const defaultCountry = session.workspace.defaultCountry;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(EMPTY);
  const [tags, setTags] = useState<string[]>([]);
  const [problems, setProblems] = useState<SaveProblems>(noProblems);

  const phone = values.phone.trim();
  const email = values.email.trim().toLowerCase();
  const phoneCheck = phone ? checkPhone(phone, defaultCountry) : null;
  const emailValid = email ? isEmailAddress(email) : true;
  const { matches, checking } = useIdentityMatches({
    phone: phoneCheck?.ok ? phoneCheck.e164 : null,
    email: email && emailValid ? email : null,
  });
  const phoneMatch = matches.find((match) => match.field === 'phone');
  const emailMatch = matches.find((match) => match.field === 'email');
  const hasSomething = FIELDS.some((field) => values[field].trim());
  const invalid = (phoneCheck !== null && !phoneCheck.ok) || !emailValid;

  const create = useMutation({
    mutationFn: () => {
      const body: Record<string, unknown> = {};
      for (const field of FIELDS) if (values[field].trim()) body[field] = values[field].trim();
      if (tags.length) body.tags = tags;
      return api.post<Contact>('/contacts', body);
    },
    onSuccess: (contact) => {
      queryClient.setQueryData(queryKeys.contact(contact.id), contact);
      void queryClient.invalidateQueries({ queryKey: queryKeys.contacts });
      if (tags.length) void queryClient.invalidateQueries({ queryKey: queryKeys.tags });
      notifications.show({ color: 'teal', title: 'Contact created', message: contact.name });
      onClose();
      void navigate(`/contacts/${encodeURIComponent(contact.id)}`);
    },
    onError: (error) => setProblems(problemsOf(error, [...FIELDS])),
  });

  const setValue = (field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setProblems((current) => {
      const { [field]: _solved, ...others } = current.fields;
      return { ...current, fields: others, general: [] };
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!hasSomething || invalid || matches.length > 0 || create.isPending) return;
    create.mutate();
  };
  const problemOf = (field: Field) => errorNode(problems.fields[field]);

  const blockedBy = matches.length
    ? 'This phone or email already belongs to a contact: open it instead of creating a duplicate.'
    : !hasSomething
      ? 'Enter at least a name, a phone, an email or a company.'
      : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
          <TextInput
            label="First name"
            value={values.firstName}
            onChange={(event) => setValue('firstName', event.currentTarget.value)}
            error={problemOf('firstName')}
            autoComplete="off"
            data-autofocus
          />
          <TextInput
            label="Last name"
            value={values.lastName}
            onChange={(event) => setValue('lastName', event.currentTarget.value)}
            error={problemOf('lastName')}
            autoComplete="off"
          />
        </SimpleGrid>
        <TextInput
          label="Phone"
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          type="tel"
          placeholder="+55 11 91234 5678"
          value={values.phone}
          onChange={(event) => setValue('phone', event.currentTarget.value)}
          error={problemOf('phone') ?? (phoneCheck && !phoneCheck.ok ? phoneCheck.message : undefined)}
          description={
            phoneMatch && phoneCheck?.ok ? (
              <IdentityMatchNotice shown={phoneCheck.display} match={phoneMatch} onOpen={onClose} />
            ) : phoneCheck?.ok ? (
              `Saved as ${phoneCheck.display}`
            ) : undefined
          }
          autoComplete="off"
        />
        <TextInput
          label="Email"
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          type="email"
          value={values.email}
          onChange={(event) => setValue('email', event.currentTarget.value)}
          error={problemOf('email') ?? (emailValid ? undefined : 'Not a valid email address')}
          description={
            emailMatch ? <IdentityMatchNotice shown={email} match={emailMatch} onOpen={onClose} /> : undefined
          }
          autoComplete="off"
        />
        <TextInput
          label="Company"
          value={values.company}
          onChange={(event) => setValue('company', event.currentTarget.value)}
          error={problemOf('company')}
          autoComplete="off"
        />
        <TagPicker label="Tags" value={tags} onChange={setTags} />
        {problems.general.length > 0 && (
          <Alert color="red" title="The contact was not created" role="alert">
            {problems.general.join(' ')}
          </Alert>
        )}
        <Group justify="space-between" align="center" wrap="nowrap" mt="xs">
          <Text size="xs" c="dimmed" id="new-contact-hint">
            {blockedBy ?? (checking && (phoneCheck?.ok || email) ? 'Checking for existing contacts…' : '')}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              loading={create.isPending}
              disabled={!hasSomething || invalid || matches.length > 0}
              aria-describedby="new-contact-hint"
            >
              Create contact
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** Manual creation of a contact; warns before saving when the phone or email already belongs to someone. */
export function NewContactDialog({ opened, onClose }: NewContactDialogProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="New contact"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {opened && <NewContactForm onClose={onClose} />}
    </Modal>
  );
}
