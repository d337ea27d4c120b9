import { createHmac } from 'node:crypto';

/** How long a webhook call may take before it counts as failed. */
const TIMEOUT_MS = 5_000;

/** The signature header value: `sha256=` and the hex HMAC-SHA256 of `<timestamp>.<body>` under the secret. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * POSTs a JSON payload signed with the secret (headers `X-Rolo-Timestamp` and `X-Rolo-Signature`); throws with a
 * short reason unless the receiver answers 2xx within five seconds.
 */
export async function postSignedWebhook(url: string, secret: string, payload: unknown): Promise<void> {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Rolo-Automation/1',
        'x-rolo-timestamp': timestamp,
        'x-rolo-signature': webhookSignature(secret, timestamp, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new Error(
      timedOut ? `webhook timed out after ${TIMEOUT_MS / 1000} s` : 'webhook could not be reached',
    );
  }
  await response.body?.cancel();
  if (!response.ok) throw new Error(`webhook answered ${response.status}`);
}
