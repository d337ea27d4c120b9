import { z } from 'zod';

/** The answer to a successful message send. */
export const sendResponseSchema = z.object({
  contacts: z.array(z.object({ wa_id: z.string() })).optional(),
  messages: z.array(z.object({ id: z.string() })).min(1),
});

/** One page of `GET /{wabaId}/message_templates`. */
export const templatePageSchema = z.object({
  data: z.array(
    z.object({
      name: z.string(),
      language: z.string(),
      status: z.string(),
      category: z.string(),
      components: z.array(z.object({ type: z.string(), text: z.string().optional() })).default([]),
    }),
  ),
  paging: z.object({ next: z.string().optional() }).optional(),
});

/** The answer to `GET /{mediaId}`. */
export const mediaResponseSchema = z.object({
  url: z.string(),
  mime_type: z.string(),
  sha256: z.string(),
  file_size: z.coerce.number(),
});

/** The error body every Graph API failure carries. */
export const graphErrorSchema = z.object({
  error: z.object({
    message: z.string().default(''),
    code: z.number(),
    error_data: z.object({ details: z.string().optional() }).optional(),
  }),
});
