import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';

/** The repository root, where the server's sources live. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A server running in its own process, so the load generator does not share its event loop. */
export interface ChildServer {
  pid: number;
  baseUrl: string;
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 120_000;

async function waitUntilReady(child: ChildProcess, url: string, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not answer ${url} within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output()}`);
}

/** Runs a TypeScript entry point with tsx in a child process on a free port and waits for `readyPath`. */
export async function startChildServer(
  entry: string[],
  env: Record<string, string>,
  readyPath: string,
): Promise<ChildServer> {
  const port = await freePort();
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  delete inherited.ROLO_DATA_DIR;
  const child = spawn(process.execPath, ['--import', 'tsx', ...entry], {
    cwd: REPO_ROOT,
    env: { ...inherited, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(child, `${baseUrl}${readyPath}`, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    pid: child.pid ?? 0,
    baseUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Starts `rolo serve` against the benchmark's database, without demo data and with warnings only. */
export function startRoloServer(serverEnv: Record<string, string>): Promise<ChildServer> {
  return startChildServer(
    ['src/cli/main.ts', 'serve'],
    { ...serverEnv, ROLO_DEMO: '0', LOG_LEVEL: 'warn' },
    '/healthz',
  );
}
