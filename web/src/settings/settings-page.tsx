import { Box, Group, Stack, Text, Title } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { useSession } from '../auth/session-context';
import { AdminOnlyNotice } from './admin-only-notice';
import { ApiKeysSection } from './api-keys/api-keys-section';
import { CustomFieldsSection } from './custom-fields/custom-fields-section';
import { SettingsNav } from './settings-nav';
import { TagsSection } from './tags/tags-section';
import { TeamSection } from './team/team-section';
import { WhatsAppSection } from './whatsapp/whatsapp-section';
import { WorkspaceSection } from './workspace/workspace-section';

/** Settings: custom fields, tags, team, API keys, WhatsApp and the workspace, each at its own URL under /settings. */
export function SettingsPage() {
  const { isAdmin } = useSession();
  return (
    <Stack gap="lg" maw={1180}>
      <div>
        <Title order={1} size="h2">
          Settings
        </Title>
        <Text c="dimmed" size="sm">
          Shape how your workspace stores and organises contacts.
        </Text>
      </div>
      <Group align="flex-start" wrap="nowrap" gap="xl">
        <SettingsNav isAdmin={isAdmin} />
        <Box flex={1} miw={0}>
          <Routes>
            <Route index element={<Navigate to="/settings/custom-fields" replace />} />
            <Route path="custom-fields" element={<CustomFieldsSection />} />
            <Route path="tags" element={<TagsSection />} />
            <Route
              path="team"
              element={isAdmin ? <TeamSection /> : <AdminOnlyNotice title="Team" what="team members" />}
            />
            <Route
              path="api-keys"
              element={isAdmin ? <ApiKeysSection /> : <AdminOnlyNotice title="API keys" what="API keys" />}
            />
            <Route path="whatsapp" element={<WhatsAppSection />} />
            <Route path="workspace" element={<WorkspaceSection />} />
            <Route path="*" element={<Navigate to="/settings/custom-fields" replace />} />
          </Routes>
        </Box>
      </Group>
    </Stack>
  );
}
