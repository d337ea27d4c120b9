import { Agent, request } from 'node:http';

/** One keep-alive connection to a server, for timing requests one after another. */
export interface HttpClient {
  /** Sends a request and resolves with the body; rejects unless the status is 2xx. */
  send(method: string, path: string, body?: unknown): Promise<string>;
  close(): void;
}

/** A client for `baseUrl` that sends the API key as Bearer on every request. */
export function createHttpClient(baseUrl: string, apiKey: string): HttpClient {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(baseUrl);
  return {
    send: (method, path, body) =>
      new Promise((resolve, reject) => {
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const req = request(
          {
            agent,
            host: url.hostname,
            port: url.port,
            method,
            path,
            headers: {
              authorization: `Bearer ${apiKey}`,
              ...(payload ? { 'content-type': 'application/json' } : {}),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              const status = res.statusCode ?? 0;
              if (status >= 200 && status < 300) resolve(text);
              else reject(new Error(`${method} ${path} answered ${status}: ${text.slice(0, 300)}`));
            });
          },
        );
        req.on('error', reject);
        req.end(payload);
      }),
    close: () => agent.destroy(),
  };
}
