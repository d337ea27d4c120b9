/** The key that makes tag names unique regardless of case (`vip` and `VIP` are the same tag). */
export function tagNameKey(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase('en');
}
