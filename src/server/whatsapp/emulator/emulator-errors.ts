import { randomBytes } from 'node:crypto';

/** An error the emulator answers with: the HTTP status and the Graph API error body. */
export interface EmulatedError {
  status: number;
  body: {
    error: {
      message: string;
      type: string;
      code: number;
      error_data?: { messaging_product: 'whatsapp'; details: string };
      fbtrace_id: string;
    };
  };
}

/** The title the Cloud API gives each error code, and the details it usually adds. */
const ERRORS: Record<number, { title: string; details: string }> = {
  0: { title: 'AuthException', details: 'Unable to authenticate the app user.' },
  190: { title: 'Invalid OAuth access token', details: 'Cannot parse access token' },
  100: { title: 'Invalid parameter', details: 'A parameter is missing or invalid.' },
  130429: { title: 'Rate limit hit', details: 'Cloud API message throughput has been reached.' },
  131008: { title: 'Required parameter is missing', details: 'A required parameter is missing.' },
  131009: { title: 'Parameter value is not valid', details: 'A parameter value is not valid.' },
  131026: { title: 'Message undeliverable', details: 'Message Undeliverable.' },
  131047: {
    title: 'Re-engagement message',
    details:
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  },
  131049: {
    title: 'This message was not delivered to maintain healthy ecosystem engagement.',
    details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
  },
  131050: {
    title: 'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages.',
    details: 'The user has stopped marketing messages from this business.',
  },
  131056: {
    title: '(Business Account, Consumer Account) pair rate limit hit',
    details:
      'Too many messages sent from this phone number to the same phone number in a short period of time.',
  },
  132000: {
    title: 'Number of parameters does not match the expected number of params',
    details: 'The number of parameters does not match the number of placeholders in the template.',
  },
  132001: {
    title: 'Template name does not exist in the translation',
    details: 'The template does not exist in this language or has not been approved.',
  },
  132005: { title: 'Translated text too long', details: 'The translated text is too long.' },
  132007: { title: 'Template Format Character Policy Violated', details: 'The template violates a policy.' },
  132012: { title: 'Template Parameter Format Mismatch', details: 'A parameter has the wrong format.' },
  132015: { title: 'Template is Paused', details: 'The template is paused due to low quality.' },
  132016: { title: 'Template is Disabled', details: 'The template is disabled due to low quality.' },
  132018: {
    title: "There's an issue with the parameters in your template.",
    details: 'A template parameter is invalid.',
  },
};

/** The title of an error code, as the Cloud API and its webhooks word it. */
export function errorTitle(code: number): string {
  return ERRORS[code]?.title ?? 'Emulated error';
}

/** The usual details of an error code. */
export function errorDetails(code: number): string {
  return ERRORS[code]?.details ?? `The emulator was told to fail with error ${code}.`;
}

/** The Graph API error answer for `code`: HTTP 401 for authentication codes (0, 190), 400 otherwise. */
export function emulatedError(code: number, details = errorDetails(code)): EmulatedError {
  const fbtrace_id = randomBytes(16).toString('base64url').slice(0, 23);
  if (code === 190) {
    return {
      status: 401,
      body: {
        error: { message: `${errorTitle(code)} - ${details}`, type: 'OAuthException', code, fbtrace_id },
      },
    };
  }
  return {
    status: code === 0 ? 401 : 400,
    body: {
      error: {
        message: `(#${code}) ${errorTitle(code)}`,
        type: 'OAuthException',
        code,
        error_data: { messaging_product: 'whatsapp', details },
        fbtrace_id,
      },
    },
  };
}
