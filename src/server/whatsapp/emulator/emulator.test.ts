import { createHash, createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startWhatsAppEmulator, type WhatsAppEmulator } from './emulator-server.js';

const credentials = {
  accessToken: 'test-token',
  appSecret: 'test-app-secret',
  phoneNumberId: '106540352242922',
  displayNumber: '15550783881',
  wabaId: '102290129340398',
};
const metadata = { display_phone_number: '15550783881', phone_number_id: '106540352242922' };

interface Delivery {
  signature: string | undefined;
  raw: Buffer;
  body: any;
}

/** A webhook endpoint on loopback that keeps what it receives. */
async function startReceiver(): Promise<{ url: string; deliveries: Delivery[]; server: Server }> {
  const deliveries: Delivery[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      const signature = request.headers['x-hub-signature-256'];
      deliveries.push({
        signature: typeof signature === 'string' ? signature : undefined,
        raw,
        body: JSON.parse(raw.toString()),
      });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/webhooks/whatsapp`, deliveries, server };
}

function signedWithAppSecret(delivery: Delivery): boolean {
  const expected = `sha256=${createHmac('sha256', credentials.appSecret).update(delivery.raw).digest('hex')}`;
  return delivery.signature === expected;
}

describe('WhatsApp Cloud API emulator', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let emulator: WhatsAppEmulator;

  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => new Promise<void>((resolve) => receiver.server.close(() => resolve())));
  beforeEach(async () => {
    receiver.deliveries.length = 0;
    emulator = await startWhatsAppEmulator({ ...credentials, webhookUrl: receiver.url, statusDelayMs: 20 });
  });
  afterEach(() => emulator.stop());

  async function call(method: string, path: string, body?: unknown, token = credentials.accessToken) {
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  }
  const send = (message: object, token?: string) =>
    call(
      'POST',
      `/v21.0/${credentials.phoneNumberId}/messages`,
      { messaging_product: 'whatsapp', ...message },
      token,
    );
  const text = (to: string, body: string) =>
    send({ recipient_type: 'individual', to, type: 'text', text: { body } });
  const template = (to: string, name: string, language: string, values: string[]) =>
    send({
      to,
      type: 'template',
      template: {
        name,
        language: { code: language },
        components: [{ type: 'body', parameters: values.map((value) => ({ type: 'text', text: value })) }],
      },
    });

  it('posts a signed inbound notification and opens the window', async () => {
    const { messageId, status } = await emulator.simulateInbound({
      from: '+16505551234',
      name: 'Sheena Nelson',
      text: 'Hi, I need help',
    });
    expect(status).toBe(200);
    expect(receiver.deliveries).toHaveLength(1);
    const [delivery] = receiver.deliveries;
    expect(signedWithAppSecret(delivery!)).toBe(true);
    expect(delivery!.body).toEqual({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: credentials.wabaId,
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata,
                contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
                messages: [
                  {
                    from: '16505551234',
                    id: messageId,
                    timestamp: expect.stringMatching(/^\d{10}$/),
                    type: 'text',
                    text: { body: 'Hi, I need help' },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    expect(emulator.state.windowOpen('16505551234')).toBe(true);

    const reply = await text('+16505551234', 'Happy to help!');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: '+16505551234', wa_id: '16505551234' }],
      messages: [{ id: expect.stringMatching(/^wamid\./), message_status: 'accepted' }],
    });
  });

  it('sends signed status webhooks sent, delivered, read in order', async () => {
    const { body } = await template('16505551234', 'order_update', 'en_US', ['Jane', '#1042']);
    const messageId = body.messages[0].id;
    await vi.waitFor(() => expect(receiver.deliveries).toHaveLength(3), { timeout: 3000 });
    expect(receiver.deliveries.every(signedWithAppSecret)).toBe(true);
    const statuses = receiver.deliveries.map((delivery) => delivery.body.entry[0].changes[0].value);
    expect(statuses.map((value) => value.statuses[0].status)).toEqual(['sent', 'delivered', 'read']);
    expect(statuses[0]).toEqual({
      messaging_product: 'whatsapp',
      metadata,
      statuses: [
        {
          id: messageId,
          status: 'sent',
          timestamp: expect.stringMatching(/^\d{10}$/),
          recipient_id: '16505551234',
        },
      ],
    });
  });

  it('accepts a message to a 999 number, then reports it failed with 131026', async () => {
    const { status, body } = await template('+9995550100', 'hello_world', 'en_US', []);
    expect(status).toBe(200);
    await vi.waitFor(() => expect(receiver.deliveries).toHaveLength(1), { timeout: 3000 });
    expect(receiver.deliveries[0]!.body.entry[0].changes[0].value.statuses).toEqual([
      {
        id: body.messages[0].id,
        status: 'failed',
        timestamp: expect.any(String),
        recipient_id: '9995550100',
        errors: [
          {
            code: 131026,
            title: 'Message undeliverable',
            message: 'Message undeliverable',
            error_data: { details: expect.any(String) },
          },
        ],
      },
    ]);
  });

  it('refuses a text outside the 24-hour window with 131047', async () => {
    const { status, body } = await text('+16505550000', 'Hello?');
    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      message: '(#131047) Re-engagement message',
      type: 'OAuthException',
      code: 131047,
      error_data: { messaging_product: 'whatsapp', details: expect.stringContaining('24 hours') },
      fbtrace_id: expect.any(String),
    });
  });

  it('closes the window 24 hours after the customer last wrote', async () => {
    const dayAndAMinuteAgo = Date.now() - (24 * 60 + 1) * 60 * 1000;
    emulator.state.recordInbound('16505551234', dayAndAMinuteAgo);
    expect((await text('16505551234', 'Still there?')).body.error.code).toBe(131047);
    emulator.state.recordInbound('16505551234', dayAndAMinuteAgo + 2 * 60 * 1000);
    expect((await text('16505551234', 'Still there?')).status).toBe(200);
  });

  it('checks templates: unknown (132001), wrong number of values (132000)', async () => {
    expect((await template('16505551234', 'order_update', 'es', ['a', 'b'])).body.error.code).toBe(132001);
    expect((await template('16505551234', 'no_such_template', 'en_US', [])).body.error.code).toBe(132001);
    const wrongCount = await template('16505551234', 'appointment_reminder', 'en_US', ['Ana']);
    expect(wrongCount.status).toBe(400);
    expect(wrongCount.body.error).toMatchObject({
      code: 132000,
      error_data: { details: expect.stringContaining('(2)') },
    });
    expect((await template('16505551234', 'welcome_back', 'es', ['Ana'])).status).toBe(200);
  });

  it('checks the token, the phone number id, the version and the body', async () => {
    const noToken = await send({ to: '16505551234', type: 'text', text: { body: 'x' } }, '');
    expect(noToken.status).toBe(401);
    expect(noToken.body.error).toMatchObject({ code: 190, type: 'OAuthException' });
    expect((await send({ to: '1', text: { body: 'x' } }, 'wrong')).body.error.code).toBe(190);
    const otherNumber = await call('POST', '/v21.0/123/messages', { messaging_product: 'whatsapp' });
    expect(otherNumber.body.error).toMatchObject({
      code: 100,
      error_data: { details: expect.stringContaining("'123'") },
    });
    expect((await call('POST', `/latest/${credentials.phoneNumberId}/messages`, {})).body.error.code).toBe(
      100,
    );

    await emulator.simulateInbound({ from: '16505551234', text: 'hi' });
    const problems = await Promise.all([
      send({ type: 'text', text: { body: 'x' } }),
      send({ to: 'not-a-number', type: 'text', text: { body: 'x' } }),
      send({ to: '16505551234', type: 'carrier_pigeon' }),
      text('16505551234', ''),
      text('16505551234', 'x'.repeat(4097)),
      send({ to: '16505551234', type: 'template', template: { name: 'hello_world' } }),
    ]);
    expect(
      problems.map(({ status, body }) => [status, body.error.code, body.error.error_data.details]),
    ).toEqual([
      [400, 100, expect.stringContaining('to')],
      [400, 131009, expect.stringContaining('not-a-number')],
      [400, 100, expect.stringContaining('carrier_pigeon')],
      [400, 100, expect.stringContaining("text['body']")],
      [400, 100, expect.stringContaining('4096')],
      [400, 100, expect.stringContaining("template['language']['code']")],
    ]);
    expect((await text('16505551234', 'x'.repeat(4096))).status).toBe(200);
  });

  it('marks messages read', async () => {
    const { body } = await send({ status: 'read', message_id: 'wamid.ABC' });
    expect(body).toEqual({ success: true });
  });

  it('fails the next sends as told, then recovers', async () => {
    emulator.failNext(130429, 2);
    const first = await template('16505551234', 'hello_world', 'en_US', []);
    expect(first.status).toBe(400);
    expect(first.body.error).toMatchObject({ message: '(#130429) Rate limit hit', code: 130429 });
    expect((await template('16505551234', 'hello_world', 'en_US', [])).body.error.code).toBe(130429);
    expect((await template('16505551234', 'hello_world', 'en_US', [])).status).toBe(200);
    emulator.failNext(190);
    expect((await template('16505551234', 'hello_world', 'en_US', [])).status).toBe(401);
  });

  it('lists realistic approved templates, paged', async () => {
    const all = await call('GET', `/v23.0/${credentials.wabaId}/message_templates`);
    expect(all.body.data.length).toBeGreaterThanOrEqual(4);
    expect(all.body.data.every((t: any) => t.status === 'APPROVED')).toBe(true);
    expect(all.body.data.find((t: any) => t.name === 'order_update').components).toContainEqual({
      type: 'BODY',
      text: expect.stringContaining('{{1}}'),
    });
    expect(all.body.paging.next).toBeUndefined();
    const first = await call('GET', `/v23.0/${credentials.wabaId}/message_templates?limit=4`);
    expect(first.body.data).toHaveLength(4);
    const rest = await fetch(first.body.paging.next, {
      headers: { Authorization: `Bearer ${credentials.accessToken}` },
    });
    const page = (await rest.json()) as any;
    expect([...first.body.data, ...page.data]).toEqual(all.body.data);
    expect(page.paging.next).toBeUndefined();
    expect((await call('GET', '/v23.0/1/message_templates')).body.error.code).toBe(100);
  });

  it('hands out media in inbound messages and serves its metadata', async () => {
    await emulator.simulateInbound({
      from: '5511987654321',
      name: 'Ana',
      message: { type: 'image', image: { caption: 'receipt' } },
    });
    const image = receiver.deliveries[0]!.body.entry[0].changes[0].value.messages[0].image;
    expect(image).toMatchObject({
      caption: 'receipt',
      mime_type: 'image/jpeg',
      id: expect.stringMatching(/^\d{16}$/),
    });
    const { status, body } = await call('GET', `/v19.0/${image.id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      messaging_product: 'whatsapp',
      mime_type: 'image/jpeg',
      sha256: image.sha256,
      file_size: 2048,
      id: image.id,
    });
    const file = await fetch(body.url, { headers: { Authorization: `Bearer ${credentials.accessToken}` } });
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(
      createHash('sha256')
        .update(Buffer.from(await file.arrayBuffer()))
        .digest('hex'),
    ).toBe(body.sha256);
    expect((await call('GET', '/v19.0/4242')).body.error.code).toBe(100);
  });

  it('plays customers and lists sent messages over HTTP', async () => {
    const played = await call(
      'POST',
      '/_emulator/inbound',
      { from: '+55 11 98765-4321', name: 'Ana', text: 'Oi' },
      '',
    );
    expect(played).toEqual({
      status: 200,
      body: { messageId: expect.stringMatching(/^wamid\./), status: 200 },
    });
    expect(receiver.deliveries[0]!.body.entry[0].changes[0].value.contacts[0].wa_id).toBe('5511987654321');
    const bad = await call('POST', '/_emulator/inbound', { from: 'nobody', text: 'Oi' }, '');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('phone number');

    await text('5511987654321', 'Olá Ana!');
    await template('5511987654321', 'welcome_back', 'es', ['Ana']);
    const listed = await call('GET', '/_emulator/messages', undefined, '');
    expect(listed.body).toEqual([
      { id: expect.any(String), to: '5511987654321', type: 'text', text: 'Olá Ana!', at: expect.any(String) },
      {
        id: expect.any(String),
        to: '5511987654321',
        type: 'template',
        template: { name: 'welcome_back', language: 'es', parameters: ['Ana'] },
        at: expect.any(String),
      },
    ]);
  });

  it('reports an unreachable webhook when playing a customer', async () => {
    const lonely = await startWhatsAppEmulator({ ...credentials, webhookUrl: 'http://127.0.0.1:9/nowhere' });
    try {
      await expect(lonely.simulateInbound({ from: '+16505551234', text: 'hi' })).rejects.toThrow(
        /webhook at http:\/\/127\.0\.0\.1:9\/nowhere did not answer/,
      );
    } finally {
      await lonely.stop();
    }
  });
});
