import { Button, Kbd } from '@mantine/core';
import { useHotkeys, useOs } from '@mantine/hooks';
import { lazy, Suspense, useState } from 'react';
import { useLocation } from 'react-router';

/** Pages with a search box of their own, where "/" goes to that box rather than to quick find. */
const PAGES_WITH_SEARCH_BOX = ['/contacts'];

/** The dialog comes in its own chunk, loaded on first use: the app's start-up does not need it. */
const QuickFindDialog = lazy(async () => ({
  default: (await import('./quick-find-dialog')).QuickFindDialog,
}));

/**
 * Quick find in the header: Ctrl+K (⌘K on a Mac) anywhere, or "/" outside a page with its own search box, opens
 * a dialog that shows the best contacts as you type and opens the one chosen.
 */
export function QuickFind() {
  const [opened, setOpened] = useState(false);
  const { pathname } = useLocation();
  const mac = useOs() === 'macos';
  const show = () => setOpened(true);
  useHotkeys([['mod+K', show]], []);
  useHotkeys(PAGES_WITH_SEARCH_BOX.includes(pathname) ? [] : [['/', show]]);
  return (
    <>
      <Button
        variant="default"
        size="sm"
        onClick={show}
        rightSection={<Kbd size="xs">{mac ? '⌘K' : 'Ctrl K'}</Kbd>}
        aria-keyshortcuts="Control+K Meta+K"
      >
        Find contact
      </Button>
      {opened && (
        <Suspense fallback={null}>
          <QuickFindDialog onClose={() => setOpened(false)} />
        </Suspense>
      )}
    </>
  );
}
