import type { Modifier } from '@dnd-kit/core';

/** Keeps a dragged row on its column: only vertical movement (@dnd-kit/modifiers is not installed). */
export const restrictToVerticalAxis: Modifier = ({ transform }) => ({ ...transform, x: 0 });
