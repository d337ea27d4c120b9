import { createTheme, darken, Drawer, Modal, Notification, type CSSVariablesResolver } from '@mantine/core';

/** Rolo's look: teal accents, compact density for a working tool. */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 9 },
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  cursorType: 'pointer',
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
});

/** Darker text for light/outline/subtle variants, links, dimmed text and field errors, so that text meets WCAG AA contrast. */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': darken(resolved.colors[resolved.primaryColor]?.[9] ?? '#087f5b', 0.2),
    '--mantine-color-error': darken(resolved.colors.red[9], 0.2),
    ...Object.fromEntries(
      Object.entries(resolved.colors).flatMap(([name, shades]) => [
        [`--mantine-color-${name}-light-color`, darken(shades[9], 0.3)],
        [`--mantine-color-${name}-outline`, darken(shades[9], 0.3)],
        [`--mantine-color-${name}-text`, darken(shades[9], 0.2)],
      ]),
    ),
  },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});
