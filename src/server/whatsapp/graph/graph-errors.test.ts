import { describe, expect, it } from 'vitest';
import { describeGraphError } from './graph-errors.js';

describe('describeGraphError', () => {
  it.each([
    [131047, 'window', 'never', /24 hours/],
    [131026, 'undeliverable', 'never', /not be on WhatsApp/],
    [130429, 'throughput', 'backoff', /retried/],
    [131056, 'recipient-pace', 'recipient-backoff', /this customer/],
    [131049, 'marketing-limit', 'never', /marketing/],
    [131050, 'opted-out', 'never', /stopped marketing/],
    [132000, 'template', 'never', /number of values/],
    [132001, 'template', 'never', /does not exist/],
    [132005, 'template', 'never', /too long/],
    [132007, 'template', 'never', /policy/],
    [132012, 'template', 'never', /wrong format/],
    [132015, 'template', 'never', /paused/],
    [132016, 'template', 'never', /disabled/],
    [132018, 'template', 'never', /invalid/],
    [131008, 'parameter', 'never', /missing/],
    [131009, 'parameter', 'never', /does not accept/],
    [100, 'parameter', 'never', /missing or invalid/],
    [0, 'auth', 'never', /reconnect/],
    [190, 'auth', 'never', /expired/],
  ] as const)('explains %i as %s, retry %s', (code, kind, retry, words) => {
    const described = describeGraphError(code, 'ignored for known codes');
    expect(described).toMatchObject({ code, kind, retry });
    expect(described.message).toMatch(words);
    expect(described.message).not.toContain('ignored');
  });

  it("explains an unknown code with the API's own message and no retry", () => {
    expect(describeGraphError(4242, 'Something odd happened.')).toEqual({
      code: 4242,
      kind: 'unknown',
      retry: 'never',
      message: 'WhatsApp refused the request (error 4242): Something odd happened.',
    });
    expect(describeGraphError(4242).message).toBe('WhatsApp refused the request (error 4242).');
  });
});
