import type { z } from 'zod';
import { GraphApiError, GraphTransportError } from './graph-api-error.js';
import type { GraphRetry } from './graph-errors.js';
import {
  graphErrorSchema,
  mediaResponseSchema,
  sendResponseSchema,
  templatePageSchema,
} from './graph-responses.js';
import { SendPacer } from './send-pacer.js';
import { countTemplatePlaceholders } from './template-placeholders.js';

/** Where the Cloud API is, the channel's credentials, and how hard to push. */
export interface GraphClientOptions {
  /** e.g. `https://graph.facebook.com`, or the emulator's URL. */
  graphUrl: string;
  /** e.g. `v23.0`. */
  version: string;
  accessToken: string;
  phoneNumberId: string;
  /** The WhatsApp Business Account id; needed only by `listTemplates`. */
  wabaId?: string;
  fetch?: typeof fetch;
  /** Retries after the first attempt for throughput limits, HTTP 5xx and network errors (default 4). */
  maxRetries?: number;
  /** The first back-off delay, doubled on each retry, plus jitter (default 500). */
  retryBaseMs?: number;
  /** Sends per second from this phone number (default 80, the platform's default throughput). */
  messagesPerSecond?: number;
  /** Minimum milliseconds between two sends to the same recipient (default 0: off). */
  recipientGapMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** A message the Cloud API accepted. */
export interface SentMessage {
  messageId: string;
  /** The recipient's WhatsApp id (their number without `+`), when the API returned it. */
  waId: string | null;
}

/** A template message to send: its name, language code and the values of its body placeholders. */
export interface TemplateMessage {
  name: string;
  language: string;
  bodyParameters: string[];
}

/** A message template of the business account. */
export interface GraphTemplate {
  name: string;
  language: string;
  category: string;
  status: string;
  body: string;
  /** Distinct `{{n}}` placeholders in the body. */
  parameterCount: number;
}

/** Where a media file can be downloaded from, and what it is. */
export interface MediaMetadata {
  url: string;
  mimeType: string;
  sha256: string;
  fileSize: number;
}

type TemplatePage = z.infer<typeof templatePageSchema>;

type Attempt = { ok: true; payload: unknown } | { ok: false; error: GraphApiError | GraphTransportError };

const REQUEST_TIMEOUT_MS = 30_000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Calls the WhatsApp Cloud API for one phone number: paced sends, retries where they help, typed errors. */
export class GraphClient {
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxRetries: number;
  private readonly retryBaseMs: number;
  private readonly pacer: SendPacer;
  private readonly baseUrl: string;

  constructor(private readonly options: GraphClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.sleep = options.sleep ?? defaultSleep;
    this.maxRetries = options.maxRetries ?? 4;
    this.retryBaseMs = options.retryBaseMs ?? 500;
    this.baseUrl = `${options.graphUrl.replace(/\/+$/, '')}/${encodeURIComponent(options.version)}`;
    this.pacer = new SendPacer({
      messagesPerSecond: options.messagesPerSecond ?? 80,
      recipientGapMs: options.recipientGapMs ?? 0,
      sleep: async (ms) => {
        if (ms > 0) await this.sleep(ms);
      },
    });
  }

  /** Sends a free-form text (only inside the customer's 24-hour window); `replyTo` quotes that message. */
  async sendText(to: string, body: string, replyTo?: string): Promise<SentMessage> {
    return this.send(to, {
      recipient_type: 'individual',
      to,
      type: 'text',
      text: { preview_url: false, body },
      ...(replyTo ? { context: { message_id: replyTo } } : {}),
    });
  }

  /** Sends an approved template, filling its body placeholders in order. */
  async sendTemplate(to: string, template: TemplateMessage): Promise<SentMessage> {
    const parameters = template.bodyParameters.map((text) => ({ type: 'text', text }));
    return this.send(to, {
      recipient_type: 'individual',
      to,
      type: 'template',
      template: {
        name: template.name,
        language: { code: template.language },
        ...(parameters.length ? { components: [{ type: 'body', parameters }] } : {}),
      },
    });
  }

  /** Marks a received message as read (the customer sees blue ticks). */
  async markRead(messageId: string): Promise<void> {
    await this.call('POST', this.messagesUrl(), {
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: messageId,
    });
  }

  /** Every template of the business account, following the pages. */
  async listTemplates(): Promise<GraphTemplate[]> {
    const { wabaId } = this.options;
    if (!wabaId)
      throw new Error(
        'Listing templates needs the WhatsApp Business Account id: set wabaId on the GraphClient',
      );
    const templates: GraphTemplate[] = [];
    let url: string | undefined = `${this.baseUrl}/${encodeURIComponent(wabaId)}/message_templates`;
    while (url) {
      const page: TemplatePage = parseAnswer(templatePageSchema, await this.call('GET', url), url);
      for (const template of page.data) {
        const body =
          template.components.find((component) => component.type.toUpperCase() === 'BODY')?.text ?? '';
        templates.push({
          name: template.name,
          language: template.language,
          category: template.category,
          status: template.status,
          body,
          parameterCount: countTemplatePlaceholders(body),
        });
      }
      const next: string | undefined = page.paging?.next;
      url = next && next !== url ? next : undefined;
    }
    return templates;
  }

  /** Where to download a media file received in a message, and its type, hash and size. */
  async mediaMetadata(mediaId: string): Promise<MediaMetadata> {
    const url = `${this.baseUrl}/${encodeURIComponent(mediaId)}`;
    const media = parseAnswer(mediaResponseSchema, await this.call('GET', url), url);
    return { url: media.url, mimeType: media.mime_type, sha256: media.sha256, fileSize: media.file_size };
  }

  private async send(to: string, message: Record<string, unknown>): Promise<SentMessage> {
    const url = this.messagesUrl();
    const answer = await this.call(
      'POST',
      url,
      { messaging_product: 'whatsapp', ...message },
      recipientKey(to),
    );
    const sent = parseAnswer(sendResponseSchema, answer, url);
    return { messageId: sent.messages[0]!.id, waId: sent.contacts?.[0]?.wa_id ?? null };
  }

  private messagesUrl(): string {
    return `${this.baseUrl}/${encodeURIComponent(this.options.phoneNumberId)}/messages`;
  }

  /** Makes the request, retrying as the error advises; sends to a `recipient` go through the pacer first. */
  private async call(
    method: 'GET' | 'POST',
    url: string,
    body?: object,
    recipient?: string,
  ): Promise<unknown> {
    for (let attempt = 0; ; attempt += 1) {
      if (recipient !== undefined) await this.pacer.acquire(recipient);
      const result = await this.attempt(method, url, body);
      if (result.ok) return result.payload;
      const retry = retryAdvice(result.error);
      if (retry === 'never' || attempt >= this.maxRetries) throw result.error;
      const delay = this.backoffMs(attempt);
      if (retry === 'recipient-backoff' && recipient !== undefined)
        this.pacer.holdRecipient(recipient, delay);
      else await this.sleep(delay);
    }
  }

  private async attempt(method: 'GET' | 'POST', url: string, body?: object): Promise<Attempt> {
    let status: number;
    let text: string;
    try {
      const response = await this.fetch(url, {
        method,
        headers: {
          Authorization: `Bearer ${this.options.accessToken}`,
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      status = response.status;
      text = await response.text();
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      const error = new GraphTransportError(
        `Could not reach the WhatsApp Cloud API at ${url}: ${reason}`,
        null,
        {
          cause,
        },
      );
      return { ok: false, error };
    }
    const payload = parseJson(text);
    if (status >= 200 && status < 300 && payload !== undefined) return { ok: true, payload };
    const graphError = graphErrorSchema.safeParse(payload);
    if (graphError.success) {
      const { code, message, error_data } = graphError.data.error;
      return { ok: false, error: new GraphApiError(code, status, error_data?.details ?? null, message) };
    }
    const excerpt = text.length > 200 ? `${text.slice(0, 200)}…` : text;
    const error = new GraphTransportError(
      `The WhatsApp Cloud API answered ${method} ${url} with HTTP ${status} and no Graph API response: ${excerpt || '(empty body)'}`,
      status,
    );
    return { ok: false, error };
  }

  /** Exponential back-off with jitter: between half and all of `retryBaseMs * 2^attempt`. */
  private backoffMs(attempt: number): number {
    const ceiling = this.retryBaseMs * 2 ** attempt;
    return ceiling / 2 + (Math.random() * ceiling) / 2;
  }
}

/** Server trouble and lost connections are worth retrying; API errors say for themselves. */
function retryAdvice(error: GraphApiError | GraphTransportError): GraphRetry {
  if (error.status === null || error.status >= 500) return 'backoff';
  return error instanceof GraphApiError ? error.described.retry : 'never';
}

function recipientKey(to: string): string {
  return to.replace(/\D/g, '');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function parseAnswer<T extends z.ZodType>(schema: T, payload: unknown, url: string): z.infer<T> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
  throw new GraphTransportError(
    `Unexpected answer from the WhatsApp Cloud API at ${url}: ${problems.join('; ')}`,
    200,
  );
}
