import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../auth/session-context';
import { checkPhone } from '../../ui/phone-format';
import { fieldError, formError } from '../shared/form-errors';
import { useSimulateCustomer } from './channel-queries';

/** Plays a customer writing in through the local emulator, so contacts appear without a Meta account. */
export function SimulatorCard() {
  const { session } = useSession();
  const simulate = useSimulateCustomer();
  const [from, setFrom] = useState('');
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const phone = from.trim() ? checkPhone(from, session.workspace.defaultCountry) : null;
  const ready = phone?.ok === true && text.trim().length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready || !phone.ok || simulate.isPending) return;
    simulate.mutate(
      { from: phone.e164, text: text.trim(), ...(name.trim() ? { name: name.trim() } : {}) },
      { onSuccess: () => setText('') },
    );
  };
  const problem = formError(simulate.error, ['from']);

  return (
    <Paper
      withBorder
      p="lg"
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="simulator-heading"
    >
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id="simulator-heading">
            Simulate a customer
          </Title>
          <Text size="sm" c="dimmed">
            The local WhatsApp emulator is running: write as a customer would, and watch Rolo receive it.
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label="From"
            type="tel"
            required
            placeholder="+55 11 91234 5678"
            value={from}
            onChange={(event) => setFrom(event.currentTarget.value)}
            error={phone && !phone.ok ? phone.message : fieldError(simulate.error, 'from')}
            autoComplete="off"
          />
          <TextInput
            label="Name"
            placeholder="Maria Silva"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            maxLength={100}
            autoComplete="off"
          />
        </SimpleGrid>
        <Textarea
          label="Text"
          required
          autosize
          minRows={2}
          maxLength={4096}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        {problem && (
          <Alert color="red" role="alert" title="Not sent">
            {problem}
          </Alert>
        )}
        <Group justify="space-between" gap="xs">
          <Text size="sm" role="status" aria-live="polite">
            {simulate.isSuccess && !simulate.isPending && (
              <>
                Sent — the contact appears in{' '}
                <Anchor component={Link} to="/contacts" inherit underline="always">
                  Contacts
                </Anchor>
                .
              </>
            )}
          </Text>
          <Button type="submit" loading={simulate.isPending} disabled={!ready}>
            Send as the customer
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
