import { z } from 'zod';
import { userCreateSchema, userSchema, userUpdateSchema } from '../../shared/user-schemas.js';
import { idParams, principalOf, type ApiInstance } from '../http/api-instance.js';
import type { Services } from '../services.js';

const tags = ['Team'];

/** Team members. */
export function registerUserRoutes(api: ApiInstance, { users }: Services): void {
  api.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'List team members',
        response: { 200: z.object({ data: z.array(userSchema) }) },
      },
    },
    async (request) => ({
      data: await users.listUsers(principalOf(request).workspaceId),
    }),
  );
  api.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Add a team member (admin); without a password one is generated and returned once',
        body: userCreateSchema,
        response: { 201: z.object({ user: userSchema, password: z.string().optional() }) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      return reply.status(201).send(await users.createUser(principal.workspaceId, request.body, principal));
    },
  );
  api.get(
    '/users/:id',
    { schema: { tags, summary: 'Get a team member', params: idParams, response: { 200: userSchema } } },
    async (request) => users.getUser(principalOf(request).workspaceId, request.params.id),
  );
  api.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a member: name and password (self or admin), role and access (admin)',
        params: idParams,
        body: userUpdateSchema,
        response: { 200: userSchema },
      },
    },
    async (request) => users.updateUser(principalOf(request), request.params.id, request.body),
  );
}
