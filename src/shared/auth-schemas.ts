import { z } from 'zod';
import { roleSchema, userSchema } from './user-schemas.js';
import { workspaceSchema } from './workspace-schemas.js';

/** Signing in with email and password; the workspace is needed only when the email belongs to several. */
export const loginSchema = z
  .object({
    email: z.string().trim().toLowerCase().min(3).max(254),
    password: z.string().min(1).max(200),
    workspaceId: z.string().optional(),
  })
  .strict();

/** The signed-in user, their workspace, and the token to send as X-CSRF-Token on writes. */
export const sessionSchema = z.object({
  user: userSchema,
  workspace: workspaceSchema,
  csrfToken: z.string(),
});

/** Creating an API key. */
export const apiKeyCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    role: roleSchema.default('agent'),
  })
  .strict();

/** An API key as listed (the key itself is never shown again). */
export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  prefix: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
/** An API key as listed. */
export type ApiKey = z.infer<typeof apiKeySchema>;
