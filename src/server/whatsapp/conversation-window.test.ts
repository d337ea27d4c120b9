import { describe, expect, it } from 'vitest';
import { placeMessage } from './conversation-window.js';

const open = {
  id: 'c1',
  expires_at: '2026-03-02T10:00:00.000Z',
  last_message_at: '2026-03-01T10:00:00.000Z',
};

describe('conversation window', () => {
  it('starts a conversation when none is open, opened by whoever wrote first', () => {
    expect(placeMessage(undefined, '2026-03-01T10:00:00.000Z', 'in')).toEqual({
      join: false,
      openedBy: 'customer',
      expiresAt: '2026-03-02T10:00:00.000Z',
    });
    expect(placeMessage(open, '2026-03-02T10:00:00.000Z', 'out')).toMatchObject({
      join: false,
      openedBy: 'business',
    });
  });

  it('extends the window with each customer message, not with business messages', () => {
    expect(placeMessage(open, '2026-03-01T20:00:00.000Z', 'in')).toEqual({
      join: true,
      conversationId: 'c1',
      expiresAt: '2026-03-02T20:00:00.000Z',
      lastMessageAt: '2026-03-01T20:00:00.000Z',
    });
    expect(placeMessage(open, '2026-03-01T20:00:00.000Z', 'out')).toMatchObject({
      join: true,
      expiresAt: '2026-03-02T10:00:00.000Z',
    });
  });

  it('files a late message without moving the window back or the last message time', () => {
    const later = { ...open, last_message_at: '2026-03-01T12:00:00.000Z' };
    expect(placeMessage(later, '2026-03-01T09:00:00.000Z', 'in')).toEqual({
      join: true,
      conversationId: 'c1',
      expiresAt: '2026-03-02T10:00:00.000Z',
      lastMessageAt: '2026-03-01T12:00:00.000Z',
    });
  });
});
