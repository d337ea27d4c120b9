import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerAuthRoutes } from './auth/auth.routes.js';
import { registerAutomationRoutes } from './automation/automations.routes.js';
import { registerBulkActionRoutes } from './bulk-actions/bulk-actions.routes.js';
import { registerConsentRoutes } from './consents/consents.routes.js';
import { registerContactLookupRoutes } from './contacts/contact-lookup.routes.js';
import { registerContactRoutes } from './contacts/contacts.routes.js';
import { registerCustomFieldRoutes } from './custom-fields/custom-fields.routes.js';
import { registerTimelineRoutes } from './events/timeline.routes.js';
import { registerExportRoutes } from './exports/exports.routes.js';
import type { ApiInstance } from './http/api-instance.js';
import { authenticate } from './http/authenticate.js';
import { sendNotFound, sendProblem } from './http/errors.js';
import { idempotencyHooks } from './http/idempotency.js';
import { responseSerializerCompiler } from './http/response-serializer.js';
import { registerWebApp } from './http/web-app.js';
import { registerImportRoutes } from './imports/imports.routes.js';
import { MAX_IMPORT_BYTES } from './imports/imports.service.js';
import { registerJobRoutes } from './jobs/jobs.routes.js';
import { registerNoteRoutes } from './notes/notes.routes.js';
import { registerSavedSearchRoutes } from './saved-searches/saved-searches.routes.js';
import { registerSegmentRoutes } from './segments/segments.routes.js';
import type { Services } from './services.js';
import { registerQuickSearchRoutes } from './search/quick-search.routes.js';
import { registerContactSearchRoutes } from './search/search.routes.js';
import { registerSmartTagRoutes } from './smart-tags/smart-tags.routes.js';
import { registerTagRoutes } from './tags/tags.routes.js';
import { registerUserRoutes } from './users/users.routes.js';
import { registerWorkspaceRoutes } from './workspaces/workspaces.routes.js';
import { registerChannelRoutes } from './whatsapp/channels.routes.js';
import { registerConversationStatsRoutes } from './whatsapp/conversation-stats.routes.js';
import { registerOutboundRoutes } from './whatsapp/outbound.routes.js';
import { registerWhatsAppWebhook } from './whatsapp/webhook.routes.js';

/** How the app is built: its services, and logging and cookie settings. */
export interface AppOptions {
  services: Services;
  logLevel?: string;
  /** Believe X-Forwarded-For and X-Forwarded-Proto (set behind a reverse proxy that sets them). */
  trustProxy?: boolean;
  /** The built web app to serve at `/` (defaults to web/dist). */
  webDistDir?: string;
}

const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the Fastify app: security plugins, OpenAPI, health, the API under /api/v1. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { services } = options;
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  app.setErrorHandler(sendProblem);
  app.setNotFoundHandler(sendNotFound);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:', 'https:'] } },
  });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rolo API',
        version: '1',
        description: 'Contacts of a business that talks to its customers on WhatsApp.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: rolo_…' },
          session: { type: 'apiKey', in: 'cookie', name: 'rolo_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    await services.uow.ping();
    return reply.send({ status: 'ok' });
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await registerWhatsAppWebhook(app, services);
  await registerWebApp(app, options.webDistDir);

  const idempotency = idempotencyHooks(services.uow);
  await app.register(
    async (scope) => {
      const api = scope as unknown as ApiInstance;
      api.decorateRequest('principal', null);
      api.decorateRequest('idempotencyKey', null);
      api.addHook('onRequest', authenticate(services.auth));
      api.addHook('preHandler', idempotency.claim);
      api.addHook('onSend', idempotency.store);
      registerAuthRoutes(api, services);
      registerUserRoutes(api, services);
      registerWorkspaceRoutes(api, services);
      registerContactLookupRoutes(api, services);
      registerContactRoutes(api, services);
      registerContactSearchRoutes(api, services);
      registerQuickSearchRoutes(api, services);
      registerBulkActionRoutes(api, services);
      registerTimelineRoutes(api, services);
      registerNoteRoutes(api, services);
      registerConsentRoutes(api, services);
      registerTagRoutes(api, services);
      registerSmartTagRoutes(api, services);
      registerAutomationRoutes(api, services);
      registerSavedSearchRoutes(api, services);
      registerSegmentRoutes(api, services);
      registerCustomFieldRoutes(api, services);
      registerJobRoutes(api, services);
      registerExportRoutes(api, services);
      await api.register(fastifyMultipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } });
      registerImportRoutes(api, services);
      registerChannelRoutes(api, services);
      registerOutboundRoutes(api, services);
      registerConversationStatsRoutes(api, services);
    },
    { prefix: '/api/v1' },
  );
  return app;
}
