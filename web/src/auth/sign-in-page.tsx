import {
  Alert,
  Button,
  Center,
  Paper,
  PasswordInput,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../api/api-client';
import { ApiError, messageOf } from '../api/api-error';
import type { Session } from '../api/types';

/** Props of the sign-in page. */
export interface SignInPageProps {
  /** True when an earlier session ended on its own (expiry or revocation). */
  expired: boolean;
  onSignedIn(session: Session): void;
}

interface WorkspaceChoice {
  id: string;
  name: string;
}

/** The workspaces to choose from when the email and password belong to members of several. */
function workspacesOf(error: unknown): WorkspaceChoice[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.extra.workspaces)) return [];
  return error.extra.workspaces as WorkspaceChoice[];
}

/** Email and password sign-in; asks which workspace when the member belongs to several. */
export function SignInPage({ expired, onSignedIn }: SignInPageProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [workspaces, setWorkspaces] = useState<WorkspaceChoice[]>([]);
  const [workspaceId, setWorkspaceId] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(
        await api.post<Session>('/auth/login', { email, password, workspaceId: workspaceId ?? undefined }),
      );
    } catch (caught) {
      const choices = workspacesOf(caught);
      setWorkspaces(choices);
      if (choices.length > 0) setWorkspaceId(choices[0]?.id ?? null);
      setError(choices.length > 0 ? null : messageOf(caught));
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
          {workspaces.length > 0 && (
            <Radio.Group
              label="Workspace"
              description="This email belongs to several workspaces: choose one."
              value={workspaceId}
              onChange={setWorkspaceId}
            >
              <Stack gap="xs" mt="xs">
                {workspaces.map((workspace) => (
                  <Radio key={workspace.id} value={workspace.id} label={workspace.name} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          <Button type="submit" loading={busy} fullWidth>
            Sign in
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
