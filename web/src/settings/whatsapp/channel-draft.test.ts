import { describe, expect, it } from 'vitest';
import type { Channel } from '../../api/types';
import { channelDraftOf, channelDraftProblems, channelSettingsOf } from './channel-draft';
import { keywordsProblem, parseKeywords } from './keyword-list';

const channel: Channel = {
  id: 'ch1',
  phoneNumberId: '106540352242922',
  displayNumber: '+1 555 078 3881',
  wabaId: null,
  graphUrl: 'https://graph.facebook.com',
  graphVersion: 'v21.0',
  accessTokenSet: true,
  appSecretSet: true,
  verifyTokenSet: false,
  optOutKeywords: ['STOP'],
  optInKeywords: ['START'],
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('channel settings form', () => {
  it('sends secrets only when typed, and null for one removed', () => {
    const draft = channelDraftOf(channel);
    expect(channelSettingsOf(draft)).toEqual({
      phoneNumberId: '106540352242922',
      displayNumber: '+1 555 078 3881',
      wabaId: null,
      graphUrl: 'https://graph.facebook.com',
      graphVersion: 'v21.0',
      optOutKeywords: ['STOP'],
      optInKeywords: ['START'],
    });
    draft.secrets.accessToken = { typed: ' new-token ', remove: false };
    draft.secrets.appSecret = { typed: '', remove: true };
    const body = channelSettingsOf(draft);
    expect(body.accessToken).toBe('new-token');
    expect(body.appSecret).toBeNull();
    expect('verifyToken' in body).toBe(false);
  });

  it('starts a new connection with the default keywords and checks the ids', () => {
    const draft = channelDraftOf(null);
    expect(parseKeywords(draft.optOutKeywords)).toContain('STOP');
    expect(channelDraftProblems(draft)).toMatchObject({ phoneNumberId: expect.any(String) });
    draft.phoneNumberId = '12345';
    draft.displayNumber = '+1 555';
    draft.graphVersion = '21';
    expect(Object.keys(channelDraftProblems(draft))).toEqual(['graphVersion']);
  });

  it('reads keywords comma-separated or one per line, once each', () => {
    expect(parseKeywords('stop, Parar\nSTOP\n\n  baja  ,')).toEqual(['stop', 'Parar', 'baja']);
    expect(keywordsProblem(['x'.repeat(41)])).toMatch(/longer than 40/);
    expect(keywordsProblem(Array.from({ length: 51 }, (_, i) => `k${i}`))).toBe('At most 50 keywords');
  });
});
