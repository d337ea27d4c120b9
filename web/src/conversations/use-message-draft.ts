import { useState } from 'react';
import type { Template } from '../api/types';
import {
  EMPTY_TEMPLATE_DRAFT,
  templateKey,
  templateMessage,
  textMessage,
  type OutgoingMessage,
  type TemplateDraft,
} from './outgoing-message';

/** Whether the agent writes a free text or fills a template. */
export type DraftMode = 'text' | 'template';

/** The message being written: both the text and the template are kept, so switching loses nothing. */
export interface MessageDraft {
  mode: DraftMode;
  setMode(mode: DraftMode): void;
  text: string;
  setText(text: string): void;
  template: TemplateDraft;
  setTemplate(draft: TemplateDraft): void;
  /** Empties what was sent (the text or the template's values). */
  clear(): void;
  /** The message to send as things stand, or null when it is incomplete. */
  outgoing(windowOpen: boolean, templates: Template[] | undefined): OutgoingMessage | null;
}

/** Keeps a message draft; the text stays until it was sent, whatever fails. */
export function useMessageDraft(initialMode: DraftMode = 'text'): MessageDraft {
  const [mode, setMode] = useState<DraftMode>(initialMode);
  const [text, setText] = useState('');
  const [template, setTemplate] = useState<TemplateDraft>(EMPTY_TEMPLATE_DRAFT);
  return {
    mode,
    setMode,
    text,
    setText,
    template,
    setTemplate,
    clear: () => {
      if (mode === 'text') setText('');
      else setTemplate({ key: template.key, parameters: [] });
    },
    outgoing: (windowOpen, templates) =>
      mode === 'text' && windowOpen
        ? textMessage(text)
        : templateMessage(
            templates?.find((candidate) => templateKey(candidate) === template.key),
            template,
          ),
  };
}
