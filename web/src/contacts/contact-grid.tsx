import { VisuallyHidden } from '@mantine/core';
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import { useNavigate } from 'react-router';
import type { ContactSort } from '../../../src/shared/contact-schemas';
import type { Contact } from '../api/types';
import type { EditMove } from './cell-editor';
import { CellIssuePopover } from './cell-issue-popover';
import type { ListColumn, SortField } from './contact-columns';
import { ContactGridHeader, type PageCheck } from './contact-grid-header';
import { CHECK_COLUMN_WIDTH, ContactGridRow } from './contact-grid-row';
import classes from './contact-grid.module.css';
import type { ContactPageStore } from './contact-page-store';
import type { FormatContext } from './custom-value-format';
import { GridCellEditor } from './grid-cell-editor';
import { cellAfterKey, nextEditableColumn, parseCell, type GridCell } from './grid-keyboard';
import { isRowSelected, type ListSelection } from './list-selection';
import { useQuickEdit } from './use-quick-edit';
import { useVirtualRows } from './use-virtual-rows';
import type { VirtualWindow } from './virtual-window';

/** Height of a row, in pixels. */
export const ROW_HEIGHT = 36;
const HEADER_HEIGHT = 40;
const OVERSCAN = 4;

/** Props of the contact grid. */
export interface ContactGridProps {
  store: ContactPageStore;
  rowCount: number;
  columns: ListColumn[];
  sort: ContactSort;
  onSort(field: SortField): void;
  selection: ListSelection;
  onToggleRow(index: number, contact: Contact, shift: boolean): void;
  pageCheck: PageCheck;
  /** Reports the first row in view (the page it is on is the one "select page" selects). */
  onFirstVisibleChange(row: number): void;
  context: FormatContext;
  defaultCountry: string;
}

interface Editing {
  row: number;
  col: number;
  contactId: string;
  seed?: string;
}

/**
 * Rows are keyed by slot (row modulo a power of two above the rows rendered), so that a row scrolled out hands
 * its elements to the row scrolled in, and a jump updates the rendered rows rather than replacing them.
 */
function slotCount(rendered: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(rendered, 32)));
}

/** Scrolls a cell into view sideways, clear of the sticky checkbox and Name columns. */
function revealHorizontally(container: HTMLElement, element: HTMLElement, stickyWidth: number): void {
  if (element.closest(`.${classes.sticky}`)) return;
  const box = container.getBoundingClientRect();
  const cell = element.getBoundingClientRect();
  if (cell.left < box.left + stickyWidth) container.scrollLeft -= box.left + stickyWidth - cell.left;
  else if (cell.right > box.right) container.scrollLeft += cell.right - box.right;
}

/**
 * The virtualised contact grid (ARIA grid): one tab stop, arrow keys move between cells, Enter or F2 edits a
 * cell (F2 on the name), typing starts editing with what was typed, Space ticks the row's checkbox.
 */
export function ContactGrid(props: ContactGridProps) {
  const { store, rowCount, columns, selection, context, defaultCountry, onToggleRow, onFirstVisibleChange } =
    props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const initialScrollTop = useMemo(() => store.scrollTop, [store]);
  const onScroll = useCallback(
    (top: number, view: VirtualWindow) => {
      store.scrollTop = top;
      store.setRange(view.firstVisible, view.lastVisible);
    },
    [store],
  );
  const isLoaded = useCallback(
    (view: VirtualWindow) =>
      view.lastVisible < view.firstVisible ||
      (store.rowAt(view.firstVisible) !== undefined && store.rowAt(view.lastVisible) !== undefined),
    [store],
  );
  const { frame, scrollToRow } = useVirtualRows(scrollRef, {
    count: rowCount,
    rowHeight: ROW_HEIGHT,
    headerHeight: HEADER_HEIGHT,
    overscan: OVERSCAN,
    initialScrollTop,
    onScroll,
    isLoaded,
    subscribe: store.subscribe,
  });
  useSyncExternalStore(store.subscribe, store.getVersion);
  const navigate = useNavigate();
  const onOpen = useCallback(
    (contactId: string) => void navigate(`/contacts/${encodeURIComponent(contactId)}`),
    [navigate],
  );
  const quickEdit = useQuickEdit(store);
  const { dismissIssue } = quickEdit;
  const [active, setActive] = useState<GridCell>({ row: 0, col: 1 });
  const [editing, setEditing] = useState<Editing | null>(null);
  const focusWanted = useRef(false);
  const firstRowsMarked = useRef(false);

  useEffect(
    () => store.setRange(frame.firstVisible, frame.lastVisible),
    [store, frame.firstVisible, frame.lastVisible],
  );
  useEffect(() => onFirstVisibleChange(frame.firstVisible), [onFirstVisibleChange, frame.firstVisible]);
  useEffect(() => {
    if (!firstRowsMarked.current && store.rowAt(frame.firstVisible)) {
      firstRowsMarked.current = true;
      performance.mark('rolo:first-rows');
    }
  });

  const widths = useMemo(() => [CHECK_COLUMN_WIDTH, ...columns.map((c) => c.width)], [columns]);
  const template = useMemo(
    () => widths.map((w, i) => (i === widths.length - 1 ? `minmax(${w}px, 1fr)` : `${w}px`)).join(' '),
    [widths],
  );
  const totalWidth = widths.reduce((sum, w) => sum + w, 0);
  const stickyWidth = CHECK_COLUMN_WIDTH + (columns[0]?.width ?? 0);
  const colCount = columns.length + 1;
  const editable = useMemo(
    () => [false, ...columns.map((c) => c.id === 'name' || Boolean(c.edit))],
    [columns],
  );

  const activeCol = Math.min(active.col, colCount - 1);
  const activeRendered = active.row === -1 || (active.row >= frame.first && active.row <= frame.last);
  const tabCell: GridCell = activeRendered
    ? { row: active.row, col: activeCol }
    : { row: rowCount > 0 ? frame.firstVisible : -1, col: activeCol };

  useLayoutEffect(() => {
    const container = scrollRef.current;
    if (!container) return;
    const focused = document.activeElement;
    const focusedCell = focused instanceof HTMLElement ? parseCell(focused.getAttribute('data-cell')) : null;
    // A focused cell whose row scrolled away now shows another row (its slot was reused): let go of it.
    if (
      focused instanceof HTMLElement &&
      focusedCell &&
      container.contains(focused) &&
      focusedCell.row !== active.row
    )
      focused.blur();
    if (!focusWanted.current) return;
    const element = container.querySelector<HTMLElement>(`[data-cell="${active.row}:${activeCol}"]`);
    if (!element) return;
    focusWanted.current = false;
    element.focus({ preventScroll: true });
    revealHorizontally(container, element, stickyWidth);
  });

  const moveTo = useCallback(
    (cell: GridCell) => {
      setActive(cell);
      focusWanted.current = true;
      if (cell.row >= 0) scrollToRow(cell.row);
    },
    [scrollToRow],
  );

  const startEdit = useCallback(
    (row: number, col: number, seed?: string) => {
      const contact = store.rowAt(row);
      if (!contact) return;
      dismissIssue();
      setEditing({ row, col, contactId: contact.id, seed });
      setActive({ row, col });
    },
    [store, dismissIssue],
  );

  const finishEdit = (current: Editing, move: EditMove) => {
    if (move === 'next' || move === 'previous') {
      const next = nextEditableColumn(editable, current.col, move === 'previous');
      if (next !== null) {
        setEditing({ row: current.row, col: next, contactId: current.contactId });
        setActive({ row: current.row, col: next });
        return;
      }
    }
    setEditing(null);
    if (move !== 'away') moveTo({ row: current.row, col: current.col });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const cell = parseCell(target.getAttribute('data-cell'));
    if (!cell || editing) return;
    const pageRows = Math.max(1, frame.lastVisible - frame.firstVisible);
    const move = cellAfterKey(
      event.key,
      cell,
      { rowCount, colCount, pageRows },
      { ctrl: event.ctrlKey || event.metaKey },
    );
    if (move) {
      event.preventDefault();
      moveTo(move);
      return;
    }
    if (cell.row < 0) return;
    const contact = store.rowAt(cell.row);
    if (cell.col === 0) {
      if (event.key === ' ' && event.shiftKey && contact) {
        event.preventDefault();
        onToggleRow(cell.row, contact, true);
      }
      return;
    }
    const column = columns[cell.col - 1];
    if (!column || !editable[cell.col]) return;
    const typed =
      event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (column.id === 'name') {
      if (event.key === 'F2') {
        event.preventDefault();
        startEdit(cell.row, cell.col);
      }
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEdit(cell.row, cell.col);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      startEdit(cell.row, cell.col, '');
    } else if (typed) {
      event.preventDefault();
      startEdit(cell.row, cell.col, event.key);
    }
  };

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const cell = parseCell((event.target as HTMLElement).getAttribute('data-cell'));
    if (cell) setActive((current) => (current.row === cell.row && current.col === cell.col ? current : cell));
  };

  const editingContact = editing ? store.rowAt(editing.row) : undefined;
  const liveEditing = editing && editingContact?.id === editing.contactId ? editing : null;
  const editingColumn = liveEditing ? columns[liveEditing.col - 1] : undefined;
  const editor =
    liveEditing && editingContact && editingColumn ? (
      <GridCellEditor
        key={`${liveEditing.row}:${liveEditing.col}`}
        contact={editingContact}
        column={editingColumn}
        seed={liveEditing.seed}
        defaultCountry={defaultCountry}
        locale={context.locale}
        onSave={quickEdit.save}
        onDone={(move) => finishEdit(liveEditing, move)}
      />
    ) : null;

  const { issue } = quickEdit;
  let issueRow = -1;
  if (issue) {
    for (let row = frame.first; row <= frame.last; row++)
      if (store.rowAt(row)?.id === issue.contactId) issueRow = row;
  }
  const issueCol = issue ? columns.findIndex((c) => c.id === issue.columnId) + 1 : -1;

  const slots = slotCount(frame.last - frame.first + 1);
  const rows = [];
  for (let row = frame.first; row <= frame.last; row++) {
    const contact = store.rowAt(row);
    const isEditingRow = liveEditing?.row === row;
    rows.push(
      <ContactGridRow
        key={row % slots}
        index={row}
        contact={contact}
        columns={columns}
        template={template}
        top={frame.topOf(row)}
        height={ROW_HEIGHT}
        selected={contact ? isRowSelected(selection, contact.id) : false}
        tabCol={tabCell.row === row && !isEditingRow ? tabCell.col : -1}
        editingCol={isEditingRow ? liveEditing.col : -1}
        editor={isEditingRow ? editor : null}
        issueCol={row === issueRow ? issueCol : -1}
        context={context}
        hintId={hintId}
        onToggle={onToggleRow}
        onStartEdit={startEdit}
        onOpen={onOpen}
      />,
    );
  }

  return (
    <>
      <div
        ref={scrollRef}
        className={classes.grid}
        style={{ scrollPaddingTop: HEADER_HEIGHT, scrollPaddingLeft: stickyWidth }}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        <div
          role="grid"
          aria-label="Contacts"
          aria-rowcount={rowCount + 1}
          aria-colcount={colCount}
          aria-multiselectable="true"
          aria-busy={store.isLoadingFirstPage || undefined}
          style={{ minWidth: totalWidth, position: 'relative' }}
        >
          <ContactGridHeader
            columns={columns}
            template={template}
            height={HEADER_HEIGHT}
            sort={props.sort}
            onSort={props.onSort}
            pageCheck={props.pageCheck}
            tabCol={tabCell.row === -1 ? tabCell.col : -1}
          />
          <div role="rowgroup" className={classes.body} style={{ height: frame.spacerHeight }}>
            {rows}
          </div>
        </div>
        {issue && issueRow >= 0 && issueCol > 0 && (
          <CellIssuePopover
            issue={issue}
            rect={{
              top: HEADER_HEIGHT + frame.topOf(issueRow),
              left:
                issueCol === 1
                  ? (scrollRef.current?.scrollLeft ?? 0) + CHECK_COLUMN_WIDTH
                  : widths.slice(0, issueCol).reduce((sum, w) => sum + w, 0),
              width: widths[issueCol] ?? 0,
              height: ROW_HEIGHT,
            }}
            onReload={() => void quickEdit.reload(issue.contactId)}
            onDismiss={dismissIssue}
          />
        )}
      </div>
      <VisuallyHidden id={hintId}>Press Enter to edit</VisuallyHidden>
      <VisuallyHidden id={`${hintId}-name`}>Press F2 to edit the name</VisuallyHidden>
    </>
  );
}
