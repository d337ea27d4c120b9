import { memo, type ReactNode } from 'react';
import type { Contact } from '../api/types';
import type { ListColumn } from './contact-columns';
import classes from './contact-grid.module.css';
import type { FormatContext } from './custom-value-format';
import { GridCheckbox } from './grid-checkbox';
import { TagChips } from './tag-chips';

/** Width of the selection column; the Name column sticks right after it. */
export const CHECK_COLUMN_WIDTH = 44;

/** Props of one grid row. */
export interface ContactGridRowProps {
  index: number;
  /** Undefined while the row's page loads: the row shows a skeleton of the same height. */
  contact: Contact | undefined;
  columns: ListColumn[];
  template: string;
  top: number;
  height: number;
  selected: boolean;
  /** The column whose cell is the grid's tab stop in this row, or -1. */
  tabCol: number;
  /** The column being edited in this row, or -1; `editor` is shown in its cell. */
  editingCol: number;
  editor: ReactNode;
  /** The column whose last save was refused, or -1. */
  issueCol: number;
  context: FormatContext;
  /** Id of the hidden "press Enter to edit" hint (and, with `-name`, of the one for the name). */
  hintId: string;
  onToggle(index: number, contact: Contact, shift: boolean): void;
  onStartEdit(index: number, col: number): void;
  /** Opens a contact's profile in the app (a plain click on the name; other clicks follow the link). */
  onOpen(contactId: string): void;
}

const cellKey = (row: number, col: number) => `${row}:${col}`;

/** Class names of a cell: sticky for the checkbox and Name columns, editable when a click edits it. */
function cellClass(col: number, column: ListColumn | undefined, editing: boolean, loaded: boolean): string {
  const names = [classes.cell];
  if (col < 2) names.push(classes.sticky);
  if (editing) names.push(classes.editing);
  else if (loaded && column?.edit) names.push(classes.editable);
  return names.join(' ');
}

/**
 * One row of the contact grid: selection checkbox, name link, then the chosen columns. A row whose page is still
 * loading keeps the same cells, empty, with skeleton bars drawn by CSS: when the page arrives only the cells'
 * contents change, which is what keeps a jump's second render cheap.
 */
export const ContactGridRow = memo(function ContactGridRow(props: ContactGridRowProps) {
  const { index, contact, columns, template, top, height, selected, tabCol, editingCol, issueCol } = props;
  const tabIndex = (col: number) => (col === tabCol ? 0 : -1);
  const style = { transform: `translateY(${top}px)`, height, gridTemplateColumns: template };
  const loaded = contact !== undefined;

  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={loaded ? selected : undefined}
      aria-busy={loaded ? undefined : true}
      className={classes.row}
      style={style}
    >
      <div
        role="gridcell"
        aria-label={loaded ? undefined : 'Loading'}
        className={cellClass(0, undefined, false, loaded)}
        style={{ left: 0 }}
        data-cell={loaded ? undefined : cellKey(index, 0)}
        tabIndex={loaded ? undefined : tabIndex(0)}
      >
        {contact && (
          <GridCheckbox
            label={`Select ${contact.name}`}
            checked={selected}
            onChange={(event) => props.onToggle(index, contact, (event.nativeEvent as MouseEvent).shiftKey)}
            tabIndex={tabIndex(0)}
            cell={cellKey(index, 0)}
          />
        )}
      </div>
      {columns.map((column, i) => {
        const col = i + 1;
        const editing = loaded && col === editingCol;
        const focusable = !loaded || (column.id !== 'name' && !editing);
        const text = contact && focusable ? column.text(contact, props.context) : '';
        return (
          <div
            key={column.id}
            role="gridcell"
            className={cellClass(col, column, editing, loaded)}
            style={col === 1 ? { left: CHECK_COLUMN_WIDTH } : undefined}
            data-align={column.align}
            data-issue={col === issueCol ? true : undefined}
            data-cell={focusable ? cellKey(index, col) : undefined}
            tabIndex={focusable ? tabIndex(col) : undefined}
            aria-describedby={loaded && focusable && column.edit ? props.hintId : undefined}
            onClick={loaded && focusable && column.edit ? () => props.onStartEdit(index, col) : undefined}
            title={text || undefined}
          >
            {contact && <CellContent {...props} contact={contact} column={column} col={col} text={text} />}
          </div>
        );
      })}
    </div>
  );
});

/** What a loaded cell shows: the editor, the name link, tag chips or the formatted value. */
function CellContent(
  props: ContactGridRowProps & { contact: Contact; column: ListColumn; col: number; text: string },
) {
  const { contact, column, col, index } = props;
  if (col === props.editingCol) return props.editor;
  if (column.id === 'name')
    return (
      <>
        <a
          href={`/contacts/${encodeURIComponent(contact.id)}`}
          onClick={(event) => {
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
              return;
            event.preventDefault();
            props.onOpen(contact.id);
          }}
          className={classes.nameLink}
          tabIndex={col === props.tabCol ? 0 : -1}
          data-cell={cellKey(index, col)}
          aria-describedby={`${props.hintId}-name`}
        >
          {contact.name}
        </a>
        <button
          type="button"
          className={classes.nameEdit}
          tabIndex={-1}
          aria-label={`Edit name of ${contact.name}`}
          onClick={() => props.onStartEdit(index, col)}
        >
          ✎
        </button>
      </>
    );
  if (column.display === 'tags') return <TagChips tags={contact.tags} />;
  return <span className={classes.value}>{props.text}</span>;
}
