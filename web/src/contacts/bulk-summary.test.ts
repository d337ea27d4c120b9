import { describe, expect, it } from 'vitest';
import { contactCount, summarizeBulk } from './bulk-summary';

describe('summarizeBulk', () => {
  it('counts and names the failures', () => {
    const summary = summarizeBulk(
      {
        bulkActionId: 'bulk-1',
        counts: { ok: 2, failed: 1 },
        results: [
          { id: 'a', ok: true },
          { id: 'b', ok: false, error: 'Contact not found' },
          { id: 'c', ok: true },
        ],
      },
      (id) => (id === 'b' ? 'Bruno Costa' : undefined),
    );
    expect(summary.headline).toBe('2 done, 1 failed');
    expect(summary.failures).toEqual([{ id: 'b', name: 'Bruno Costa', error: 'Contact not found' }]);
  });

  it('says how many contacts in words', () => {
    expect(contactCount(1)).toBe('1 contact');
    expect(contactCount(12345)).toBe('12,345 contacts');
  });
});
