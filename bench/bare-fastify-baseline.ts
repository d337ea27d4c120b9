import { startChildServer } from './child-server.js';
import { measureThroughput, type LoadSettings, type Throughput } from './throughput.js';

/** Throughput of a bare Fastify route in its own process, under the same autocannon settings as the API. */
export async function measureBareFastify(settings: LoadSettings): Promise<Throughput> {
  const server = await startChildServer(['bench/bare-fastify-server.ts'], {}, '/hello');
  try {
    return await measureThroughput(`${server.baseUrl}/hello`, settings);
  } finally {
    await server.stop();
  }
}
