import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWhatsAppEmulator, type WhatsAppEmulator } from '../emulator/emulator-server.js';
import { GraphApiError, GraphTransportError } from './graph-api-error.js';
import { GraphClient, type GraphClientOptions } from './graph-client.js';

const credentials = {
  accessToken: 'test-token',
  appSecret: 'test-secret',
  phoneNumberId: '106540352242922',
  displayNumber: '15550783881',
  wabaId: '102290129340398',
};
const CUSTOMER = '+16505551234';

/** A fetch that goes to the network, remembering each request; `before` may answer instead. */
function recordingFetch(before?: (url: string, call: number) => Response | Error | undefined) {
  const calls: Array<{ url: string; method: string; body: any }> = [];
  const fetchThrough: typeof fetch = async (input, init) => {
    const url = String(input);
    calls.push({
      url,
      method: init?.method ?? 'GET',
      body: init?.body ? JSON.parse(String(init.body)) : null,
    });
    const early = before?.(url, calls.length);
    if (early instanceof Error) throw early;
    return early ?? fetch(input, init);
  };
  return { calls, fetch: fetchThrough };
}

describe('GraphClient against the emulator', () => {
  let emulator: WhatsAppEmulator;

  beforeEach(async () => {
    emulator = await startWhatsAppEmulator(credentials);
  });
  afterEach(() => emulator.stop());

  const client = (options: Partial<GraphClientOptions> = {}) =>
    new GraphClient({
      graphUrl: emulator.url,
      version: 'v23.0',
      accessToken: credentials.accessToken,
      phoneNumberId: credentials.phoneNumberId,
      wabaId: credentials.wabaId,
      retryBaseMs: 1,
      ...options,
    });

  it('sends a text inside the 24-hour window in the real request shape', async () => {
    await emulator.simulateInbound({ from: CUSTOMER, name: 'Sheena Nelson', text: 'Hi, I need help' });
    const recorder = recordingFetch();
    const sent = await client({ fetch: recorder.fetch }).sendText(
      CUSTOMER,
      'How can we help?',
      'wamid.QUOTED',
    );

    expect(sent.messageId).toMatch(/^wamid\./);
    expect(sent.waId).toBe('16505551234');
    expect(recorder.calls).toEqual([
      {
        url: `${emulator.url}/v23.0/${credentials.phoneNumberId}/messages`,
        method: 'POST',
        body: {
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: CUSTOMER,
          type: 'text',
          text: { preview_url: false, body: 'How can we help?' },
          context: { message_id: 'wamid.QUOTED' },
        },
      },
    ]);
    expect(emulator.state.sentMessages()).toMatchObject([
      {
        id: sent.messageId,
        to: '16505551234',
        type: 'text',
        text: 'How can we help?',
        replyTo: 'wamid.QUOTED',
      },
    ]);
  });

  it('refuses a text outside the window with 131047, explained', async () => {
    const error = await client()
      .sendText(CUSTOMER, 'Hello?')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphApiError);
    expect(error).toMatchObject({ code: 131047, status: 400, described: { kind: 'window', retry: 'never' } });
    expect((error as GraphApiError).message).toMatch(
      /more than 24 hours have passed since this customer last wrote/i,
    );
    expect((error as GraphApiError).details).toContain('24 hours');
  });

  it('sends a template outside the window', async () => {
    const recorder = recordingFetch();
    const sent = await client({ fetch: recorder.fetch }).sendTemplate('16505551234', {
      name: 'order_update',
      language: 'en_US',
      bodyParameters: ['Jane', '#1042'],
    });
    expect(sent.messageId).toMatch(/^wamid\./);
    expect(recorder.calls[0]?.body).toMatchObject({
      messaging_product: 'whatsapp',
      to: '16505551234',
      type: 'template',
      template: {
        name: 'order_update',
        language: { code: 'en_US' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Jane' },
              { type: 'text', text: '#1042' },
            ],
          },
        ],
      },
    });
  });

  it('reports a wrong number of template values (132000) and an unknown template (132001)', async () => {
    await expect(
      client().sendTemplate(CUSTOMER, { name: 'order_update', language: 'en_US', bodyParameters: ['Jane'] }),
    ).rejects.toMatchObject({ code: 132000, described: { kind: 'template' } });
    await expect(
      client().sendTemplate(CUSTOMER, { name: 'order_update', language: 'fr', bodyParameters: ['a', 'b'] }),
    ).rejects.toMatchObject({ code: 132001, message: expect.stringContaining('not approved') });
  });

  it('reports a bad token as 190 with HTTP 401', async () => {
    await expect(client({ accessToken: 'wrong' }).sendTemplate(CUSTOMER, helloWorld)).rejects.toMatchObject({
      code: 190,
      status: 401,
      described: { kind: 'auth', retry: 'never' },
    });
  });

  it('retries throughput errors (130429) with growing back-off until the send goes through', async () => {
    emulator.failNext(130429, 2);
    const sleeps: number[] = [];
    const recorder = recordingFetch();
    const sent = await client({
      fetch: recorder.fetch,
      retryBaseMs: 4,
      sleep: async (ms) => void sleeps.push(ms),
    }).sendTemplate(CUSTOMER, helloWorld);
    expect(sent.messageId).toMatch(/^wamid\./);
    expect(recorder.calls).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(2);
    expect(sleeps[0]).toBeLessThanOrEqual(4);
    expect(sleeps[1]).toBeGreaterThanOrEqual(4);
    expect(sleeps[1]).toBeLessThanOrEqual(8);
  });

  it('gives up after maxRetries', async () => {
    emulator.failNext(130429, 5);
    const recorder = recordingFetch();
    await expect(
      client({ fetch: recorder.fetch, maxRetries: 2 }).sendTemplate(CUSTOMER, helloWorld),
    ).rejects.toMatchObject({ code: 130429, described: { kind: 'throughput' } });
    expect(recorder.calls).toHaveLength(3);
  });

  it('does not retry an undeliverable message (131026)', async () => {
    emulator.failNext(131026);
    const recorder = recordingFetch();
    await expect(client({ fetch: recorder.fetch }).sendTemplate(CUSTOMER, helloWorld)).rejects.toMatchObject({
      code: 131026,
      described: { kind: 'undeliverable', retry: 'never' },
    });
    expect(recorder.calls).toHaveLength(1);
  });

  it('backs off from one recipient on 131056 and then sends', async () => {
    emulator.failNext(131056);
    const recorder = recordingFetch();
    const started = performance.now();
    await client({ fetch: recorder.fetch, retryBaseMs: 200 }).sendTemplate(CUSTOMER, helloWorld);
    expect(recorder.calls).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('retries network errors and HTTP 5xx answers', async () => {
    const recorder = recordingFetch((_url, call) => {
      if (call === 1) return new TypeError('fetch failed');
      if (call === 2) return new Response('<html>Bad gateway</html>', { status: 502 });
      return undefined;
    });
    await client({ fetch: recorder.fetch }).sendTemplate(CUSTOMER, helloWorld);
    expect(recorder.calls).toHaveLength(3);
  });

  it('says clearly when the API cannot be reached', async () => {
    const recorder = recordingFetch(() => new TypeError('fetch failed'));
    const error = await client({ fetch: recorder.fetch, maxRetries: 1 })
      .sendTemplate(CUSTOMER, helloWorld)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphTransportError);
    expect((error as Error).message).toMatch(/Could not reach the WhatsApp Cloud API at .*: fetch failed/);
    expect(recorder.calls).toHaveLength(2);
  });

  it('holds sends to messagesPerSecond', async () => {
    const paced = client({ messagesPerSecond: 10 });
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        paced.sendTemplate(`+1650555${String(i).padStart(4, '0')}`, helloWorld),
      ),
    );
    const elapsed = performance.now() - started;
    // 10 go at once, the other 15 at 10 a second: about 1.5 s.
    expect(elapsed).toBeGreaterThanOrEqual(1300);
    expect(elapsed).toBeLessThan(4000);
    expect(emulator.state.sentMessages()).toHaveLength(25);
  });

  it('spaces sends to one recipient by recipientGapMs', async () => {
    const spaced = client({ recipientGapMs: 150 });
    const started = performance.now();
    await Promise.all([1, 2, 3].map(() => spaced.sendTemplate(CUSTOMER, helloWorld)));
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('marks a message as read', async () => {
    const { messageId } = await emulator.simulateInbound({ from: CUSTOMER, text: 'Hello' });
    const recorder = recordingFetch();
    await client({ fetch: recorder.fetch }).markRead(messageId);
    expect(recorder.calls[0]?.body).toEqual({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: messageId,
    });
  });

  it('lists templates across pages with their parameter counts', async () => {
    const recorder = recordingFetch();
    const pagedFetch: typeof fetch = (input, init) => {
      const url = String(input);
      return recorder.fetch(url.includes('?') ? url : `${url}?limit=2`, init);
    };
    const templates = await client({ fetch: pagedFetch }).listTemplates();
    expect(recorder.calls.length).toBe(3);
    expect(templates).toHaveLength(6);
    expect(templates.find((t) => t.name === 'order_update')).toMatchObject({
      language: 'en_US',
      category: 'UTILITY',
      status: 'APPROVED',
      parameterCount: 2,
      body: expect.stringContaining('{{2}}'),
    });
    expect(templates.find((t) => t.name === 'hello_world')?.parameterCount).toBe(0);
    expect(templates.find((t) => t.name === 'welcome_back')).toMatchObject({
      language: 'es',
      parameterCount: 1,
    });
    expect(templates.find((t) => t.name === 'summer_sale')?.category).toBe('MARKETING');
  });

  it('needs the business account id to list templates', async () => {
    await expect(client({ wabaId: undefined }).listTemplates()).rejects.toThrow(
      /WhatsApp Business Account id/,
    );
  });

  it('reads the metadata of a media file received in a message', async () => {
    await emulator.simulateInbound({
      from: CUSTOMER,
      message: { type: 'image', image: { id: '1480263758812309', caption: 'my receipt' } },
    });
    const media = await client().mediaMetadata('1480263758812309');
    expect(media).toMatchObject({
      mimeType: 'image/jpeg',
      fileSize: 2048,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const download = await fetch(media.url, {
      headers: { Authorization: `Bearer ${credentials.accessToken}` },
    });
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(media.sha256);
    await expect(client().mediaMetadata('999')).rejects.toMatchObject({ code: 100 });
  });
});

const helloWorld = { name: 'hello_world', language: 'en_US', bodyParameters: [] };
