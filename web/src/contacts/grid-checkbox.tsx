import type { ChangeEvent } from 'react';
import classes from './contact-grid.module.css';

/** Props of a grid checkbox. */
export interface GridCheckboxProps {
  label: string;
  checked: boolean;
  indeterminate?: boolean;
  disabled?: boolean;
  tabIndex: number;
  cell: string;
  onChange(event: ChangeEvent<HTMLInputElement>): void;
}

/** A native checkbox for grid rows and the header: dozens render on every scroll, so it stays this light. */
export function GridCheckbox({ label, indeterminate = false, cell, ...props }: GridCheckboxProps) {
  return (
    <input
      type="checkbox"
      aria-label={label}
      data-cell={cell}
      className={classes.checkbox}
      ref={(input) => {
        if (input) input.indeterminate = indeterminate;
      }}
      {...props}
    />
  );
}
