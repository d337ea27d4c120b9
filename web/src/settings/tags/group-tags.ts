import type { Tag } from '../../api/types';

/** Tags under one category heading (`null`: tags without a category). */
export interface TagGroup {
  category: string | null;
  tags: Tag[];
}

/** Groups tags by category: categories A–Z, tags A–Z within each, uncategorised tags last. */
export function groupTagsByCategory(tags: Tag[]): TagGroup[] {
  const groups = new Map<string | null, Tag[]>();
  for (const tag of tags) {
    const category = tag.category?.trim() || null;
    groups.set(category, [...(groups.get(category) ?? []), tag]);
  }
  const byName = (a: Tag, b: Tag) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([category, list]) => ({ category, tags: [...list].sort(byName) }));
}

/** The distinct categories in use, for suggestions. */
export function categoriesOf(tags: Tag[]): string[] {
  return [...new Set(tags.map((tag) => tag.category?.trim()).filter((c): c is string => Boolean(c)))].sort();
}
