import { Typography } from '@mantine/core';
import ReactMarkdown, { type Components } from 'react-markdown';
import { safeWebLink } from '../custom-fields/value-checks';

const components: Components = {
  a: ({ href, children }) => {
    const link = href && /^https?:\/\//i.test(href) ? safeWebLink(href) : null;
    if (href?.startsWith('mailto:'))
      return (
        <a href={href} rel="noopener noreferrer">
          {children}
        </a>
      );
    return link ? (
      <a href={link} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    );
  },
  h1: ({ children }) => (
    <p>
      <strong>{children}</strong>
    </p>
  ),
  h2: ({ children }) => (
    <p>
      <strong>{children}</strong>
    </p>
  ),
  h3: ({ children }) => (
    <p>
      <strong>{children}</strong>
    </p>
  ),
};

/** A note's Markdown as safe HTML: no raw HTML, no images, links only http(s) or mailto and opened in a new tab. */
export function NoteMarkdown({ body }: { body: string }) {
  return (
    <Typography fz="sm" style={{ overflowWrap: 'anywhere' }}>
      <ReactMarkdown skipHtml disallowedElements={['img']} unwrapDisallowed components={components}>
        {body}
      </ReactMarkdown>
    </Typography>
  );
}
