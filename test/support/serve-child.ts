import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The rolo command line, as the crash tests run it. */
export const ROLO_BIN = path.join(ROOT, 'bin/rolo.js');

/** A `rolo serve` child process, its address once it listens. */
export interface Server {
  child: ChildProcess;
  baseUrl: string;
}

/** Starts `rolo serve` with the given settings (the caller's database settings left out) and waits until it listens. */
export function startServer(env: Record<string, string>): Promise<Server> {
  const { DATABASE_URL: _url, ROLO_DATA_DIR: _dir, PORT: _port, ...inherited } = process.env;
  const child = spawn(process.execPath, [ROLO_BIN, 'serve'], {
    cwd: ROOT,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`rolo serve did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Rolo is running at (http:\/\/\S+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve({ child, baseUrl: match[1].replace('localhost', '127.0.0.1') });
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`rolo serve exited (${signal ?? code}):\n${output}`));
    });
  });
}

/** Kills the server with SIGKILL, as a crash would, and waits until it is gone. */
export function killed(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}
