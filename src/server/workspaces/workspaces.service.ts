import type { z } from 'zod';
import {
  BUILT_IN_NOTE_TYPES,
  type Workspace,
  type workspaceUpdateSchema,
} from '../../shared/workspace-schemas.js';
import { nowIso } from '../clock.js';
import { newId } from '../db/new-id.js';
import type { WorkspacesTable } from '../db/schema.js';
import { notFound } from '../http/errors.js';
import type { WorkspacesRepository } from './workspaces.repository.js';

interface StoredSettings {
  noteTypes?: string[];
}

function toWorkspace(row: WorkspacesTable): Workspace {
  const settings = JSON.parse(row.settings) as StoredSettings;
  return {
    id: row.id,
    name: row.name,
    defaultCountry: row.default_country,
    noteTypes: [...BUILT_IN_NOTE_TYPES, ...(settings.noteTypes ?? [])],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Creating workspaces and changing their settings. */
export class WorkspacesService {
  constructor(private readonly repository: WorkspacesRepository) {}

  /** Creates a workspace and returns it. */
  async createWorkspace(name: string, defaultCountry = 'US'): Promise<Workspace> {
    const now = nowIso();
    const row: WorkspacesTable = {
      id: newId(),
      name,
      default_country: defaultCountry,
      settings: '{}',
      created_at: now,
      updated_at: now,
    };
    await this.repository.insert(row);
    return toWorkspace(row);
  }

  /** One workspace, or 404. */
  async getWorkspace(id: string): Promise<Workspace> {
    const row = await this.repository.find(id);
    if (!row) throw notFound('Workspace');
    return toWorkspace(row);
  }

  /** The workspace CLI commands use when none is named, if any exists. */
  async findDefaultWorkspace(): Promise<Workspace | undefined> {
    const row = await this.repository.findFirst();
    return row ? toWorkspace(row) : undefined;
  }

  /** Applies settings changes; custom note types are stored without the built-in ones. */
  async updateWorkspace(id: string, changes: z.output<typeof workspaceUpdateSchema>): Promise<Workspace> {
    const row = await this.repository.find(id);
    if (!row) throw notFound('Workspace');
    const settings = JSON.parse(row.settings) as StoredSettings;
    if (changes.noteTypes) {
      const builtIn = new Set<string>(BUILT_IN_NOTE_TYPES);
      settings.noteTypes = [...new Set(changes.noteTypes)].filter((t) => !builtIn.has(t));
    }
    await this.repository.update(id, {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.defaultCountry !== undefined ? { default_country: changes.defaultCountry } : {}),
      settings: JSON.stringify(settings),
      updated_at: nowIso(),
    });
    return this.getWorkspace(id);
  }
}
