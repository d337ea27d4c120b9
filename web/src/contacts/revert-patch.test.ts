import { describe, expect, it } from 'vitest';
import type { Contact } from '../api/types';
import { revertPatch } from './revert-patch';

const before = {
  id: 'c1',
  name: 'Ana Lima',
  firstName: 'Ana',
  lastName: 'Lima',
  phone: '+12025550123',
  email: 'ana@example.com',
  company: null,
  address: { street: null, city: 'Recife', region: null, postalCode: null, country: 'BR' },
  custom: { plan: 'Pro' },
} as unknown as Contact;

describe('revertPatch', () => {
  it('restores only the fields of the refused patch', () => {
    const current = { ...before, phone: '+14155552671', email: 'new@example.com' };
    const reverted = revertPatch(current, before, { phone: '+14155552671' });
    expect(reverted.phone).toBe('+12025550123');
    expect(reverted.email).toBe('new@example.com');
  });

  it('restores names, address parts and custom values, removing values that did not exist', () => {
    const current = {
      ...before,
      name: 'Ana Maria',
      firstName: 'Ana Maria',
      lastName: null,
      address: { ...before.address, city: 'Natal', country: 'PT' },
      custom: { plan: 'Free', seats: 3 },
    };
    const reverted = revertPatch(current, before, {
      firstName: 'Ana Maria',
      lastName: null,
      address: { city: 'Natal' },
      custom: { plan: 'Free', seats: 3 },
    });
    expect(reverted.name).toBe('Ana Lima');
    expect(reverted.lastName).toBe('Lima');
    expect(reverted.address).toEqual({ ...before.address, country: 'PT' });
    expect(reverted.custom).toEqual({ plan: 'Pro' });
  });
});
