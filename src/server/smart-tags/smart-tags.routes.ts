import { z } from 'zod';
import { jobSchema } from '../../shared/job-schemas.js';
import { smartRuleInputSchema, smartRuleSchema, smartRuleSetSchema } from '../../shared/smart-tag-schemas.js';
import { idParams, principalOf, type ApiInstance } from '../http/api-instance.js';
import type { Services } from '../services.js';

const tags = ['Tags'];

/** Smart tags: a tag's rule, set, cleared and evaluated now. */
export function registerSmartTagRoutes(api: ApiInstance, { smartTags }: Services): void {
  api.get(
    '/tags/:id/rule',
    {
      schema: {
        tags,
        summary: "A tag's rule (null: none)",
        params: idParams,
        response: { 200: smartRuleSchema },
      },
    },
    async (request) => ({
      tagId: request.params.id,
      rule: await smartTags.getRule(principalOf(request).workspaceId, request.params.id),
    }),
  );
  api.put(
    '/tags/:id/rule',
    {
      schema: {
        tags,
        summary: 'Make a smart tag: set its rule, a filter',
        description:
          'The tag is then put on every contact matching the rule and taken off those it no longer matches, by the rule only (never where a person applied it). The first evaluation over every contact runs as the job returned.',
        params: idParams,
        body: smartRuleInputSchema,
        response: { 202: smartRuleSetSchema },
      },
    },
    async (request, reply) => {
      const { rule, job } = await smartTags.setRule(
        principalOf(request),
        request.params.id,
        request.body.rule,
      );
      return reply.status(202).send({ tagId: request.params.id, rule, job });
    },
  );
  api.delete(
    '/tags/:id/rule',
    {
      schema: {
        tags,
        summary: "Clear a tag's rule; contacts carrying the tag keep it",
        params: idParams,
        response: { 200: smartRuleSchema },
      },
    },
    async (request) => {
      await smartTags.clearRule(principalOf(request), request.params.id);
      return { tagId: request.params.id, rule: null };
    },
  );
  api.post(
    '/tags/:id/rule/evaluate',
    {
      schema: {
        tags,
        summary: "Evaluate a tag's rule over every contact now",
        params: idParams,
        response: { 202: z.object({ job: jobSchema }) },
      },
    },
    async (request, reply) =>
      reply.status(202).send({ job: await smartTags.reevaluateNow(principalOf(request), request.params.id) }),
  );
}
