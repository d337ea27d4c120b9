import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

/**
 * The webhook baseline: a bare Node HTTP server that reads the body, checks its X-Hub-Signature-256 with the same
 * HMAC-SHA256 as Rolo, and answers 200 (401 when the signature does not match); it keeps nothing.
 */
const secret = process.env.WHATSAPP_APP_SECRET ?? '';
const HEADER = /^sha256=([0-9a-f]{64})$/i;

const server = createServer((req, res) => {
  if (req.method !== 'POST') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    const header = req.headers['x-hub-signature-256'];
    const match = typeof header === 'string' ? HEADER.exec(header.trim()) : null;
    const expected = createHmac('sha256', secret).update(raw).digest();
    const valid = Boolean(match?.[1]) && timingSafeEqual(expected, Buffer.from(match?.[1] ?? '', 'hex'));
    if (!valid) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthenticated"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
  });
});
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.once('SIGTERM', () => process.exit(0));
