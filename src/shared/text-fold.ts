/** Lower-cases and strips diacritics so `José` sorts and matches like `jose`. */
export function foldText(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
