import { Textarea } from '@mantine/core';
import type { KeyboardEvent } from 'react';

/** Props of the text composer. */
export interface TextComposerProps {
  value: string;
  onChange(text: string): void;
  /** Called on Enter or Ctrl+Enter (⌘+Enter). */
  onSubmit(): void;
  disabled?: boolean;
  /** Marks the box after a failed send (the reason is shown beside it). */
  invalid?: boolean;
  label?: string;
  autoFocus?: boolean;
}

/** True when a key press in the composer means "send": Enter or Ctrl/⌘+Enter, not Shift+Enter nor while composing. */
export function isSendKey(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'nativeEvent'>): boolean {
  return (
    event.key === 'Enter' && !event.shiftKey && !(event.nativeEvent as { isComposing?: boolean }).isComposing
  );
}

/** A message text box: Enter sends, Shift+Enter starts a new line, Ctrl+Enter also sends. */
export function TextComposer({
  value,
  onChange,
  onSubmit,
  disabled,
  invalid,
  label = 'Message',
  autoFocus,
}: TextComposerProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!isSendKey(event)) return;
    event.preventDefault();
    onSubmit();
  };
  return (
    <Textarea
      label={label}
      description="Enter sends · Shift+Enter for a new line"
      placeholder="Write a message"
      autosize
      minRows={2}
      maxRows={8}
      maxLength={4096}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      onKeyDown={onKeyDown}
      readOnly={disabled}
      error={invalid}
      autoFocus={autoFocus}
      inputWrapperOrder={['label', 'input', 'description']}
    />
  );
}
