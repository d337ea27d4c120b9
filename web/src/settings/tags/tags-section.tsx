import { Alert, Button, EmptyState, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Tag } from '../../api/types';
import { useTags } from '../../api/workspace-queries';
import { useSession } from '../../auth/session-context';
import { ErrorPanel } from '../../ui/error-panel';
import { PageLoader } from '../../ui/page-loader';
import { plural } from '../shared/plural';
import { ResultNotice, type ResultMessage } from '../shared/result-notice';
import { SectionHeader } from '../section-header';
import { DeleteTagDialog } from './delete-tag-dialog';
import { categoriesOf, groupTagsByCategory } from './group-tags';
import { MergeTagDialog } from './merge-tag-dialog';
import { RecommendedTagsButton } from './recommended-tags-button';
import { TagDialog } from './tag-dialog';
import { TagTable } from './tag-table';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; tag: Tag }
  | { kind: 'merge'; tag: Tag }
  | { kind: 'delete'; tag: Tag };

/** Settings › Tags: grouped by category; create, edit, merge, delete, and the recommended system. */
export function TagsSection() {
  const { isAdmin } = useSession();
  const tags = useTags();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [result, setResult] = useState<ResultMessage | null>(null);
  const [filter, setFilter] = useState('');
  const list = tags.data ?? [];
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? list.filter((tag) => `${tag.name} ${tag.category ?? ''}`.toLowerCase().includes(needle))
    : list;
  const close = () => setDialog(null);

  return (
    <Stack>
      <SectionHeader
        title="Tags"
        description="Labels for contacts, grouped by category. Merge near-duplicates such as “Vip customer” into “VIP” to keep the list clean."
        actions={
          <>
            {isAdmin && <RecommendedTagsButton tags={list} onResult={setResult} />}
            <Button onClick={() => setDialog({ kind: 'create' })}>New tag</Button>
          </>
        }
      />
      <ResultNotice result={result} onClose={() => setResult(null)} />
      {!isAdmin && (
        <Alert color="blue" role="status">
          You can create and edit tags. Merging and deleting tags is for admins.
        </Alert>
      )}
      {tags.isPending ? (
        <PageLoader label="Loading tags" />
      ) : tags.isError ? (
        <ErrorPanel error={tags.error} onRetry={() => void tags.refetch()} />
      ) : list.length === 0 ? (
        <Paper withBorder p="xl">
          <EmptyState
            title="No tags yet"
            description={
              isAdmin
                ? 'Create one with New tag, or start from a proven system (Customer Tier, Status, Industry, Region…) with Apply recommended tags.'
                : 'Create one with New tag, or tag a contact by typing a new name.'
            }
          />
        </Paper>
      ) : (
        <Paper withBorder>
          <TextInput
            aria-label="Filter tags"
            placeholder="Filter by name or category"
            value={filter}
            onChange={(event) => setFilter(event.currentTarget.value)}
            p="sm"
            maw={360}
          />
          {shown.length === 0 ? (
            <Text size="sm" c="dimmed" px="md" pb="md">
              No tag matches “{filter}”.
            </Text>
          ) : (
            <TagTable
              groups={groupTagsByCategory(shown)}
              isAdmin={isAdmin}
              onEdit={(tag) => setDialog({ kind: 'edit', tag })}
              onMerge={(tag) => setDialog({ kind: 'merge', tag })}
              onDelete={(tag) => setDialog({ kind: 'delete', tag })}
            />
          )}
          <Text size="xs" c="dimmed" px="md" py="xs">
            {plural(list.length, 'tag')} in {plural(categoriesOf(list).length, 'category', 'categories')}
          </Text>
        </Paper>
      )}
      {dialog?.kind === 'create' && <TagDialog categories={categoriesOf(list)} onClose={close} />}
      {dialog?.kind === 'edit' && (
        <TagDialog tag={dialog.tag} categories={categoriesOf(list)} onClose={close} />
      )}
      {dialog?.kind === 'merge' && <MergeTagDialog source={dialog.tag} tags={list} onClose={close} />}
      {dialog?.kind === 'delete' && <DeleteTagDialog tag={dialog.tag} onClose={close} />}
    </Stack>
  );
}
