import { Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import type { ContactSort } from '../../../src/shared/contact-sorts';
import type { FilterNode } from '../../../src/shared/filter/filter-tree';
import type { Contact } from '../api/types';
import { queryKeys, useCustomFields, useMembers } from '../api/workspace-queries';
import { useSession } from '../auth/session-context';
import { BulkActionDialog, type BulkActionDialogProps, type BulkKind } from '../contacts/bulk-action-dialog';
import { columnsById, visibleColumns, type SortField } from '../contacts/contact-columns';
import { ContactGrid } from '../contacts/contact-grid';
import { PAGE_SIZE } from '../contacts/contact-page-store';
import type { FormatContext } from '../contacts/custom-value-format';
import {
  allRowsSelected,
  NO_SELECTION,
  selectedCount,
  selectRows,
  toggleRow,
  type ListSelection,
} from '../contacts/list-selection';
import { selectionExportScope, type ExportScope } from '../contacts/export-scope';
import { DEFAULT_COLUMNS, DEFAULT_SORT, nextSort } from '../contacts/list-view-params';
import { SelectionBar } from '../contacts/selection-bar';
import { useContactPages } from '../contacts/use-contact-pages';
import { filterParam } from '../search/filter-param';

const ExportDialog = lazy(async () => ({
  default: (await import('../exports/export-dialog')).ExportDialog,
}));

/** Props of a segment's contact list. */
export interface SegmentContactsProps {
  segmentId: string;
  filter: FilterNode;
}

const SKELETON_ROWS = 8;

/** The contacts in a segment, in the contact list's grid, with selection and bulk actions on them (or the whole segment). */
export function SegmentContacts({ segmentId, filter }: SegmentContactsProps) {
  const { session } = useSession();
  const queryClient = useQueryClient();
  const [sort, setSort] = useState<ContactSort>(DEFAULT_SORT);
  const [page, setPage] = useState(0);
  const { store } = useContactPages(sort, '', page, filterParam(filter));
  const fields = useCustomFields();
  const members = useMembers();
  const allColumns = useMemo(() => columnsById(fields.data ?? []), [fields.data]);
  const columns = useMemo(() => visibleColumns([...DEFAULT_COLUMNS], allColumns), [allColumns]);
  const context = useMemo<FormatContext>(() => {
    const names = new Map((members.data ?? []).map((member) => [member.id, member.name]));
    return { memberName: (id) => names.get(id) };
  }, [members.data]);
  const [selection, setSelection] = useState<ListSelection>(NO_SELECTION);
  const [bulk, setBulk] = useState<Pick<
    BulkActionDialogProps,
    'kind' | 'selection' | 'count' | 'nameOf'
  > | null>(null);

  const [exporting, setExporting] = useState<ExportScope | null>(null);

  const total = store.hasFirstPage ? store.knownTotal() : null;
  const rowCount = store.isLoadingFirstPage ? SKELETON_ROWS : store.rowCount();
  const pageRows = store.loadedRows(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE - 1);
  const selected = selectedCount(selection, total ?? 0);
  const pageSelected = allRowsSelected(selection, pageRows);
  const onToggleRow = useCallback(
    (index: number, contact: Contact, shift: boolean) =>
      setSelection((current) =>
        toggleRow(current, {
          index,
          row: contact,
          shift,
          rowsBetween: (from, to) => store.loadedRows(from, to),
          pageRows: store.loadedRows(
            Math.floor(index / PAGE_SIZE) * PAGE_SIZE,
            Math.floor(index / PAGE_SIZE) * PAGE_SIZE + PAGE_SIZE - 1,
          ),
        }),
      ),
    [store],
  );
  const openBulk = (kind: BulkKind) => {
    const names = selection.kind === 'rows' ? new Map(selection.rows) : null;
    setBulk({
      kind,
      selection: selection.kind === 'all' ? { segmentId } : { ids: [...selection.rows.keys()] },
      count: selected,
      nameOf: (id) => names?.get(id) ?? store.findContact(id)?.name,
    });
  };

  if (store.hasFirstPage && rowCount === 0)
    return (
      <Text size="sm" c="dimmed" py="md">
        No contacts are in this segment right now.
      </Text>
    );
  return (
    <>
      {selected > 0 && (
        <SelectionBar
          selected={selected}
          allMatching={selection.kind === 'all'}
          offerAll={
            selection.kind === 'rows' && pageSelected && total !== null && total > selection.rows.size
              ? { pageCount: pageRows.length, total }
              : null
          }
          searching
          onSelectAll={() => setSelection({ kind: 'all' })}
          onClear={() => setSelection(NO_SELECTION)}
          onAction={openBulk}
          onExport={() =>
            setExporting(
              selection.kind === 'all'
                ? {
                    selection: { segmentId },
                    scope: `the ${selected.toLocaleString()} contacts in the segment`,
                  }
                : selectionExportScope(selection, '', selected),
            )
          }
        />
      )}
      <div style={{ height: 480, display: 'flex', flexDirection: 'column' }}>
        <ContactGrid
          store={store}
          rowCount={rowCount}
          columns={columns}
          sort={sort}
          onSort={(field: SortField) => setSort(nextSort(sort, field))}
          selection={selection}
          onToggleRow={onToggleRow}
          pageCheck={{
            checked: pageSelected,
            indeterminate: !pageSelected && selected > 0,
            disabled: pageRows.length === 0 && selected === 0,
            onChange: () =>
              setSelection(
                pageSelected || pageRows.length === 0 ? NO_SELECTION : selectRows(selection, pageRows),
              ),
          }}
          onFirstVisibleChange={(row) => setPage(Math.floor(row / PAGE_SIZE))}
          context={context}
          defaultCountry={session.workspace.defaultCountry}
        />
      </div>
      {exporting && (
        <Suspense fallback={null}>
          <ExportDialog {...exporting} onClose={() => setExporting(null)} />
        </Suspense>
      )}
      {bulk && (
        <BulkActionDialog
          {...bulk}
          onClose={() => setBulk(null)}
          onFinished={() => {
            void queryClient.invalidateQueries({ queryKey: queryKeys.contacts });
            setSelection(NO_SELECTION);
          }}
        />
      )}
    </>
  );
}
