// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TextComposer } from './text-composer';

function Harness({ onSubmit }: { onSubmit(text: string): void }) {
  const [text, setText] = useState('');
  return <TextComposer value={text} onChange={setText} onSubmit={() => onSubmit(text)} />;
}

describe('text composer', () => {
  beforeAll(() => {
    window.matchMedia ??= (query: string) =>
      ({
        matches: false,
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      }) as unknown as MediaQueryList;
    if (!('fonts' in document))
      Object.defineProperty(document, 'fonts', {
        value: { addEventListener: () => undefined, removeEventListener: () => undefined },
      });
  });
  afterEach(cleanup);

  it('sends on Enter and on Ctrl+Enter, and starts a new line on Shift+Enter', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    render(
      <MantineProvider>
        <Harness onSubmit={onSubmit} />
      </MantineProvider>,
    );
    const box = screen.getByLabelText('Message') as HTMLTextAreaElement;
    await user.type(box, 'Hello{Shift>}{Enter}{/Shift}there');
    expect(box.value).toBe('Hello\nthere');
    expect(onSubmit).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenLastCalledWith('Hello\nthere');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(onSubmit).toHaveBeenCalledTimes(2);
    expect(box.value).toBe('Hello\nthere');
  });
});
