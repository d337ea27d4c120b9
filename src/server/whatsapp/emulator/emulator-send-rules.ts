import type { SendRequest } from './emulator-send-validation.js';
import type { EmulatorState } from './emulator-state.js';
import { bodyParameterCount, findTemplate } from './emulator-templates.js';

/** The platform rules a well-formed send can break: the 24-hour window, and the template and its values. */
export function checkSendRules(
  request: Exclude<SendRequest, { kind: 'read' }>,
  state: EmulatorState,
): { code: number; details: string } | null {
  if (request.kind === 'text') {
    if (state.windowOpen(request.waId)) return null;
    return {
      code: 131047,
      details:
        'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    };
  }
  const template = findTemplate(request.name, request.language);
  if (!template)
    return { code: 132001, details: `template name (${request.name}) does not exist in ${request.language}` };
  const expected = bodyParameterCount(template);
  if (request.parameters.length === expected) return null;
  return {
    code: 132000,
    details: `body: number of localizable_params (${request.parameters.length}) does not match the expected number of params (${expected})`,
  };
}
