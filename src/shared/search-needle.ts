import { foldText } from './text-fold.js';

/** What the simple search looks for: digits for phone-like input, folded text otherwise. */
export function searchNeedle(q: string): string {
  const digits = q.replace(/\D/g, '');
  return /^[\d\s()+.-]+$/.test(q) && digits.length >= 3 ? digits : foldText(q);
}
