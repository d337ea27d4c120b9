import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import type { Runtime } from '../../src/server/runtime.js';
import { openTestRuntime } from './test-database.js';

/** A response read through real HTTP. */
export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** Options of one test request. */
export interface RequestOptions {
  body?: unknown;
  /** API key to send as Bearer; `null` sends none. Defaults to the workspace owner's key. */
  key?: string | null;
  headers?: Record<string, string>;
}

/** A running app on a random loopback port over a fresh database, with one workspace and its owner's API key. */
export interface TestApp {
  runtime: Runtime;
  app: FastifyInstance;
  baseUrl: string;
  workspaceId: string;
  ownerId: string;
  ownerKey: string;
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<TestResponse<T>>;
  /** Creates another workspace with an owner key, for isolation tests. */
  createWorkspace(name: string): Promise<{ workspaceId: string; ownerKey: string; ownerId: string }>;
  /** Creates an API key with a role in a workspace. */
  createKey(workspaceId: string, role: 'owner' | 'admin' | 'agent'): Promise<string>;
  close(): Promise<void>;
}

/** Starts the real app, listening on loopback, against a fresh database of the given dialect. */
export async function startTestApp(dialect: 'sqlite' | 'postgres'): Promise<TestApp> {
  const runtime = await openTestRuntime(dialect);
  const app = await buildApp({ services: runtime.services, logLevel: 'silent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const { services } = runtime;

  const createKey = async (workspaceId: string, role: 'owner' | 'admin' | 'agent') =>
    (await services.auth.createApiKey(workspaceId, { name: `${role} key`, role })).key;

  const createWorkspace = async (name: string) => {
    const workspace = await services.workspaces.createWorkspace(name, 'US');
    const { user } = await services.users.createUser(workspace.id, {
      email: `owner@${workspace.id.slice(-8)}.test`,
      name: `${name} owner`,
      role: 'owner',
      password: 'correct horse battery',
    });
    return { workspaceId: workspace.id, ownerId: user.id, ownerKey: await createKey(workspace.id, 'owner') };
  };

  const first = await createWorkspace('Test Workspace');

  const request = async <T>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<TestResponse<T>> => {
    const key = options.key === undefined ? first.ownerKey : options.key;
    const headers: Record<string, string> = {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...options.headers,
    };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    return { status: response.status, headers: response.headers, body: body as T };
  };

  return {
    runtime,
    app,
    baseUrl,
    ...first,
    request,
    createWorkspace,
    createKey,
    close: async () => {
      await app.close();
      await runtime.close();
    },
  };
}
