import { tagNameKey } from '../../shared/tag-name.js';

const PALETTE = [
  '#1971c2',
  '#2f9e44',
  '#e8590c',
  '#7048e8',
  '#c2255c',
  '#0c8599',
  '#f08c00',
  '#5c940d',
  '#862e9c',
  '#495057',
];

/** A stable default colour for a tag name. */
export function defaultTagColor(name: string): string {
  let hash = 0;
  for (const char of tagNameKey(name)) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? '#495057';
}
