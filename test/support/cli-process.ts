import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The `rolo` executable as package.json's `bin` names it. */
const ROLO_BIN = path.join(ROOT, 'bin/rolo.js');

/** Where a CLI process keeps its data: a SQLite data directory, or a PostgreSQL URL. */
export interface CliDatabase {
  ROLO_DATA_DIR: string;
  DATABASE_URL?: string;
}

/** What a finished CLI command did. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The last non-empty line of stdout. */
  lastLine: string;
}

/** The environment of a CLI process: this one's, without database settings, plus the given ones. */
function cliEnvironment(database: CliDatabase, extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, ROLO_DATA_DIR: _dir, ROLO_DEMO: _demo, PORT: _port, ...rest } = process.env;
  return { ...rest, ...database, ...extra };
}

function spawnRolo(args: string[], database: CliDatabase, extra: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [ROLO_BIN, ...args], {
    cwd: ROOT,
    env: cliEnvironment(database, extra),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs `rolo ARGS…` to completion. */
export function runCli(
  args: string[],
  database: CliDatabase,
  extra: Record<string, string> = {},
): Promise<CliResult> {
  const child = spawnRolo(args, database, extra);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = stdout.split('\n').filter((line) => line.trim() !== '');
      resolve({ code, stdout, stderr, lastLine: lines.at(-1) ?? '' });
    });
  });
}

/** A `rolo serve` process and what it printed so far. */
export interface ServeProcess {
  output(): string;
  /** Waits until the output matches, and returns the match. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `rolo serve` in the background. */
export function startServe(database: CliDatabase, extra: Record<string, string> = {}): ServeProcess {
  const child = spawnRolo(['serve'], database, extra);
  let output = '';
  const listeners = new Set<() => void>();
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);

  const waitFor = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = output.match(pattern);
        if (!match) return;
        cleanup();
        resolve(match);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`rolo serve did not print ${String(pattern)}; it printed:\n${output}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      void exited.then(() => {
        if (listeners.has(check)) {
          cleanup();
          reject(new Error(`rolo serve exited before printing ${String(pattern)}:\n${output}`));
        }
      });
      check();
    });

  return {
    output: () => output,
    waitFor,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
