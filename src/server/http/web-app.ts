import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { registerHomePage } from '../home-page.js';
import { sendNotFound } from './errors.js';

/** Where `npm run build:web` writes the web app. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Serves the built web app at `/` (hashed assets cached for good and sent as compressed at build time, every other page path gets index.html); the API home page when it is not built. */
export async function registerWebApp(app: FastifyInstance, distDir = WEB_DIST_DIR): Promise<void> {
  if (!existsSync(`${distDir}index.html`)) {
    registerHomePage(app);
    return;
  }
  await app.register(async (web) => {
    await web.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: false,
      preCompressed: true,
      allowedPath: (path) => !path.startsWith('/.vite/'),
      cacheControl: false,
      setHeaders: (reply, path) => {
        void reply.header('cache-control', path.includes('/assets/') ? IMMUTABLE : 'no-cache');
      },
    });
    web.get('/*', { schema: { hide: true } }, async (request, reply) => {
      if (request.url.startsWith('/api/')) return sendNotFound(request, reply);
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  });
}
