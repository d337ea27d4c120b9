import { z } from 'zod';

/** Roles a member can have. */
export const roleSchema = z.enum(['owner', 'admin', 'agent']);

/** A member of a workspace as the API shows it (never with a password hash). */
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
});
/** A member of a workspace. */
export type User = z.infer<typeof userSchema>;

/** A lower-cased email address. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('must be a valid email address').max(254));

/** A password people can live with and attackers cannot guess quickly. */
export const passwordSchema = z.string().min(10, 'must have at least 10 characters').max(200);

/** Adding a member; without a password one is generated and shown once. */
export const userCreateSchema = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1).max(200),
    role: roleSchema.default('agent'),
    password: passwordSchema.optional(),
  })
  .strict();

/** Changing a member. */
export const userUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: roleSchema,
    disabled: z.boolean(),
    password: passwordSchema,
    /** Required when members change their own password. */
    currentPassword: z.string().max(200),
  })
  .partial()
  .strict();
