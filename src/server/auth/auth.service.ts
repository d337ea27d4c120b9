import type { z } from 'zod';
import type { ApiKey, apiKeyCreateSchema } from '../../shared/auth-schemas.js';
import type { User } from '../../shared/user-schemas.js';
import { nowIso } from '../clock.js';
import { newId } from '../db/new-id.js';
import { AppError } from '../http/errors.js';
import { toUser } from '../users/users.service.js';
import type { UsersRepository } from '../users/users.repository.js';
import type { AuthRepository } from './auth.repository.js';
import { hashPassword, verifyPassword } from './password-hash.js';
import { requireRole, type Principal, type Role } from './principal.js';
import { hashSecret, newSecret } from './secret-token.js';

const SESSION_DAYS = 14;
const TOUCH_AFTER_MS = 10 * 60 * 1000;
const LOGIN_WINDOW_MS = 15 * 60 * 1000;
const LOGIN_LIMIT_PER_EMAIL = 10;
const LOGIN_LIMIT_PER_ADDRESS = 50;
const API_KEY_PREFIX = 'rolo_';
const UUID_LENGTH = 36;

const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();

/** Splits `<workspaceId>.<secret>` (session cookies) or `rolo_<workspaceId>_<secret>` (API keys). */
function splitCredential(
  value: string,
  prefix: string,
  separator: string,
): { workspaceId: string; secret: string } | null {
  if (!value.startsWith(prefix)) return null;
  const rest = value.slice(prefix.length);
  if (rest.length < UUID_LENGTH + 2 || rest[UUID_LENGTH] !== separator) return null;
  return { workspaceId: rest.slice(0, UUID_LENGTH), secret: rest.slice(UUID_LENGTH + 1) };
}

let decoy: Promise<string> | null = null;

/** A hash to check passwords of unknown emails against, so a wrong email takes as long as a wrong password. */
function decoyHash(): Promise<string> {
  decoy ??= hashPassword(newSecret());
  return decoy;
}

/** The CSRF token that goes with a session: derived from its secret, so nothing more is stored. */
export function csrfTokenFor(sessionCookie: string): string {
  return hashSecret(`csrf:${sessionCookie}`);
}

/** Signing in and out, sessions and API keys. */
export class AuthService {
  constructor(
    private readonly auth: AuthRepository,
    private readonly users: UsersRepository,
  ) {}

  /** Checks a password and opens a session; rate limited per email and per client address. */
  async login(
    input: { email: string; password: string; workspaceId?: string | undefined },
    clientAddress: string,
  ): Promise<{ cookie: string; user: User; workspaceId: string; expiresAt: string }> {
    // Buckets are named by hashes, so the counters keep no email or address in clear.
    await this.limitLoginAttempts(`login:address:${hashSecret(clientAddress)}`, LOGIN_LIMIT_PER_ADDRESS);
    await this.limitLoginAttempts(`login:email:${hashSecret(input.email)}`, LOGIN_LIMIT_PER_EMAIL);
    const candidates = (await this.users.findLoginCandidates(input.email)).filter(
      (u) => !input.workspaceId || u.workspace_id === input.workspaceId,
    );
    if (candidates.length === 0) await verifyPassword(input.password, await decoyHash());
    const matches = [];
    for (const candidate of candidates) {
      if (await verifyPassword(input.password, candidate.password_hash)) matches.push(candidate);
    }
    const [match] = matches;
    if (!match) throw new AppError('unauthenticated', 401, 'Email or password is wrong');
    if (matches.length > 1) {
      throw new AppError(
        'validation_failed',
        400,
        'This email belongs to several workspaces: choose one',
        [{ path: 'workspaceId', message: 'is required for this email' }],
        {
          workspaceIds: matches.map((m) => m.workspace_id),
          workspaces: matches.map((m) => ({ id: m.workspace_id, name: m.workspace_name })),
        },
      );
    }
    const secret = newSecret();
    const now = nowIso();
    const expiresAt = addDays(now, SESSION_DAYS);
    await this.auth.insertSession({
      workspace_id: match.workspace_id,
      token_hash: hashSecret(secret),
      user_id: match.id,
      created_at: now,
      expires_at: expiresAt,
      last_seen_at: now,
    });
    return {
      cookie: `${match.workspace_id}.${secret}`,
      user: toUser(match),
      workspaceId: match.workspace_id,
      expiresAt,
    };
  }

  /** Ends the session behind a cookie (unknown cookies are ignored). */
  async logout(cookie: string): Promise<void> {
    const parts = splitCredential(cookie, '', '.');
    if (parts) await this.auth.deleteSession(parts.workspaceId, hashSecret(parts.secret));
  }

  /** The principal behind a session cookie, and the new expiry when the session was just extended; null when invalid or expired. */
  async principalFromSession(
    cookie: string,
  ): Promise<{ principal: Principal; renewedUntil: string | null } | null> {
    const parts = splitCredential(cookie, '', '.');
    if (!parts) return null;
    const tokenHash = hashSecret(parts.secret);
    const now = nowIso();
    const session = await this.auth.findSession(parts.workspaceId, tokenHash, now);
    if (!session) return null;
    let renewedUntil: string | null = null;
    if (Date.parse(now) - Date.parse(session.last_seen_at) > TOUCH_AFTER_MS) {
      renewedUntil = addDays(now, SESSION_DAYS);
      await this.auth.touchSession(parts.workspaceId, tokenHash, now, renewedUntil);
    }
    const principal: Principal = {
      workspaceId: parts.workspaceId,
      kind: 'user',
      id: session.user_id,
      userId: session.user_id,
      role: session.role as Role,
    };
    return { principal, renewedUntil };
  }

  /** The principal behind an API key; null when unknown or revoked. */
  async principalFromApiKey(key: string): Promise<Principal | null> {
    const parts = splitCredential(key, API_KEY_PREFIX, '_');
    if (!parts) return null;
    const row = await this.auth.findActiveApiKey(parts.workspaceId, hashSecret(key));
    if (!row) return null;
    const now = nowIso();
    if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > TOUCH_AFTER_MS) {
      await this.auth.touchApiKey(parts.workspaceId, row.id, now);
    }
    return {
      workspaceId: parts.workspaceId,
      kind: 'api_key',
      id: row.id,
      userId: null,
      role: row.role as Role,
    };
  }

  /** Creates an API key; the key is returned here once and only its hash is kept. */
  async createApiKey(
    workspaceId: string,
    input: z.output<typeof apiKeyCreateSchema>,
    by?: Principal,
  ): Promise<{ apiKey: ApiKey; key: string }> {
    if (by) {
      requireRole(by, 'admin');
      if (input.role === 'owner') requireRole(by, 'owner');
    }
    const key = `${API_KEY_PREFIX}${workspaceId}_${newSecret()}`;
    const now = nowIso();
    const row = {
      workspace_id: workspaceId,
      id: newId(),
      name: input.name,
      role: input.role,
      prefix: `${key.slice(0, API_KEY_PREFIX.length + 8)}…${key.slice(-4)}`,
      key_hash: hashSecret(key),
      created_by: by?.userId ?? null,
      created_at: now,
      last_used_at: null,
      revoked_at: null,
    };
    await this.auth.insertApiKey(row);
    return { apiKey: toApiKey(row), key };
  }

  /** Keys of the workspace (admins only). */
  async listApiKeys(by: Principal): Promise<ApiKey[]> {
    requireRole(by, 'admin');
    return (await this.auth.listApiKeys(by.workspaceId)).map(toApiKey);
  }

  /** Revokes a key at once (admins only). */
  async revokeApiKey(by: Principal, id: string): Promise<void> {
    requireRole(by, 'admin');
    const key = (await this.auth.listApiKeys(by.workspaceId)).find((k) => k.id === id);
    if (key?.role === 'owner') requireRole(by, 'owner');
    if (!(await this.auth.revokeApiKey(by.workspaceId, id, nowIso()))) {
      throw new AppError('not_found', 404, 'API key not found or already revoked');
    }
  }

  private async limitLoginAttempts(bucket: string, limit: number): Promise<void> {
    const now = nowIso();
    const window = await this.auth.hitRateLimit(
      bucket,
      now,
      new Date(Date.parse(now) + LOGIN_WINDOW_MS).toISOString(),
    );
    if (window.count > limit) {
      const retryAfter = Math.max(1, Math.ceil((Date.parse(window.reset_at) - Date.parse(now)) / 1000));
      throw new AppError(
        'rate_limited',
        429,
        `Too many sign-in attempts; try again in ${retryAfter} s`,
        undefined,
        { retryAfter },
      );
    }
  }
}

function toApiKey(row: {
  id: string;
  name: string;
  role: string;
  prefix: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}): ApiKey {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    prefix: row.prefix,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
