import { Alert, Stack } from '@mantine/core';
import { SectionHeader } from './section-header';

/** Props of the admin-only notice. */
export interface AdminOnlyNoticeProps {
  title: string;
  /** What only admins manage, in a sentence: "team members". */
  what: string;
}

/** Shown to agents who open an admin-only section by its URL. */
export function AdminOnlyNotice({ title, what }: AdminOnlyNoticeProps) {
  return (
    <Stack>
      <SectionHeader title={title} />
      <Alert color="yellow" title={`Only admins can manage ${what}`} role="status">
        Your role is agent. Ask an admin or the owner of this workspace if you need a change here.
      </Alert>
    </Stack>
  );
}
