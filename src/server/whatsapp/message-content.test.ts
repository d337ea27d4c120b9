import { describe, expect, it } from 'vitest';
import { contentOf } from './message-content.js';

const message = (type: string, part: unknown, extra: Record<string, unknown> = {}) => ({
  id: 'wamid.1',
  from: '16505551234',
  timestamp: '1739321024',
  type,
  [type]: part,
  ...extra,
});

describe('message content', () => {
  it('gives each type its text', () => {
    expect(contentOf(message('text', { body: 'hi' })).body).toBe('hi');
    expect(contentOf(message('image', { id: 'm1', caption: 'receipt' })).body).toBe('receipt');
    expect(contentOf(message('document', { id: 'm2', filename: 'invoice.pdf' })).body).toBe('invoice.pdf');
    expect(contentOf(message('audio', { id: 'm3' })).body).toBeNull();
    expect(contentOf(message('location', { latitude: -23.5, longitude: -46.6, name: 'Loja' })).body).toBe(
      'Loja',
    );
    expect(contentOf(message('location', { latitude: -23.5, longitude: -46.6 })).body).toBe('-23.5, -46.6');
    expect(contentOf(message('contacts', [{ name: { formatted_name: 'Ana Lima' } }])).body).toBe('Ana Lima');
    expect(
      contentOf(message('interactive', { type: 'list_reply', list_reply: { id: 'a', title: 'Tuesday' } }))
        .body,
    ).toBe('Tuesday');
    expect(contentOf(message('button', { payload: 'YES', text: 'Yes please' })).body).toBe('Yes please');
    expect(contentOf(message('reaction', { message_id: 'wamid.0', emoji: '❤️' })).body).toBe('❤️');
    expect(contentOf(message('reaction', { message_id: 'wamid.0' })).body).toBeNull();
  });

  it('keeps the type part, the reply context and an ad referral as they came, and unknown types whole', () => {
    const content = contentOf(
      message('text', { body: 'hi' }, { context: { id: 'wamid.0' }, referral: { source_id: 'ad-1' } }),
    );
    expect(JSON.parse(content.payload)).toEqual({
      text: { body: 'hi' },
      context: { id: 'wamid.0' },
      referral: { source_id: 'ad-1' },
    });
    const unknown = contentOf(message('unsupported', undefined, { errors: [{ code: 131051 }] }));
    expect(unknown).toMatchObject({ type: 'unsupported', body: null });
    expect(JSON.parse(unknown.payload).errors[0].code).toBe(131051);
  });
});
