import { CloseButton, Kbd, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import type { FilterTextError } from '../../../src/shared/filter/filter-text';

const DEBOUNCE_MS = 250;

/** Props of the search box. */
export interface ListSearchBoxProps {
  /** The search in effect: plain words and filters in their text form (see docs/search.md). */
  value: string;
  onSearch(text: string): void;
  /** Why the text typed last could not be read, with where. */
  error?: FilterTextError | null;
}

function SearchGlyph() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <line
        x1="11"
        y1="11"
        x2="14.5"
        y2="14.5"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      />
    </svg>
  );
}

/**
 * The list's search box: words and filters such as `tag:VIP ltv>=5000`; searches ~250 ms after typing stops
 * (Enter at once); "/" focuses it, Escape clears it.
 */
export function ListSearchBox({ value, onSearch, error }: ListSearchBoxProps) {
  const [text, setText] = useState(value);
  const pushed = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);
  useHotkeys([['/', () => input.current?.focus()]]);

  useEffect(() => {
    if (value !== pushed.current) {
      pushed.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const push = (next: string) => {
    clearTimeout(timer.current);
    const q = next.trim();
    if (q === pushed.current) return;
    pushed.current = q;
    onSearch(q);
  };

  return (
    <TextInput
      ref={input}
      type="search"
      aria-label="Search contacts"
      placeholder="Search, or filter: tag:VIP city:Lima"
      w={{ base: '100%', sm: 520 }}
      error={error ? `${error.message} (at character ${error.position + 1})` : undefined}
      leftSection={<SearchGlyph />}
      rightSection={
        text ? (
          <CloseButton
            size="sm"
            aria-label="Clear search"
            onClick={() => {
              setText('');
              push('');
              input.current?.focus();
            }}
          />
        ) : (
          <Kbd size="xs" aria-hidden="true">
            /
          </Kbd>
        )
      }
      value={text}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => push(next), DEBOUNCE_MS);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') push(text);
        if (event.key === 'Escape' && text) {
          event.preventDefault();
          setText('');
          push('');
        }
      }}
    />
  );
}
