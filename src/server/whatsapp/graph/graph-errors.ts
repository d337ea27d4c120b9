/** What a caller should do about a failed call: wait and retry, wait for that recipient, or give up. */
export type GraphRetry = 'backoff' | 'recipient-backoff' | 'never';

/** The family a WhatsApp Cloud API error code belongs to. */
export type GraphErrorKind =
  | 'window'
  | 'undeliverable'
  | 'throughput'
  | 'recipient-pace'
  | 'marketing-limit'
  | 'opted-out'
  | 'template'
  | 'parameter'
  | 'auth'
  | 'unknown';

/** A Cloud API error code explained for an agent, with whether retrying can help. */
export interface DescribedGraphError {
  code: number;
  message: string;
  retry: GraphRetry;
  kind: GraphErrorKind;
}

type Explanation = Omit<DescribedGraphError, 'code'>;

const never = (kind: GraphErrorKind, message: string): Explanation => ({ kind, message, retry: 'never' });

const EXPLANATIONS: Record<number, Explanation> = {
  131047: never(
    'window',
    'More than 24 hours have passed since this customer last wrote, so only an approved template can be sent until they write again.',
  ),
  131026: never(
    'undeliverable',
    'The message could not be delivered: the number may not be on WhatsApp, use an old WhatsApp version, or not have accepted the latest terms.',
  ),
  130429: {
    kind: 'throughput',
    retry: 'backoff',
    message:
      'Too many messages are being sent from this number right now; the message will be retried shortly.',
  },
  131056: {
    kind: 'recipient-pace',
    retry: 'recipient-backoff',
    message:
      'Too many messages were sent to this customer in a short time; wait a few seconds before the next one.',
  },
  131049: never(
    'marketing-limit',
    'WhatsApp held this marketing message back to protect the customer from receiving too many; do not resend it soon.',
  ),
  131050: never('opted-out', 'This customer has stopped marketing messages from this business on WhatsApp.'),
  132000: never(
    'template',
    'The number of values given does not match the number of placeholders in the template body.',
  ),
  132001: never('template', 'The template does not exist in this language or is not approved yet.'),
  132005: never('template', 'The template text is too long once its placeholders are filled in.'),
  132007: never('template', 'The filled-in template breaks the WhatsApp content policy.'),
  132012: never(
    'template',
    'A template value has the wrong format for its placeholder (for example text where a currency or date was expected).',
  ),
  132015: never('template', 'The template is paused because of low quality; edit it or use another one.'),
  132016: never('template', 'The template has been disabled because of low quality and cannot be used.'),
  132018: never(
    'template',
    'One of the template values is invalid (for example empty, or with new lines or tabs).',
  ),
  131008: never('parameter', 'A required field is missing from the request.'),
  131009: never('parameter', 'A field of the request has a value WhatsApp does not accept.'),
  100: never('parameter', 'The request has a missing or invalid field.'),
  0: never('auth', 'WhatsApp could not authenticate this business; reconnect the WhatsApp channel.'),
  190: never('auth', 'The WhatsApp access token has expired or is invalid; reconnect the WhatsApp channel.'),
};

/** Explains a Cloud API error code; unknown codes get a generic sentence that includes the API's own message. */
export function describeGraphError(code: number, apiMessage?: string): DescribedGraphError {
  const known = EXPLANATIONS[code];
  if (known) return { code, ...known };
  const said = apiMessage?.trim() ? `: ${apiMessage.trim().replace(/\.+$/, '')}` : '';
  return {
    code,
    kind: 'unknown',
    retry: 'never',
    message: `WhatsApp refused the request (error ${code})${said}.`,
  };
}
