/** Input styles that mark a field edited but not saved yet: a bar on the input's left edge. */
export function changedInputStyles(changed: boolean | undefined) {
  return changed ? { input: { boxShadow: 'inset 3px 0 0 var(--mantine-color-teal-6)' } } : undefined;
}
