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

/** The password of every owner the harness creates. */
export const TEST_PASSWORD = 'correct horse battery';

/** A browser session opened through POST /auth/login. */
export interface TestSession {
  /** The `rolo_session=…` pair to send as the Cookie header. */
  cookie: string;
  /** The token to send as X-CSRF-Token on writes. */
  csrfToken: string;
  /** The login response: user, workspace and csrfToken. */
  body: any;
}

/** Options of one test request. */
export interface RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as-is with Content-Type application/json unless `headers` names another. */
  rawBody?: string;
  /** API key to send as Bearer; `null` sends none. Defaults to the owner's key unless a session is given. */
  key?: string | null;
  /** Sends the session cookie, and its CSRF token on writes. */
  session?: TestSession;
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
  ownerEmail: string;
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<TestResponse<T>>;
  /** Creates another workspace with an owner key, for isolation tests. */
  createWorkspace(
    name: string,
  ): Promise<{ workspaceId: string; ownerKey: string; ownerId: string; ownerEmail: string }>;
  /** Signs in through the API; throws unless the login succeeds. */
  signIn(email: string, password?: string, workspaceId?: string): Promise<TestSession>;
  /** Creates an API key with a role in a workspace. */
  createKey(workspaceId: string, role: 'owner' | 'admin' | 'agent'): Promise<string>;
  close(): Promise<void>;
}

/** Starts the real app, listening on loopback, against a fresh database of the given dialect. */
export async function startTestApp(
  dialect: 'sqlite' | 'postgres',
  options: { trustProxy?: boolean } = {},
): Promise<TestApp> {
  const runtime = await openTestRuntime(dialect);
  const app = await buildApp({ services: runtime.services, logLevel: 'silent', ...options });
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
      password: TEST_PASSWORD,
    });
    return {
      workspaceId: workspace.id,
      ownerId: user.id,
      ownerEmail: user.email,
      ownerKey: await createKey(workspace.id, 'owner'),
    };
  };

  const first = await createWorkspace('Test Workspace');

  const request = async <T>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<TestResponse<T>> => {
    const { session } = options;
    const key = options.key === undefined ? (session ? null : first.ownerKey) : options.key;
    const payload = options.body !== undefined ? JSON.stringify(options.body) : options.rawBody;
    const headers: Record<string, string> = {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(session ? { cookie: session.cookie } : {}),
      ...(session && !['GET', 'HEAD'].includes(method) ? { 'x-csrf-token': session.csrfToken } : {}),
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    };
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(payload !== undefined ? { body: payload } : {}),
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

  const signIn = async (email: string, password = TEST_PASSWORD, workspaceId?: string) => {
    const response = await request<{ csrfToken: string }>('POST', '/api/v1/auth/login', {
      key: null,
      body: { email, password, ...(workspaceId ? { workspaceId } : {}) },
    });
    const cookie = response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0] ?? '')
      .find((pair) => pair.startsWith('rolo_session='));
    if (response.status !== 200 || !cookie)
      throw new Error(`sign-in of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return { cookie, csrfToken: response.body.csrfToken, body: response.body };
  };

  return {
    runtime,
    app,
    baseUrl,
    ...first,
    request,
    signIn,
    createWorkspace,
    createKey,
    close: async () => {
      await app.close();
      await runtime.close();
    },
  };
}
