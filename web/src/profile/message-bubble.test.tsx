// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../api/types';
import { MessageBubble } from './message-bubble';

const base: Message = {
  id: 'm1',
  waMessageId: 'wamid.1',
  conversationId: 'c1',
  direction: 'in',
  type: 'text',
  body: 'Hello there',
  payload: {},
  status: 'received',
  statusAt: '2026-03-01T14:32:00.000Z',
  errorCode: null,
  errorMessage: null,
  replyTo: null,
  sentBy: null,
  sentAt: '2026-03-01T14:32:00.000Z',
};

const renderBubble = (message: Partial<Message>, senderName?: string) =>
  render(
    <MantineProvider>
      <MessageBubble message={{ ...base, ...message }} senderName={senderName} />
    </MantineProvider>,
  ).container;

describe('message bubble', () => {
  beforeAll(() => {
    window.matchMedia ??= (query: string) =>
      ({
        matches: false,
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      }) as unknown as MediaQueryList;
  });
  afterEach(cleanup);

  it('shows a customer text on the left, as text even when it looks like HTML', () => {
    const container = renderBubble({ body: '<b>bold</b> & <script>x</script>' });
    const bubble = screen.getByRole('article', { name: 'Message received' });
    expect(bubble.getAttribute('data-direction')).toBe('in');
    expect(bubble.textContent).toContain('<b>bold</b> & <script>x</script>');
    expect(container.querySelector('b, script')).toBeNull();
    expect(screen.queryByText('Read')).toBeNull();
  });

  it.each([
    [{ type: 'image', body: 'The shelf', payload: { image: { id: '1' } } }, ['📷', 'Photo', 'The shelf']],
    [{ type: 'audio', body: null, payload: { audio: { voice: true } } }, ['🎤', 'Voice message']],
    [
      { type: 'document', body: 'invoice.pdf', payload: { document: { filename: 'invoice.pdf' } } },
      ['📄', 'invoice.pdf'],
    ],
    [
      { type: 'location', body: 'Shop', payload: { location: { name: 'Shop', address: 'Rua A, 1' } } },
      ['📍', 'Shop', 'Rua A, 1'],
    ],
    [
      { type: 'location', body: null, payload: { location: { latitude: -23.5, longitude: -46.6 } } },
      ['-23.50000, -46.60000'],
    ],
    [{ type: 'contacts', body: 'João', payload: { contacts: [] } }, ['👤', 'Shared contact', 'João']],
    [
      { type: 'interactive', body: 'Cancel', payload: { interactive: { type: 'button_reply' } } },
      ['↩', 'Button reply “Cancel”'],
    ],
    [{ type: 'reaction', body: '👍', payload: { reaction: { emoji: '👍' } } }, ['reacted 👍']],
    [{ type: 'unsupported', body: null, payload: {} }, ['Unsupported message']],
  ] as Array<[Partial<Message>, string[]]>)('labels a %o message', (message, texts) => {
    const container = renderBubble(message);
    for (const text of texts) expect(container.textContent).toContain(text);
  });

  it('says when the customer came from an ad', () => {
    renderBubble({
      body: 'Is this available?',
      payload: { text: {}, referral: { headline: 'Chat with us' } },
    });
    screen.getByText('From an ad: Chat with us');
  });

  it.each([
    ['pending', '◷', 'Sending'],
    ['sent', '✓', 'Sent'],
    ['delivered', '✓✓', 'Delivered'],
    ['read', '✓✓', 'Read'],
  ] as const)('shows a %s outbound message on the right with its ticks', (status, symbol, words) => {
    renderBubble({ direction: 'out', status, body: 'On its way' }, 'Ana');
    const bubble = screen.getByRole('article', { name: 'Message sent' });
    expect(bubble.getAttribute('data-direction')).toBe('out');
    const ticks = bubble.querySelector(`[data-status="${status}"]`);
    expect(ticks?.getAttribute('title')).toBe(words);
    expect(ticks?.textContent).toBe(`${symbol}${words}`);
    expect(bubble.textContent).toContain('Ana');
  });

  it('paints read ticks blue', () => {
    renderBubble({ direction: 'out', status: 'read' });
    const read = document.querySelector('[data-status="read"]') as HTMLElement;
    const delivered = renderBubble({ direction: 'out', status: 'delivered' }).querySelector(
      '[data-status="delivered"]',
    ) as HTMLElement;
    expect(read.style.color).toContain('blue');
    expect(delivered.style.color).not.toContain('blue');
  });

  it('explains a failed message in words', () => {
    renderBubble({
      direction: 'out',
      status: 'failed',
      errorMessage: 'This number is not on WhatsApp',
    });
    screen.getByText('Not delivered: This number is not on WhatsApp');
    expect(document.querySelector('[data-status="failed"]')?.textContent).toBe('⚠Failed');
  });

  it('shows a template by name with the values sent', () => {
    const container = renderBubble({
      direction: 'out',
      status: 'sent',
      type: 'template',
      body: 'Template order_update: Ana · #1042',
      payload: { template: { name: 'order_update', language: 'en_US', parameters: ['Ana', '#1042'] } },
    });
    expect(container.textContent).toContain('Template order_update');
    expect(container.textContent).toContain('Ana · #1042');
  });
});
