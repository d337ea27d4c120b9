import type { FastifyInstance } from 'fastify';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rolo</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1a1b1e}a{color:#1971c2}</style>
</head><body><h1>Rolo is running</h1>
<p>The web app is not built yet: run <code>npm run build:web</code> (or <code>npm start</code>, which builds it) and reload.</p>
<p>The API is served under <code>/api/v1</code>. Explore it in the <a href="/api/docs">API reference</a>
or read the machine-readable <a href="/api/openapi.json">OpenAPI document</a>.</p>
<p>Sign in with <code>POST /api/v1/auth/login</code> using the owner credentials printed when the server first started,
or create an API key with <code>rolo api-key create</code>.</p></body></html>`;

/** The page served at `/` when the web app is not built. */
export function registerHomePage(app: FastifyInstance): void {
  app.get('/', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(PAGE),
  );
}
