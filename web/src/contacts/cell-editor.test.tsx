// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Contact, CustomField } from '../api/types';
import { CellEditor } from './cell-editor';
import { customFieldColumn, STANDARD_COLUMNS } from './contact-columns';

beforeAll(() => {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(cleanup);

const contact = { id: 'c1', name: 'Ana Lima', phone: '+14155552671', email: 'ana@example.com' } as Contact;
const phone = STANDARD_COLUMNS.find((c) => c.id === 'phone')!.edit!;

function renderEditor(seed?: string) {
  const onCommit = vi.fn();
  const onCancel = vi.fn();
  render(
    <MantineProvider>
      <CellEditor
        contact={contact}
        label="Phone of Ana Lima"
        edit={phone}
        seed={seed}
        defaultCountry="US"
        onCommit={onCommit}
        onCancel={onCancel}
      />
    </MantineProvider>,
  );
  return { onCommit, onCancel, input: screen.getByLabelText('Phone of Ana Lima') };
}

describe('CellEditor', () => {
  it('starts from the formatted value, focused, and saves the normalised number on Enter', async () => {
    const { onCommit, input } = renderEditor();
    expect(input).toHaveProperty('value', '+1 415 555 2671');
    expect(document.activeElement).toBe(input);
    await userEvent.clear(input);
    await userEvent.type(input, '(202) 555-0123');
    expect(await screen.findByText('Saved as +1 202 555 0123')).toBeTruthy();
    await userEvent.keyboard('{Enter}');
    expect(onCommit).toHaveBeenCalledWith('+12025550123', 'stay');
  });

  it('cancels on Escape without saving', async () => {
    const { onCommit, onCancel, input } = renderEditor();
    await userEvent.type(input, '9');
    await userEvent.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledOnce();
    expect(onCommit).not.toHaveBeenCalled();
  });

  it('keeps an invalid value open with the error beside it', async () => {
    const { onCommit, input } = renderEditor('1234');
    await userEvent.keyboard('{Enter}');
    expect(onCommit).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect((await screen.findByRole('alert', { hidden: true })).textContent).toMatch(
      /Not a valid phone number/,
    );
  });

  it('saves and moves with Tab and Shift+Tab, and reports an unchanged value as no change', async () => {
    const first = renderEditor('+1 212 736 5000');
    await userEvent.keyboard('{Tab}');
    expect(first.onCommit).toHaveBeenCalledWith('+12127365000', 'next');
    cleanup();
    const second = renderEditor();
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(second.onCommit).toHaveBeenCalledWith(undefined, 'previous');
  });

  it('picks the first matching choice when a key is typed on a select cell', async () => {
    const plan = customFieldColumn({
      key: 'plan',
      label: 'Plan',
      type: 'select',
      options: { choices: ['Free', 'Pro'] },
      group: null,
    } as CustomField).edit!;
    const onCommit = vi.fn();
    render(
      <MantineProvider>
        <CellEditor
          contact={{ ...contact, custom: { plan: 'Free' } }}
          label="Plan of Ana Lima"
          edit={plan}
          seed="p"
          defaultCountry="US"
          onCommit={onCommit}
          onCancel={() => undefined}
        />
      </MantineProvider>,
    );
    expect(screen.getByLabelText('Plan of Ana Lima')).toHaveProperty('value', 'Pro');
    await userEvent.keyboard('{Enter}');
    expect(onCommit).toHaveBeenCalledWith('Pro', 'stay');
  });

  it('clears the value when emptied', async () => {
    const { onCommit, input } = renderEditor();
    await userEvent.clear(input);
    await userEvent.keyboard('{Enter}');
    expect(onCommit).toHaveBeenCalledWith(null, 'stay');
  });
});
