import { Alert, Button, EmptyState, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { CustomField } from '../../api/types';
import { useCustomFields } from '../../api/workspace-queries';
import { useSession } from '../../auth/session-context';
import { ErrorPanel } from '../../ui/error-panel';
import { PageLoader } from '../../ui/page-loader';
import { ResultNotice, type ResultMessage } from '../shared/result-notice';
import { SectionHeader } from '../section-header';
import { CustomFieldDialog } from './custom-field-dialog';
import { CustomFieldTable } from './custom-field-table';
import { DeleteFieldDialog } from './delete-field-dialog';
import { FieldPresetsMenu } from './field-presets-menu';

type Dialog =
  { kind: 'create' } | { kind: 'edit'; field: CustomField } | { kind: 'delete'; field: CustomField };

/** Settings › Custom fields: the ordered list, create, edit, reorder, delete and presets (admins change them). */
export function CustomFieldsSection() {
  const { isAdmin } = useSession();
  const fields = useCustomFields();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [result, setResult] = useState<ResultMessage | null>(null);
  const list = fields.data ?? [];
  const groups = [...new Set(list.map((f) => f.group).filter((g): g is string => Boolean(g)))];
  const close = () => setDialog(null);

  return (
    <Stack>
      <SectionHeader
        title="Custom fields"
        description="Fields every contact can hold beyond the standard profile, grouped on the profile as defined here. Drag a row to change the order."
        actions={
          isAdmin && (
            <>
              <FieldPresetsMenu fields={list} onResult={setResult} />
              <Button onClick={() => setDialog({ kind: 'create' })}>New field</Button>
            </>
          )
        }
      />
      <ResultNotice result={result} onClose={() => setResult(null)} />
      {!isAdmin && (
        <Alert color="blue" role="status">
          Only admins can create, change, reorder or delete custom fields. You can fill them in on any
          contact.
        </Alert>
      )}
      {fields.isPending ? (
        <PageLoader label="Loading custom fields" />
      ) : fields.isError ? (
        <ErrorPanel error={fields.error} onRetry={() => void fields.refetch()} />
      ) : list.length === 0 ? (
        <Paper withBorder p="xl">
          <EmptyState
            title="No custom fields yet"
            description={
              isAdmin
                ? 'Create a field such as Plan or Lifetime value with New field, or add a ready-made group for your kind of business with Add preset group.'
                : 'An admin can add fields such as Plan or Lifetime value.'
            }
          />
        </Paper>
      ) : (
        <Paper withBorder>
          <CustomFieldTable
            fields={list}
            canEdit={isAdmin}
            onEdit={(field) => setDialog({ kind: 'edit', field })}
            onDelete={(field) => setDialog({ kind: 'delete', field })}
          />
          <Text size="xs" c="dimmed" px="md" py="xs">
            {list.length} {list.length === 1 ? 'field' : 'fields'}
          </Text>
        </Paper>
      )}
      {dialog?.kind === 'create' && <CustomFieldDialog groups={groups} onClose={close} />}
      {dialog?.kind === 'edit' && <CustomFieldDialog field={dialog.field} groups={groups} onClose={close} />}
      {dialog?.kind === 'delete' && <DeleteFieldDialog field={dialog.field} onClose={close} />}
    </Stack>
  );
}
