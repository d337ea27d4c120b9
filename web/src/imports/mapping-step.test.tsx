// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ImportTarget } from '../../../src/shared/import-schemas';
import { mappingProblems } from './import-mapping';
import { MappingStep } from './mapping-step';

const HEADERS = ['Full name', 'Mobile', 'Office'];
const PREVIEW = [
  ['Ana <b>Souza</b>', '+55 11 91234 5678', ''],
  ['Bo Li', '', '+1 202 555 0100'],
  ['Cy', '+44 20 7946 0000', '+1 202 555 0101'],
];

/** The step with its state, as the wizard holds it. */
function Harness({ initial }: { initial: ImportTarget[] }) {
  const [mapping, setMapping] = useState(initial);
  return (
    <MantineProvider env="test">
      <MappingStep
        headers={HEADERS}
        preview={PREVIEW}
        mapping={mapping}
        problems={mappingProblems(mapping, HEADERS, [])}
        customFields={[]}
        onChange={setMapping}
      />
    </MantineProvider>
  );
}

describe('mapping step', () => {
  beforeAll(() => {
    window.matchMedia ??= (query: string) =>
      ({
        matches: false,
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      }) as unknown as MediaQueryList;
    globalThis.ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
    Element.prototype.scrollIntoView ??= () => undefined;
  });
  afterEach(cleanup);

  it('shows each column with two samples as text, and the proposed target', () => {
    render(
      <Harness
        initial={[{ kind: 'field', field: 'name' }, { kind: 'field', field: 'phone' }, { kind: 'ignore' }]}
      />,
    );
    const row = screen.getByRole('row', { name: /Full name/ });
    expect(within(row).getByText('Ana <b>Souza</b>')).toBeTruthy();
    expect(within(row).getByText('Bo Li')).toBeTruthy();
    expect(within(row).queryByText('Cy')).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Import “Mobile” as' })).toHaveProperty('value', 'Phone');
    expect(screen.getByRole('combobox', { name: 'Import “Office” as' })).toHaveProperty(
      'value',
      'Ignore this column',
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('lists the targets in groups and refuses a standard field chosen twice, inline', async () => {
    const user = userEvent.setup();
    render(
      <Harness
        initial={[{ kind: 'field', field: 'name' }, { kind: 'field', field: 'phone' }, { kind: 'ignore' }]}
      />,
    );
    await user.click(screen.getByRole('combobox', { name: 'Import “Office” as' }));
    const listbox = await screen.findByRole('listbox', { name: 'Import “Office” as' });
    const groups = [...listbox.querySelectorAll('.mantine-Select-groupLabel')].map((e) => e.textContent);
    expect(groups).toEqual([
      'Standard fields',
      'New custom field',
      'Tags',
      'Consent',
      'Per-row phone country',
      'Ignore',
    ]);
    await user.click(within(listbox).getByRole('option', { name: 'Phone' }));
    const office = screen.getByRole('combobox', { name: 'Import “Office” as' });
    expect(office.getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getByText('Phone is already filled from “Mobile”; choose another target or Ignore'),
    ).toBeTruthy();
    expect(
      screen.getByRole('combobox', { name: 'Import “Mobile” as' }).getAttribute('aria-invalid'),
    ).not.toBe('true');
  });

  it('warns when no column gives a name, phone or email, and asks a new field’s name and type', async () => {
    const user = userEvent.setup();
    render(<Harness initial={[{ kind: 'ignore' }, { kind: 'ignore' }, { kind: 'ignore' }]} />);
    expect(screen.getByRole('alert').textContent).toContain('No column says who the contact is');
    await user.click(screen.getByRole('combobox', { name: 'Import “Office” as' }));
    await user.click(await screen.findByRole('option', { name: 'New custom field…' }));
    expect(screen.getByRole('textbox', { name: 'Name of the new field for “Office”' })).toHaveProperty(
      'value',
      'Office',
    );
  });
});
