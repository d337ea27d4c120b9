import type { Services } from './services.js';
import { seedDemoData } from './seed/demo-data.js';

/** What the first start created, to tell the person who started it. */
export interface FirstRunResult {
  workspaceId: string;
  email: string;
  password: string;
  demoContacts: number;
}

/** The owner account created on first start. */
export const FIRST_OWNER_EMAIL = 'owner@rolo.local';

/** On an empty database: creates a workspace and its owner, and loads demo data unless told not to. */
export async function runFirstStart(
  services: Services,
  options: { demoData: boolean },
): Promise<FirstRunResult | null> {
  if (await services.workspaces.findDefaultWorkspace()) return null;
  const workspace = await services.workspaces.createWorkspace('My Business', 'US');
  const { user, password } = await services.users.createUser(workspace.id, {
    email: FIRST_OWNER_EMAIL,
    name: 'Owner',
    role: 'owner',
  });
  const demoContacts = options.demoData ? await seedDemoData(services, workspace.id, user.id) : 0;
  return { workspaceId: workspace.id, email: FIRST_OWNER_EMAIL, password: password ?? '', demoContacts };
}

/** Connects the number the environment names (WHATSAPP_PHONE_NUMBER_ID…) to the first workspace, once. */
export async function connectEnvironmentChannel(services: Services): Promise<void> {
  const workspace = await services.workspaces.findDefaultWorkspace();
  if (workspace) await services.channels.connectFromEnvironment(workspace.id);
}
