import { Button, Menu } from '@mantine/core';
import { Link } from 'react-router';
import type { ExportScope } from './export-scope';

/** Props of the import and export controls. */
export interface ListTransferMenuProps {
  /** What the toolbar exports: the contacts matching the search, or all of them. */
  scope: ExportScope;
  onExport(scope: ExportScope): void;
}

/** The list toolbar's "Import" button and its menu: export the list, import history. */
export function ListTransferMenu({ scope, onExport }: ListTransferMenuProps) {
  return (
    <>
      <Button component={Link} to="/contacts/import" variant="default">
        Import
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default">More ▾</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => onExport(scope)}>Export {scope.scope}…</Menu.Item>
          <Menu.Divider />
          <Menu.Item component={Link} to="/contacts/import">
            Import contacts…
          </Menu.Item>
          <Menu.Item component={Link} to="/contacts/imports">
            Import history
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </>
  );
}
