// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CustomFieldDialog } from './custom-field-dialog';

function renderDialog(onClose = vi.fn()) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <CustomFieldDialog groups={['SaaS']} onClose={onClose} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return onClose;
}

function answer(status: number, body: unknown) {
  return vi.fn(
    async () =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );
}

describe('custom field dialog', () => {
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
    if (!('fonts' in document))
      Object.defineProperty(document, 'fonts', {
        value: { addEventListener: () => undefined, removeEventListener: () => undefined },
      });
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('sends the derived key and shows the server’s refusal on the key field', async () => {
    const fetch = answer(409, {
      code: 'conflict',
      detail: 'A custom field with key "plan" already exists',
      errors: [{ path: 'key', message: 'is already used' }],
    });
    vi.stubGlobal('fetch', fetch);
    const onClose = renderDialog();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Label/), 'Plan');
    expect((screen.getByLabelText(/^Key/) as HTMLInputElement).value).toBe('plan');
    await user.click(screen.getByRole('button', { name: 'Create field' }));

    await screen.findByText('is already used');
    expect(screen.getByLabelText(/^Key/).getAttribute('aria-invalid')).toBe('true');
    expect(onClose).not.toHaveBeenCalled();
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/custom-fields');
    expect(JSON.parse(String(init.body))).toEqual({
      key: 'plan',
      label: 'Plan',
      type: 'text',
      options: {},
      group: null,
      description: null,
      required: false,
    });
  });

  it('does not send a select without choices, then sends the choices in the order arranged', async () => {
    const fetch = answer(201, { id: 'f1', key: 'store', label: 'Store' });
    vi.stubGlobal('fetch', fetch);
    const onClose = renderDialog();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Label/), 'Store');
    await user.click(screen.getByRole('combobox', { name: /^Type/ }));
    await user.click(await screen.findByText('Select (one choice)'));
    await user.click(screen.getByRole('button', { name: 'Create field' }));
    expect(screen.getByText('Add at least one choice')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();

    for (const choice of ['Downtown', 'Airport', 'downtown'])
      await user.type(screen.getByLabelText('New choice'), `${choice}{Enter}`);
    expect(screen.getByText('"downtown" is a choice already')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Move Airport up' }));
    await user.click(screen.getByRole('button', { name: 'Create field' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toMatchObject({
      type: 'select',
      options: { choices: ['Airport', 'Downtown'] },
    });
  });
});
