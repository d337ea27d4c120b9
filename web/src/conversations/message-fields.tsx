import { Alert, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Template } from '../api/types';
import { messageOf } from '../api/api-error';
import { TemplatePicker } from './template-picker';
import { TextComposer } from './text-composer';
import type { MessageDraft } from './use-message-draft';

/** Props of the message fields. */
export interface MessageFieldsProps {
  draft: MessageDraft;
  /** Inside the 24-hour window a free text may be sent; outside it only a template. */
  windowOpen: boolean;
  templates: { data?: Template[]; isPending: boolean; error: unknown };
  /** Enter in the text box. */
  onSubmit(): void;
  disabled?: boolean;
  /** Why the last send failed, shown under the text or the template. */
  error?: ReactNode;
  autoFocus?: boolean;
}

/** The templates, or why there are none to choose from. */
function TemplateChoice({
  draft,
  templates,
  disabled,
}: Pick<MessageFieldsProps, 'draft' | 'templates' | 'disabled'>) {
  if (templates.isPending && !templates.error) return <Skeleton h={56} aria-label="Loading templates" />;
  if (templates.error)
    return (
      <Alert color="red" role="alert" title="The templates could not be loaded">
        {messageOf(templates.error)}
      </Alert>
    );
  if (!templates.data?.length)
    return (
      <Text size="sm" c="dimmed">
        This number has no approved templates yet. Create one in WhatsApp Manager; Meta reviews it before it
        can be sent.
      </Text>
    );
  return (
    <TemplatePicker
      templates={templates.data}
      draft={draft.template}
      onChange={draft.setTemplate}
      disabled={disabled}
    />
  );
}

/** A free text (window open) or an approved template with its values, with the reason the last send failed. */
export function MessageFields({
  draft,
  windowOpen,
  templates,
  onSubmit,
  disabled,
  error,
  autoFocus,
}: MessageFieldsProps) {
  const mode = windowOpen ? draft.mode : 'template';
  return (
    <Stack gap="xs">
      {windowOpen && (
        <SegmentedControl
          aria-label="Message kind"
          size="xs"
          data={[
            { value: 'text', label: 'Text' },
            { value: 'template', label: 'Template' },
          ]}
          value={draft.mode}
          onChange={(value) => draft.setMode(value === 'template' ? 'template' : 'text')}
          disabled={disabled}
        />
      )}
      {mode === 'text' ? (
        <TextComposer
          value={draft.text}
          onChange={draft.setText}
          onSubmit={onSubmit}
          disabled={disabled}
          invalid={Boolean(error)}
          autoFocus={autoFocus}
        />
      ) : (
        <TemplateChoice draft={draft} templates={templates} disabled={disabled} />
      )}
      {error && (
        <Alert color="red" role="alert" p="xs" title="Not sent">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
