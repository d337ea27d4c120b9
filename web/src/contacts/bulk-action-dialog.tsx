import { Alert, Button, Group, List, Modal, MultiSelect, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { Selection } from '../../../src/shared/bulk-schemas';
import { useMembers } from '../api/workspace-queries';
import { TagPicker } from '../tags/tag-picker';
import { contactCount, summarizeBulk } from './bulk-summary';
import { useBulkAction } from './use-bulk-action';

/** The bulk actions the list offers. */
export type BulkKind = 'add_tags' | 'remove_tags' | 'assign' | 'delete';

/** Props of the bulk action dialog. */
export interface BulkActionDialogProps {
  kind: BulkKind;
  selection: Selection;
  count: number;
  /** Names of the selected contacts known to the list, to name the ones that failed. */
  nameOf(id: string): string | undefined;
  onClose(): void;
  /** Called once the action ended (even partly): the list refreshes and the selection clears. */
  onFinished(): void;
}

const TITLES: Record<BulkKind, string> = {
  add_tags: 'Add tags',
  remove_tags: 'Remove tags',
  assign: 'Assign contacts',
  delete: 'Delete contacts',
};
const SHOWN_FAILURES = 20;

/** Asks for the tags or members (or confirms a delete), runs the action with a progress bar, then reports per contact. */
export function BulkActionDialog({
  kind,
  selection,
  count,
  nameOf,
  onClose,
  onFinished,
}: BulkActionDialogProps) {
  const [tags, setTags] = useState<string[]>([]);
  const [assignees, setAssignees] = useState<string[]>([]);
  const members = useMembers();
  const { run, start, undo, cancel } = useBulkAction();
  const [undone, setUndone] = useState(false);
  const reported = useRef(false);
  const who = contactCount(count);

  useEffect(() => {
    if ((run.phase === 'finished' || run.phase === 'failed') && !reported.current) {
      reported.current = true;
      onFinished();
    }
  }, [run.phase, onFinished]);

  const undoAction = (bulkActionId: string) => {
    setUndone(true);
    reported.current = false;
    void undo(bulkActionId);
  };

  const submit = () => {
    if (kind === 'delete') void start({ selection, action: 'delete' });
    else if (kind === 'assign') {
      if (assignees.length > 0) void start({ selection, action: 'assign', assigneeIds: assignees });
    } else if (tags.length > 0) void start({ selection, action: kind, tags });
  };

  const running = run.phase === 'running';
  return (
    <Modal
      opened
      onClose={onClose}
      title={TITLES[kind]}
      closeOnClickOutside={!running}
      closeOnEscape={!running}
      withCloseButton={!running}
    >
      {run.phase === 'idle' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack>
            {kind === 'delete' ? (
              <Text>Delete {who}? Their notes, tags and history go with them. This cannot be undone.</Text>
            ) : kind === 'assign' ? (
              <MultiSelect
                label={`Assign ${who} to`}
                description="With several members, the contacts are shared out in turns"
                data={(members.data ?? [])
                  .filter((member) => !member.disabled)
                  .map((member) => ({ value: member.id, label: member.name }))}
                value={assignees}
                onChange={setAssignees}
                searchable
                autoFocus
              />
            ) : (
              <TagPicker
                label={kind === 'add_tags' ? `Tags to add to ${who}` : `Tags to remove from ${who}`}
                description={
                  kind === 'add_tags'
                    ? 'Type to search, or type a new name and press Enter to create it'
                    : undefined
                }
                value={tags}
                onChange={setTags}
                autoFocus
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button
                type="submit"
                color={kind === 'delete' ? 'red' : undefined}
                disabled={kind === 'assign' ? assignees.length === 0 : kind !== 'delete' && tags.length === 0}
                data-autofocus={kind === 'delete' ? true : undefined}
              >
                {kind === 'delete' ? `Delete ${who}` : kind === 'assign' ? 'Assign' : TITLES[kind]}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {run.phase === 'running' && (
        <Stack>
          <Text size="sm" role="status">
            {run.total
              ? `Working… ${run.done.toLocaleString()} of ${run.total.toLocaleString()}`
              : `Working on ${who}…`}
          </Text>
          <Progress
            aria-label="Progress"
            value={run.total ? (100 * run.done) / run.total : 100}
            animated={!run.total}
            striped={!run.total}
          />
          {run.jobId && (
            <Group justify="flex-end">
              <Button variant="default" size="xs" onClick={() => run.jobId && void cancel(run.jobId)}>
                Stop
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {run.phase === 'finished' && (
        <BulkResultView
          summary={summarizeBulk(run.result, nameOf)}
          onClose={onClose}
          onUndo={
            kind !== 'delete' && !undone && run.result.counts.ok > 0
              ? () => undoAction(run.result.bulkActionId)
              : undefined
          }
        />
      )}
      {run.phase === 'failed' && (
        <Stack>
          <Alert color="red" title="The action did not finish" role="alert">
            {run.message}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>Close</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function BulkResultView({
  summary,
  onClose,
  onUndo,
}: {
  summary: ReturnType<typeof summarizeBulk>;
  onClose(): void;
  /** Offered after a tag action that changed someone; absent after a delete or an undo. */
  onUndo?: (() => void) | undefined;
}) {
  return (
    <Stack>
      <Text fw={600} role="status" c={summary.failed ? 'red.8' : 'teal.9'}>
        {summary.headline}
      </Text>
      {summary.failures.length > 0 && (
        <List size="sm" spacing={4} aria-label="Contacts that failed">
          {summary.failures.slice(0, SHOWN_FAILURES).map((failure) => (
            <List.Item key={failure.id}>
              {failure.name}: {failure.error}
            </List.Item>
          ))}
          {summary.failures.length > SHOWN_FAILURES && (
            <List.Item>and {(summary.failures.length - SHOWN_FAILURES).toLocaleString()} more</List.Item>
          )}
        </List>
      )}
      <Group justify="flex-end">
        {onUndo && (
          <Button variant="default" onClick={onUndo}>
            Undo
          </Button>
        )}
        <Button onClick={onClose} data-autofocus>
          Done
        </Button>
      </Group>
    </Stack>
  );
}
