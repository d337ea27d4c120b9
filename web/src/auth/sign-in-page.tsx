import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../api/api-client';
import { messageOf } from '../api/api-error';
import type { Session } from '../api/types';

/** Props of the sign-in page. */
export interface SignInPageProps {
  /** True when an earlier session ended on its own (expiry or revocation). */
  expired: boolean;
  onSignedIn(session: Session): void;
}

/** Email and password sign-in. */
export function SignInPage({ expired, onSignedIn }: SignInPageProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.post<Session>('/auth/login', { email, password }));
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center component="main" mih="100vh" p="md">
      <Paper component="form" onSubmit={submit} withBorder shadow="sm" p="xl" radius="md" w={380}>
        <Stack>
          <div>
            <Title order={1} size="h2">
              Sign in to Rolo
            </Title>
            <Text c="dimmed" size="sm">
              Your contacts, one conversation away.
            </Text>
          </div>
          {expired && (
            <Alert color="yellow" title="Your session ended">
              Sign in again to carry on where you left off.
            </Alert>
          )}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button type="submit" loading={busy} fullWidth>
            Sign in
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
