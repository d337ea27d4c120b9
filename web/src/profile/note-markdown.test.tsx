// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NoteMarkdown } from './note-markdown';

const renderNote = (body: string) =>
  render(
    <MantineProvider>
      <NoteMarkdown body={body} />
    </MantineProvider>,
  ).container;

describe('note markdown', () => {
  beforeAll(() => {
    window.matchMedia ??= (query: string) =>
      ({
        matches: false,
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      }) as unknown as MediaQueryList;
  });
  afterEach(cleanup);

  it('renders Markdown and opens web links in a new tab without access to this page', () => {
    const container = renderNote('Called about the **order**. See [tracking](https://example.com/t).');
    expect(container.querySelector('strong')?.textContent).toBe('order');
    const link = container.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.com/t');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('never renders raw HTML, images or script links', () => {
    const container = renderNote(
      '<img src=x onerror="alert(1)"><b>raw</b> ![pic](https://example.com/p.png) [bad](javascript:alert(1))',
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toContain('bad');
    expect(container.innerHTML).not.toContain('onerror');
  });
});
