import { Alert, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { FilterTextError } from '../../../src/shared/filter/filter-text';
import type { Contact } from '../api/types';
import { queryKeys, useCustomFields, useMembers } from '../api/workspace-queries';
import { useSession } from '../auth/session-context';
import { ErrorPanel } from '../ui/error-panel';
import type { BulkActionDialogProps, BulkKind } from './bulk-action-dialog';
import { contactCount } from './bulk-summary';
import { ColumnPicker } from './column-picker';
import classes from './contact-grid.module.css';
import { columnsById, visibleColumns, type SortField } from './contact-columns';
import { ContactGrid } from './contact-grid';
import { PAGE_SIZE } from './contact-page-store';
import type { FormatContext } from './custom-value-format';
import { ListEmptyState } from './list-empty-state';
import { ListSearchBox } from './list-search-box';
import {
  allRowsSelected,
  bulkSelectionOf,
  NO_SELECTION,
  selectedCount,
  selectRows,
  toggleRow,
  type ListSelection,
} from './list-selection';
import { listExportScope, selectionExportScope, type ExportScope } from './export-scope';
import { DEFAULT_COLUMNS, nextSort } from './list-view-params';
import { ListTransferMenu } from './list-transfer-menu';
import { SelectionBar } from './selection-bar';
import { useContactPages } from './use-contact-pages';
import { useListView } from './use-list-view';
import { FilterToggle } from '../search/filter-toggle';
import { SavedSearchMenu } from '../search/saved-search-menu';
import { useSavedSearches } from '../search/saved-search-queries';
import { combinedFilter, readSearchBox, writeSearchBox } from '../search/search-text';
import { filterParam } from '../search/filter-param';
import { useFilterFields } from '../search/use-filter-fields';

const BulkActionDialog = lazy(async () => ({
  default: (await import('./bulk-action-dialog')).BulkActionDialog,
}));

const SavedSearchBar = lazy(async () => ({
  default: (await import('../search/saved-search-bar')).SavedSearchBar,
}));

const SegmentEditBar = lazy(async () => ({
  default: (await import('../segments/segment-edit-bar')).SegmentEditBar,
}));

const AdvancedSearchPanel = lazy(async () => ({
  default: (await import('../search/advanced-search-panel')).AdvancedSearchPanel,
}));

const SaveSearchDialog = lazy(async () => ({
  default: (await import('../search/save-search-dialog')).SaveSearchDialog,
}));

const SaveSegmentDialog = lazy(async () => ({
  default: (await import('../segments/save-segment-dialog')).SaveSegmentDialog,
}));

const NewContactDialog = lazy(async () => ({
  default: (await import('./new-contact-dialog')).NewContactDialog,
}));

const NewConversationDialog = lazy(async () => ({
  default: (await import('./new-conversation-dialog')).NewConversationDialog,
}));

const ExportDialog = lazy(async () => ({
  default: (await import('../exports/export-dialog')).ExportDialog,
}));

/** A bulk action being set up or run, on the selection as it was when the action was chosen. */
type BulkRequest = Pick<BulkActionDialogProps, 'kind' | 'selection' | 'count' | 'nameOf'>;

/** Skeleton rows shown while the first page loads. */
const SKELETON_ROWS = 12;

/**
 * The contact list: a virtualised grid over every contact (keyset pages fetched as they scroll into view), with
 * search, sortable headers, chosen columns (all kept in the URL), quick edit in place, selection and bulk actions.
 */
export function ContactListPage() {
  useDocumentTitle('Contacts · Rolo');
  const { session } = useSession();
  const queryClient = useQueryClient();
  const [view, updateView] = useListView();
  const [page, setPage] = useState(0);
  const { store } = useContactPages(view.sort, view.q, page, filterParam(view.filter));
  const filterFields = useFilterFields();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const savedSearches = useSavedSearches();
  const openSaved = savedSearches.data?.find((search) => search.id === params.get('saved'));
  const [typed, setTyped] = useState('');
  /** The last text that could not be read, with the box's text then: it shows until the list's search changes. */
  const [searchError, setSearchError] = useState<{ error: FilterTextError; over: string } | null>(null);
  const [advanced, setAdvanced] = useState(() => params.get('advanced') === '1');
  const [saving, setSaving] = useState<'search' | 'segment' | null>(null);
  const boxText = useMemo(() => {
    const meant = readSearchBox(typed, filterFields);
    const same =
      meant.ok && meant.q === view.q.trim() && JSON.stringify(meant.filter) === JSON.stringify(view.filter);
    return same ? typed : writeSearchBox(view.q, view.filter, filterFields);
  }, [typed, filterFields, view.q, view.filter]);
  const onSearch = (text: string) => {
    const meant = readSearchBox(text, filterFields);
    if (!meant.ok) {
      setSearchError({ error: meant.error, over: boxText });
      return;
    }
    setTyped(text);
    setSearchError(null);
    updateView({ q: meant.q, filter: meant.filter });
  };
  const filtered = view.filter !== null;
  const fields = useCustomFields();
  const members = useMembers();
  const allColumns = useMemo(() => columnsById(fields.data ?? []), [fields.data]);
  const columns = useMemo(() => visibleColumns(view.columns, allColumns), [view.columns, allColumns]);
  const context = useMemo<FormatContext>(() => {
    const names = new Map((members.data ?? []).map((member) => [member.id, member.name]));
    return { memberName: (id) => names.get(id) };
  }, [members.data]);

  const [selectionState, setSelectionState] = useState({ store, selection: NO_SELECTION as ListSelection });
  const selection = selectionState.store === store ? selectionState.selection : NO_SELECTION;
  const setSelection = useCallback(
    (change: (current: ListSelection) => ListSelection) =>
      setSelectionState((state) => ({
        store,
        selection: change(state.store === store ? state.selection : NO_SELECTION),
      })),
    [store],
  );
  const [bulk, setBulk] = useState<BulkRequest | null>(null);
  const [creating, setCreating] = useState(false);
  const [starting, setStarting] = useState(false);
  const [exporting, setExporting] = useState<ExportScope | null>(null);

  const onFirstVisibleChange = useCallback((row: number) => setPage(Math.floor(row / PAGE_SIZE)), []);
  const pageRows = store.loadedRows(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE - 1);
  const total = store.hasFirstPage ? store.knownTotal() : null;
  const rowCount = store.isLoadingFirstPage ? SKELETON_ROWS : store.rowCount();
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
    [setSelection, store],
  );
  const onSort = useCallback(
    (field: SortField) => updateView({ sort: nextSort(view.sort, field) }),
    [updateView, view.sort],
  );
  const onFinished = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.contacts });
    void queryClient.invalidateQueries({ queryKey: ['contact'] });
    void queryClient.invalidateQueries({ queryKey: queryKeys.tags });
    setSelection(() => NO_SELECTION);
  }, [queryClient, setSelection]);

  const openBulk = (kind: BulkKind) => {
    const target = bulkSelectionOf(selection, view.q, view.filter);
    if (!target) return;
    const names = selection.kind === 'rows' ? new Map(selection.rows) : null;
    setBulk({
      kind,
      selection: target,
      count: selected,
      nameOf: (id) => names?.get(id) ?? store.findContact(id)?.name,
    });
  };
  const countLabel =
    total === null
      ? 'Counting…'
      : view.q || filtered
        ? `${total.toLocaleString()} matching`
        : contactCount(total);

  let content;
  if (store.firstPageFailed) {
    content = (
      <ErrorPanel
        title="The contacts could not be loaded"
        error={store.error}
        onRetry={() => store.retry()}
      />
    );
  } else if (store.hasFirstPage && rowCount === 0) {
    content = (
      <ListEmptyState
        q={view.q || (filtered ? writeSearchBox('', view.filter, filterFields) : '')}
        onNewContact={() => setCreating(true)}
        onClearSearch={() => updateView({ q: '', filter: null })}
      />
    );
  } else {
    content = (
      <ContactGrid
        store={store}
        rowCount={rowCount}
        columns={columns}
        sort={view.sort}
        onSort={onSort}
        selection={selection}
        onToggleRow={onToggleRow}
        pageCheck={{
          checked: pageSelected,
          indeterminate: !pageSelected && selected > 0,
          disabled: pageRows.length === 0 && selected === 0,
          onChange: () =>
            setSelection((current) =>
              pageSelected || pageRows.length === 0 ? NO_SELECTION : selectRows(current, pageRows),
            ),
        }}
        onFirstVisibleChange={onFirstVisibleChange}
        context={context}
        defaultCountry={session.workspace.defaultCountry}
      />
    );
  }

  return (
    <Stack gap="sm" h="calc(100dvh - var(--app-shell-header-height, 52px) - 2 * var(--mantine-spacing-md))">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="sm" align="baseline">
          <Title order={1} size="h3">
            Contacts
          </Title>
          <Text className={classes.muted} size="sm" aria-live="polite">
            {countLabel}
          </Text>
        </Group>
        <Group gap="xs" wrap="wrap">
          <ColumnPicker
            available={[...allColumns.values()]}
            chosen={view.columns}
            onChange={(cols) => updateView({ columns: cols })}
            onReset={() => updateView({ columns: [...DEFAULT_COLUMNS] })}
          />
          <ListTransferMenu scope={listExportScope(view.q, total, view.filter)} onExport={setExporting} />
          <Button variant="light" onClick={() => setStarting(true)}>
            New conversation
          </Button>
          <Button onClick={() => setCreating(true)}>New contact</Button>
        </Group>
      </Group>
      <Group gap="xs" wrap="wrap" align="flex-start">
        <ListSearchBox
          value={boxText}
          onSearch={onSearch}
          error={searchError?.over === boxText ? searchError.error : null}
        />
        <FilterToggle filter={view.filter} opened={advanced} onToggle={() => setAdvanced(!advanced)} />
        <SavedSearchMenu
          onSaveView={() => setSaving('search')}
          onSaveSegment={filtered || view.q ? () => setSaving('segment') : null}
        />
        {params.get('segment') && (
          <Suspense fallback={null}>
            <SegmentEditBar segmentId={params.get('segment')!} filter={combinedFilter(view.q, view.filter)} />
          </Suspense>
        )}
        {openSaved && (
          <Suspense fallback={null}>
            <SavedSearchBar
              search={openSaved}
              view={view}
              onLeave={() => {
                const next = new URLSearchParams(params);
                next.delete('saved');
                setParams(next, { replace: true });
              }}
            />
          </Suspense>
        )}
      </Group>
      {advanced && (
        <Suspense fallback={<Skeleton h={120} radius="md" />}>
          <AdvancedSearchPanel
            fields={filterFields}
            filter={view.filter}
            q={view.q}
            onApply={(filter) => {
              setSearchError(null);
              updateView({ filter });
            }}
            onClose={() => setAdvanced(false)}
          />
        </Suspense>
      )}
      {selected > 0 && (
        <SelectionBar
          selected={selected}
          allMatching={selection.kind === 'all'}
          offerAll={
            selection.kind === 'rows' && pageSelected && total !== null && total > selection.rows.size
              ? { pageCount: pageRows.length, total }
              : null
          }
          searching={Boolean(view.q)}
          onSelectAll={() => setSelection(() => ({ kind: 'all' }))}
          onClear={() => setSelection(() => NO_SELECTION)}
          onAction={openBulk}
          onExport={() => setExporting(selectionExportScope(selection, view.q, selected, view.filter))}
        />
      )}
      {store.error !== null && !store.firstPageFailed && (
        <Alert color="red" role="alert" py={6}>
          <Group justify="space-between">
            <Text size="sm">Some contacts could not be loaded.</Text>
            <Button size="xs" variant="light" color="red" onClick={() => store.retry()}>
              Try again
            </Button>
          </Group>
        </Alert>
      )}
      {content}
      {bulk && (
        <Suspense fallback={null}>
          <BulkActionDialog {...bulk} onClose={() => setBulk(null)} onFinished={onFinished} />
        </Suspense>
      )}
      {creating && (
        <Suspense fallback={null}>
          <NewContactDialog opened onClose={() => setCreating(false)} />
        </Suspense>
      )}
      {starting && (
        <Suspense fallback={null}>
          <NewConversationDialog opened onClose={() => setStarting(false)} />
        </Suspense>
      )}
      {saving === 'search' && (
        <Suspense fallback={null}>
          <SaveSearchDialog
            view={view}
            onClose={() => setSaving(null)}
            onSaved={(search) => {
              const next = new URLSearchParams(params);
              next.set('saved', search.id);
              setParams(next, { replace: true });
            }}
          />
        </Suspense>
      )}
      {saving === 'segment' && (
        <Suspense fallback={null}>
          <SaveSegmentDialog
            filter={combinedFilter(view.q, view.filter) ?? { and: [] }}
            onClose={() => setSaving(null)}
            onSaved={(segment) => void navigate(`/segments/${encodeURIComponent(segment.id)}`)}
          />
        </Suspense>
      )}
      {exporting && (
        <Suspense fallback={null}>
          <ExportDialog {...exporting} onClose={() => setExporting(null)} />
        </Suspense>
      )}
    </Stack>
  );
}
