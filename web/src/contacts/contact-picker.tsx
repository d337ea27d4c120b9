import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, queryString } from '../api/api-client';
import type { Contact, Page } from '../api/types';
import { queryKeys } from '../api/workspace-queries';
import { formatPhone } from '../ui/phone-format';

/** Props of the contact picker. */
export interface ContactPickerProps {
  value: Contact | null;
  onChange(contact: Contact | null): void;
  error?: string;
  disabled?: boolean;
}

const LIMIT = 10;

const optionLabel = (contact: Contact) =>
  contact.phone ? `${contact.name} · ${formatPhone(contact.phone)}` : contact.name;

/** Finds a contact by name, phone or email (the first 10 matches, searched as you type). */
export function ContactPicker({ value, onChange, error, disabled }: ContactPickerProps) {
  const [search, setSearch] = useState('');
  const [settled] = useDebouncedValue(search.trim(), 250);
  const results = useQuery({
    queryKey: [...queryKeys.contacts, 'picker', settled],
    queryFn: async ({ signal }) =>
      (await api.get<Page<Contact>>(`/contacts${queryString({ q: settled, limit: LIMIT })}`, { signal }))
        .data,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const found = results.data ?? [];
  const contacts = value && !found.some((contact) => contact.id === value.id) ? [value, ...found] : found;
  return (
    <Select
      label="Contact"
      placeholder="Type a name, phone or email"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={contacts.map((contact) => ({ value: contact.id, label: optionLabel(contact) }))}
      filter={({ options }) => options}
      value={value?.id ?? null}
      onChange={(id) => onChange(contacts.find((contact) => contact.id === id) ?? null)}
      nothingFoundMessage={results.isFetching ? 'Searching…' : 'No contact matches'}
      error={error}
      readOnly={disabled}
      clearable
      comboboxProps={{ withinPortal: true }}
      data-autofocus
    />
  );
}
