import type { ContactPatchInput } from '../../../src/shared/contact-schemas';
import type { Contact } from '../api/types';

/**
 * Puts back, from `before`, only the fields a refused patch touched, leaving other changes made meanwhile (a
 * later save of another cell of the same row) as they are.
 */
export function revertPatch(current: Contact, before: Contact, patch: ContactPatchInput): Contact {
  const next: Contact = { ...current };
  if (patch.firstName !== undefined || patch.lastName !== undefined) {
    next.firstName = before.firstName;
    next.lastName = before.lastName;
    next.name = before.name;
  }
  if (patch.phone !== undefined) next.phone = before.phone;
  if (patch.email !== undefined) next.email = before.email;
  if (patch.company !== undefined) next.company = before.company;
  if (patch.jobTitle !== undefined) next.jobTitle = before.jobTitle;
  if (patch.address) {
    const address = { ...current.address };
    for (const key of Object.keys(patch.address) as Array<keyof Contact['address']>)
      address[key] = before.address[key];
    next.address = address;
  }
  if (patch.custom) {
    const custom = { ...current.custom };
    for (const key of Object.keys(patch.custom)) {
      const old = before.custom[key];
      if (old === undefined) delete custom[key];
      else custom[key] = old;
    }
    next.custom = custom;
  }
  return next;
}
