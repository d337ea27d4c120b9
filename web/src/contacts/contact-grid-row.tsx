import { memo, type ReactNode } from 'react';
import { Link } from 'react-router';
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
}

const cellKey = (row: number, col: number) => `${row}:${col}`;
/** Skeleton bar widths (percent), varied so that loading rows look like text rather than a grid of bars. */
const SKELETON_WIDTHS = [62, 48, 75, 55, 68, 42, 80];

/** One row of the contact grid: selection checkbox, name link, then the chosen columns. */
export const ContactGridRow = memo(function ContactGridRow(props: ContactGridRowProps) {
  const { index, contact, columns, template, top, height, selected, tabCol, editingCol, editor, issueCol } =
    props;
  const tabIndex = (col: number) => (col === tabCol ? 0 : -1);
  const style = { transform: `translateY(${top}px)`, height, gridTemplateColumns: template };

  if (!contact) {
    return (
      <div role="row" aria-rowindex={index + 2} aria-busy="true" className={classes.row} style={style}>
        {[{ id: 'select' }, ...columns].map((column, col) => (
          <div
            key={column.id}
            role="gridcell"
            aria-label={col === 0 ? 'Loading' : undefined}
            className={`${classes.cell} ${col < 2 ? classes.sticky : ''}`}
            style={col < 2 ? { left: col === 0 ? 0 : CHECK_COLUMN_WIDTH } : undefined}
            data-cell={cellKey(index, col)}
            tabIndex={tabIndex(col)}
          >
            {col > 0 && (
              <span
                className={classes.skeleton}
                style={{ width: `${SKELETON_WIDTHS[(index + col) % SKELETON_WIDTHS.length]}%` }}
                aria-hidden="true"
              />
            )}
          </div>
        ))}
      </div>
    );
  }

  return (
    <div role="row" aria-rowindex={index + 2} aria-selected={selected} className={classes.row} style={style}>
      <div role="gridcell" className={`${classes.cell} ${classes.sticky}`} style={{ left: 0 }}>
        <GridCheckbox
          label={`Select ${contact.name}`}
          checked={selected}
          onChange={(event) => props.onToggle(index, contact, (event.nativeEvent as MouseEvent).shiftKey)}
          tabIndex={tabIndex(0)}
          cell={cellKey(index, 0)}
        />
      </div>
      {columns.map((column, i) => {
        const col = i + 1;
        const editing = col === editingCol;
        const sticky = col === 1;
        const className = [
          classes.cell,
          sticky ? classes.sticky : '',
          editing ? classes.editing : '',
          column.edit && !editing ? classes.editable : '',
        ].join(' ');
        const cellProps = {
          role: 'gridcell',
          className,
          style: sticky ? { left: CHECK_COLUMN_WIDTH } : undefined,
          'data-align': column.align,
          'data-issue': col === issueCol ? true : undefined,
        };
        if (editing)
          return (
            <div key={column.id} {...cellProps}>
              {editor}
            </div>
          );
        if (column.id === 'name')
          return (
            <div key={column.id} {...cellProps}>
              <Link
                to={`/contacts/${encodeURIComponent(contact.id)}`}
                className={classes.nameLink}
                tabIndex={tabIndex(col)}
                data-cell={cellKey(index, col)}
                aria-describedby={`${props.hintId}-name`}
              >
                {contact.name}
              </Link>
              <button
                type="button"
                className={classes.nameEdit}
                tabIndex={-1}
                aria-label={`Edit name of ${contact.name}`}
                onClick={() => props.onStartEdit(index, col)}
              >
                ✎
              </button>
            </div>
          );
        const text = column.text(contact, props.context);
        return (
          <div
            key={column.id}
            {...cellProps}
            tabIndex={tabIndex(col)}
            data-cell={cellKey(index, col)}
            aria-describedby={column.edit ? props.hintId : undefined}
            onClick={column.edit ? () => props.onStartEdit(index, col) : undefined}
            title={text || undefined}
          >
            {column.display === 'tags' ? (
              <TagChips tags={contact.tags} />
            ) : (
              <span className={classes.value}>{text}</span>
            )}
            {column.edit && (
              <span className={classes.pencil} aria-hidden="true">
                ✎
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
});
