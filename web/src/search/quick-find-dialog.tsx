import { Box, Kbd, Loader, Modal, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useId, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import type { QuickSearchHit } from '../../../src/shared/quick-search-schemas';
import { formatPhone } from '../ui/phone-format';
import { useQuickFind } from './quick-find-query';

/** Typing pauses this long before quick find asks the server (it answers in a few milliseconds). */
const DEBOUNCE_MS = 120;

const detailsOf = (hit: QuickSearchHit) =>
  [formatPhone(hit.phone), hit.email, hit.company].filter(Boolean).join(' · ');

/** Quick find's dialog: a box to type in and the best matches below it, chosen with the arrow keys and Enter. */
export function QuickFindDialog({ onClose }: { onClose(): void }) {
  const [text, setText] = useState('');
  const [settled] = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const results = useQuickFind(settled);
  const hits = settled && text.trim() ? (results.data ?? []) : [];
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(0, hits.length - 1));
  const navigate = useNavigate();
  const listId = useId();

  const open = (hit: QuickSearchHit) => {
    onClose();
    void navigate(`/contacts/${hit.id}`);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(Math.min(Math.max(current + step, 0), Math.max(0, hits.length - 1)));
    } else if (event.key === 'Enter') {
      const hit = hits[current];
      if (hit) open(hit);
    }
  };

  const status = !text.trim()
    ? 'Type a name, phone number, email or company.'
    : results.isError
      ? 'Search failed. Try again.'
      : settled && !results.isFetching && hits.length === 0
        ? `No contact matches “${text.trim()}”.`
        : null;

  return (
    <Modal opened onClose={onClose} title="Find a contact" size="lg" yOffset="12vh">
      <TextInput
        data-autofocus
        role="combobox"
        aria-label="Find a contact"
        aria-autocomplete="list"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={hits.length > 0 ? `${listId}-${current}` : undefined}
        placeholder="Name, phone, email or company"
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        rightSection={results.isFetching ? <Loader size="xs" /> : null}
      />
      <Box role="listbox" id={listId} aria-label="Contacts found" mt="xs">
        {hits.map((hit, index) => (
          <Box
            key={hit.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === current}
            px="sm"
            py={6}
            style={{
              borderRadius: 'var(--mantine-radius-sm)',
              cursor: 'pointer',
              background: index === current ? 'var(--mantine-color-default-hover)' : undefined,
            }}
            onMouseEnter={() => setActive(index)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => open(hit)}
          >
            <Text size="sm" fw={500}>
              {hit.name}
            </Text>
            {detailsOf(hit) && (
              <Text size="xs" c="dimmed">
                {detailsOf(hit)}
              </Text>
            )}
          </Box>
        ))}
      </Box>
      {status && (
        <Text size="sm" c="dimmed" mt="xs" role="status">
          {status}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> to choose, <Kbd size="xs">Enter</Kbd> to open,{' '}
        <Kbd size="xs">Esc</Kbd> to close
      </Text>
    </Modal>
  );
}
