import type { ContactSort } from '../../../src/shared/contact-schemas';
import type { ListColumn, SortField } from './contact-columns';
import classes from './contact-grid.module.css';
import { CHECK_COLUMN_WIDTH } from './contact-grid-row';
import { GridCheckbox } from './grid-checkbox';
import { sortDirectionOf } from './list-view-params';

/** The state of the "select page" checkbox. */
export interface PageCheck {
  checked: boolean;
  indeterminate: boolean;
  disabled: boolean;
  onChange(): void;
}

/** Props of the header row. */
export interface ContactGridHeaderProps {
  columns: ListColumn[];
  template: string;
  height: number;
  sort: ContactSort;
  onSort(field: SortField): void;
  pageCheck: PageCheck;
  /** The header column that is the grid's tab stop, or -1. */
  tabCol: number;
}

const MARKS = { ascending: '▲', descending: '▼', none: '' } as const;

/** The sticky header row: "select page", then each column; the sortable ones sort on click and show aria-sort. */
export function ContactGridHeader({
  columns,
  template,
  height,
  sort,
  onSort,
  pageCheck,
  tabCol,
}: ContactGridHeaderProps) {
  const tabIndex = (col: number) => (col === tabCol ? 0 : -1);
  return (
    <div role="rowgroup" className={classes.header}>
      <div
        role="row"
        aria-rowindex={1}
        className={classes.headerRow}
        style={{ gridTemplateColumns: template, height }}
      >
        <div role="columnheader" className={`${classes.headerCell} ${classes.sticky}`} style={{ left: 0 }}>
          <GridCheckbox
            label="Select page"
            checked={pageCheck.checked}
            indeterminate={pageCheck.indeterminate}
            disabled={pageCheck.disabled}
            onChange={pageCheck.onChange}
            tabIndex={tabIndex(0)}
            cell="-1:0"
          />
        </div>
        {columns.map((column, i) => {
          const col = i + 1;
          const sticky = col === 1 ? { left: CHECK_COLUMN_WIDTH } : undefined;
          const className = `${classes.headerCell} ${sticky ? classes.sticky : ''}`;
          if (!column.sort)
            return (
              <div
                key={column.id}
                role="columnheader"
                className={className}
                style={{ ...sticky, justifyContent: column.align === 'end' ? 'flex-end' : undefined }}
                tabIndex={tabIndex(col)}
                data-cell={`-1:${col}`}
              >
                {column.label}
              </div>
            );
          const field = column.sort;
          const direction = sortDirectionOf(sort, field);
          return (
            <div
              key={column.id}
              role="columnheader"
              aria-sort={direction}
              className={className}
              style={sticky}
            >
              <button
                type="button"
                className={`${classes.sortButton} ${classes.focusable}`}
                data-active={direction !== 'none' ? true : undefined}
                onClick={() => onSort(field)}
                tabIndex={tabIndex(col)}
                data-cell={`-1:${col}`}
              >
                {column.label}
                <span className={classes.sortMark} aria-hidden="true">
                  {MARKS[direction] || '↕'}
                </span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
