import { VisuallyHidden } from '@mantine/core';
import type { Contact } from '../api/types';
import classes from './contact-grid.module.css';

const SHOWN = 3;

/** A contact's tags as small chips with their colour; the rest as "+N". */
export function TagChips({ tags }: { tags: Contact['tags'] }) {
  if (tags.length === 0) return null;
  const hidden = tags.length - SHOWN;
  return (
    <span className={classes.chips} title={tags.map((t) => t.name).join(', ')}>
      {tags.slice(0, SHOWN).map((tag) => (
        <span key={tag.id} className={classes.chip}>
          <span className={classes.chipDot} style={{ background: tag.color }} aria-hidden="true" />
          {tag.name}
        </span>
      ))}
      {hidden > 0 && (
        <span className={classes.more}>
          +{hidden}
          <VisuallyHidden> more</VisuallyHidden>
        </span>
      )}
    </span>
  );
}
