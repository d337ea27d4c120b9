import { workspaceSchema, workspaceUpdateSchema } from '../../shared/workspace-schemas.js';
import { requireRole } from '../auth/principal.js';
import { principalOf, type ApiInstance } from '../http/api-instance.js';
import type { Services } from '../services.js';

const tags = ['Workspace'];

/** The caller's workspace and its settings. */
export function registerWorkspaceRoutes(api: ApiInstance, { workspaces }: Services): void {
  api.get(
    '/workspace',
    { schema: { tags, summary: 'The current workspace', response: { 200: workspaceSchema } } },
    async (request) => workspaces.getWorkspace(principalOf(request).workspaceId),
  );
  api.patch(
    '/workspace',
    {
      schema: {
        tags,
        summary: 'Change name, default country or note types (admin)',
        body: workspaceUpdateSchema,
        response: { 200: workspaceSchema },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      requireRole(principal, 'admin');
      return workspaces.updateWorkspace(principal.workspaceId, request.body);
    },
  );
}
