import { useSession } from '../../auth/session-context';
import { ErrorPanel } from '../../ui/error-panel';
import { PageLoader } from '../../ui/page-loader';
import { SectionHeader } from '../section-header';
import { WorkspaceForm } from './workspace-form';
import { useWorkspaceSettings } from './workspace-query';

/** Settings › Workspace: name, default country for phone numbers, note types. */
export function WorkspaceSection() {
  const { isAdmin } = useSession();
  const workspace = useWorkspaceSettings();
  return (
    <>
      <SectionHeader title="Workspace" description="Settings that apply to everyone in this workspace." />
      {workspace.isPending ? (
        <PageLoader label="Loading the workspace" />
      ) : workspace.isError ? (
        <ErrorPanel error={workspace.error} onRetry={() => void workspace.refetch()} />
      ) : (
        <WorkspaceForm key={workspace.data.updatedAt} workspace={workspace.data} canEdit={isAdmin} />
      )}
    </>
  );
}
