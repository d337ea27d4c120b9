import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import type { ProfileForm } from './use-profile-form';

/** Messages about the last save: a conflict with Reload, problems not tied to a field, edits replaced on reload. */
export function SaveAlerts({ form }: { form: ProfileForm }) {
  return (
    <>
      {form.conflict && (
        <Alert color="orange" title="Someone else changed this contact" role="alert">
          <Stack gap="xs">
            <Text size="sm">
              Another agent saved this contact while you were editing, so your changes were not saved. Reload
              to get their version: your edits to fields they did not touch are kept, and nothing is
              overwritten without you seeing it.
            </Text>
            <Group>
              <Button size="xs" color="orange" onClick={() => void form.reload()} loading={form.reloading}>
                Reload
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {form.generalProblems.length > 0 && (
        <Alert color="red" title="The contact was not saved" role="alert">
          {form.generalProblems.length === 1 ? (
            <Text size="sm">{form.generalProblems[0]}</Text>
          ) : (
            <List size="sm">
              {form.generalProblems.map((problem) => (
                <List.Item key={problem}>{problem}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      {form.replacedLabels.length > 0 && (
        <Alert
          color="yellow"
          title="Loaded the latest version"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={form.dismissReplaced}
        >
          <Text size="sm">
            Someone else also changed {form.replacedLabels.join(', ')}: their value is shown there now.
            {form.keptCount > 0 ? ' Your other edits are kept: review them and save.' : ''}
          </Text>
        </Alert>
      )}
    </>
  );
}
