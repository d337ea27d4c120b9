import { foldText } from '../../../../src/shared/text-fold';

/** What a field key may look like (same rule as the API). */
export const FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

/** The key the API would derive from a label: `Customer Lifetime Value` → `customer_lifetime_value`. */
export function keyFromLabel(label: string): string {
  const slug = foldText(label)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+/, '');
  if (!slug) return '';
  const key = /^[a-z]/.test(slug) ? slug : `field_${slug}`;
  return key.slice(0, 64).replace(/_+$/, '');
}
