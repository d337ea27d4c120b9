import type { Template } from '../api/types';
import { missingParameterCount } from './template-fill';

/** What POST /contacts/:id/messages and POST /conversations take as the message: a text or a filled template. */
export type OutgoingMessage =
  { text: string } | { template: { name: string; language: string; parameters: string[] } };

/** A template chosen in the picker with the values typed for its parameters. */
export interface TemplateDraft {
  /** `name|language` of the chosen template, or null. */
  key: string | null;
  parameters: string[];
}

/** No template chosen yet. */
export const EMPTY_TEMPLATE_DRAFT: TemplateDraft = { key: null, parameters: [] };

/** The key a template is chosen by (names repeat across languages). */
export function templateKey(template: Pick<Template, 'name' | 'language'>): string {
  return `${template.name}|${template.language}`;
}

/** A text ready to send, or null when there is nothing but spaces. */
export function textMessage(text: string): OutgoingMessage | null {
  return text.trim() ? { text: text.trim() } : null;
}

/** The chosen template with its values, or null while none is chosen or a value is missing. */
export function templateMessage(
  template: Template | undefined,
  draft: TemplateDraft,
): OutgoingMessage | null {
  if (!template || missingParameterCount(template.parameterCount, draft.parameters) > 0) return null;
  return {
    template: {
      name: template.name,
      language: template.language,
      parameters: draft.parameters.slice(0, template.parameterCount).map((value) => value.trim()),
    },
  };
}
