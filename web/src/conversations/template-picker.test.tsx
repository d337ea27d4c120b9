// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Template } from '../api/types';
import { EMPTY_TEMPLATE_DRAFT, templateMessage, type TemplateDraft } from './outgoing-message';
import { TemplatePicker } from './template-picker';

const templates: Template[] = [
  {
    name: 'hello_world',
    language: 'en_US',
    category: 'UTILITY',
    status: 'APPROVED',
    body: 'Welcome!',
    parameterCount: 0,
  },
  {
    name: 'order_update',
    language: 'en_US',
    category: 'UTILITY',
    status: 'APPROVED',
    body: 'Hello {{1}}, your order {{2}} has shipped.',
    parameterCount: 2,
  },
];

let latest: TemplateDraft = EMPTY_TEMPLATE_DRAFT;

function Harness() {
  const [draft, setDraft] = useState<TemplateDraft>(EMPTY_TEMPLATE_DRAFT);
  latest = draft;
  return <TemplatePicker templates={templates} draft={draft} onChange={setDraft} />;
}

describe('template picker', () => {
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

  it('asks one value per placeholder and previews the message as it will be sent', async () => {
    const user = userEvent.setup();
    render(
      <MantineProvider>
        <Harness />
      </MantineProvider>,
    );
    await user.click(screen.getByRole('combobox', { name: /^Template/ }));
    await user.click(await screen.findByText(/^order_update/));

    const preview = screen.getByTestId('template-preview');
    expect(preview.textContent).toBe('Hello {{1}}, your order {{2}} has shipped.');
    expect(preview.querySelectorAll('mark')).toHaveLength(2);

    await user.type(screen.getByLabelText(/Value for \{\{1\}\}/), 'Ana');
    expect(preview.textContent).toBe('Hello Ana, your order {{2}} has shipped.');
    expect(templateMessage(templates[1], latest)).toBeNull();

    await user.type(screen.getByLabelText(/Value for \{\{2\}\}/), '#1042');
    expect(preview.textContent).toBe('Hello Ana, your order #1042 has shipped.');
    expect(preview.querySelector('strong')?.textContent).toBe('Ana');
    expect(templateMessage(templates[1], latest)).toEqual({
      template: { name: 'order_update', language: 'en_US', parameters: ['Ana', '#1042'] },
    });
  });

  it('needs no values for a template without placeholders', async () => {
    const user = userEvent.setup();
    render(
      <MantineProvider>
        <Harness />
      </MantineProvider>,
    );
    await user.click(screen.getByRole('combobox', { name: /^Template/ }));
    await user.click(await screen.findByText(/^hello_world/));
    expect(screen.queryByLabelText(/Value for/)).toBeNull();
    expect(screen.getByTestId('template-preview').textContent).toBe('Welcome!');
    expect(templateMessage(templates[0], latest)).toEqual({
      template: { name: 'hello_world', language: 'en_US', parameters: [] },
    });
  });
});
