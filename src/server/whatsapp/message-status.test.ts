import { describe, expect, it } from 'vitest';
import { furthestStatus } from './message-status.js';

const seen = (status: string, at: string, error_code: number | null = null) => ({
  status,
  occurred_at: at,
  error_code,
  error_title: error_code ? 'Failure' : null,
});

describe('furthest status', () => {
  it('moves forward to the furthest status seen, in any arrival order', () => {
    const message = { status: 'pending', status_at: 't0' };
    expect(furthestStatus(message, [seen('read', 't3'), seen('sent', 't1')])).toMatchObject({
      status: 'read',
    });
    expect(furthestStatus({ status: 'read', status_at: 't3' }, [seen('delivered', 't2')])).toBeNull();
  });

  it('makes failed final, unless the message was already read', () => {
    expect(
      furthestStatus({ status: 'delivered', status_at: 't2' }, [seen('failed', 't4', 131026)]),
    ).toMatchObject({
      status: 'failed',
      error_code: 131026,
    });
    expect(furthestStatus({ status: 'failed', status_at: 't4' }, [seen('read', 't5')])).toBeNull();
    expect(
      furthestStatus({ status: 'sent', status_at: 't1' }, [seen('read', 't3'), seen('failed', 't4', 1)]),
    ).toMatchObject({ status: 'read' });
  });

  it('leaves inbound messages alone', () => {
    expect(furthestStatus({ status: 'received', status_at: 't0' }, [seen('read', 't1')])).toBeNull();
  });
});
