import { ActionIcon, Tooltip } from '@mantine/core';

/** A small "open in a new tab" button for an input holding a link; only ever given http(s) links. */
export function OpenLinkButton({ href, label }: { href: string; label: string }) {
  return (
    <Tooltip label={label}>
      <ActionIcon
        component="a"
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        variant="subtle"
        size="sm"
        aria-label={label}
      >
        <span aria-hidden="true">↗</span>
      </ActionIcon>
    </Tooltip>
  );
}
