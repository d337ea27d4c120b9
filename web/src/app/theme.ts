import { createTheme } from '@mantine/core';

/** Rolo's look: teal accents, compact density for a working tool. */
export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  cursorType: 'pointer',
});
