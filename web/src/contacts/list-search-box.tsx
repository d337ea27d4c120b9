import { CloseButton, Kbd, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';

const DEBOUNCE_MS = 250;

/** Props of the search box. */
export interface ListSearchBoxProps {
  /** The search in effect (from the URL). */
  value: string;
  onSearch(q: string): void;
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

/** The list's search box: searches ~250 ms after typing stops (Enter at once); "/" focuses it, Escape clears it. */
export function ListSearchBox({ value, onSearch }: ListSearchBoxProps) {
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
      placeholder="Search name, phone, email…"
      w={{ base: '100%', sm: 320 }}
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
